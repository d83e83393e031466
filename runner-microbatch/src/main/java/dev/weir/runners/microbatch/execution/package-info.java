/**
 * The batch loop of the micro-batch runner and the stages it runs each batch through: one
 * {@link dev.weir.runners.microbatch.execution.Stage} per primitive step, sources planned as
 * offset ranges, keyed steps partitioned over worker threads, all of it driving the shared
 * execution core in {@code dev.weir.runtime}. Internal to the runner.
 */
package dev.weir.runners.microbatch.execution;
