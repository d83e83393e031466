/**
 * How the direct runner executes a bounded pipeline: a driver
 * ({@link dev.weir.runners.direct.execution.BatchExecutor}) runs the steps in topological order,
 * each as tasks on a fixed pool of workers, with collections held in memory as bundles; the
 * per-primitive executions, the push-based ParDo evaluator, DoFn instance pooling and the
 * immutability and encodability checks.
 *
 * <p>Internal to the direct runner. Grouping, window assignment, side inputs and DoFn invocation
 * come from the shared execution core ({@code dev.weir.runtime}); nothing here decides what a
 * pipeline outputs, only when and on which thread work happens.
 */
package dev.weir.runners.direct.execution;
