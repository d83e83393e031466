/**
 * Connectors: sources and sinks built only on the public SDK ({@code dev.weir.sdk}). A Beam
 * connector {@code org.apache.beam.sdk.io.X} has its Weir counterpart at {@code dev.weir.io.X}.
 * Files are local ({@code java.nio.file}); sinks write to temporary files and commit by renaming
 * them into place.
 */
package dev.weir.io;
