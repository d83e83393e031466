/**
 * The entry points of the authoring API, mirroring {@code org.apache.beam.sdk}: {@link
 * dev.weir.sdk.Pipeline}, {@link dev.weir.sdk.PipelineResult} and {@link dev.weir.sdk.PipelineRunner}.
 * Nothing in {@code dev.weir.sdk} knows the execution core or any runner; the build enforces it.
 */
package dev.weir.sdk;
