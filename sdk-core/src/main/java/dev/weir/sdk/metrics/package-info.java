/**
 * Metrics that user code reports while a pipeline runs ({@code Metrics.counter}, {@code
 * distribution}, {@code gauge}) and the results read from {@code PipelineResult.metrics()},
 * mirroring {@code org.apache.beam.sdk.metrics}. Runners install a {@code MetricsContainer} per step
 * and thread through {@code MetricsEnvironment}.
 */
package dev.weir.sdk.metrics;
