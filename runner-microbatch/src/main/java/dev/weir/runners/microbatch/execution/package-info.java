/**
 * The batch loop of the micro-batch runner ({@link dev.weir.runners.microbatch.execution.MicroBatchQuery})
 * and what every stage shares: the {@link dev.weir.runners.microbatch.execution.Stage} contract, the
 * pass that runs a batch through all stages in topological order, fusion of stateless stages, the
 * worker threads, side inputs and the capture of stage state for checkpoints. The stages themselves
 * live in {@code dev.weir.runners.microbatch.stages} and {@code dev.weir.runners.microbatch.sources}.
 * Internal to the runner.
 */
package dev.weir.runners.microbatch.execution;
