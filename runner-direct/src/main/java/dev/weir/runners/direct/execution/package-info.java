/**
 * What the direct runner needs to run user code on its workers, whatever the step: the worker
 * pool that stops every task at the first failure, DoFn instances deserialized, set up and lent
 * one per thread ({@link dev.weir.runtime.dofn.DoFnInstancePool}), the push-based
 * ParDo evaluator over the core's {@code SimpleDoFnRunner}, the outputs of one bundle, and the
 * immutability and encodability checks.
 *
 * <p>Internal to the direct runner; {@link dev.weir.runners.direct.streaming} schedules the work.
 * Nothing here decides what a pipeline outputs, only where user code runs and what is checked.
 */
package dev.weir.runners.direct.execution;
