/**
 * How the direct runner executes a pipeline, bounded or not: a driver thread
 * ({@link dev.weir.runners.direct.streaming.StreamingExecutor}) moves batches of elements between
 * push-based step executors, one per primitive step, keeps every step's input and output
 * watermark ({@code PipelineWatermarks}), dispatches the steps' work to the worker pool and
 * commits its results, plays {@code TestStream} events when the pipeline is quiescent, and owns
 * processing time (a manual clock under a {@code TestStream}, the system clock otherwise).
 *
 * <p>Internal to the direct runner. Grouping, stateful DoFns, window assignment and DoFn
 * invocation come from the shared execution core ({@code dev.weir.runtime}); this package only
 * decides when and on which thread they run.
 */
package dev.weir.runners.direct.streaming;
