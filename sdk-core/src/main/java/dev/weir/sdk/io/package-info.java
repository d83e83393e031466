/**
 * Sources and the transforms that read them: {@code Source}, {@code BoundedSource}, {@code
 * UnboundedSource}, {@code Read} and {@code GenerateSequence}, mirroring {@code
 * org.apache.beam.sdk.io}. Connectors to real systems live in the {@code io-connectors} module
 * ({@code dev.weir.io}).
 */
package dev.weir.sdk.io;
