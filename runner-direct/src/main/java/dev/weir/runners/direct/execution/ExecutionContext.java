package dev.weir.runners.direct.execution;

import dev.weir.runners.direct.DirectOptions;
import dev.weir.runtime.metrics.MetricsContainerStepMap;

/**
 * What every step's execution needs from the run: its options (the ones read often, read once
 * here), its workers and its metrics.
 *
 * <p>Immutable; shared by the driver and the workers.
 *
 * @param options the run's options, handed to user code
 * @param pool the workers that run the tasks of each step
 * @param metrics the metrics containers of the run, by step
 * @param desiredParts how many tasks to make of work that can be cut freely: a few per worker,
 *     so that unequal parts still keep every worker busy
 * @param enforceImmutability the value of {@code --enforceImmutability}
 * @param enforceEncodability the value of {@code --enforceEncodability}
 */
public record ExecutionContext(
    DirectOptions options,
    WorkerPool pool,
    MetricsContainerStepMap metrics,
    int desiredParts,
    boolean enforceImmutability,
    boolean enforceEncodability) {

  private static final int PARTS_PER_WORKER = 4;

  /** The context of a run with {@code options}, running on {@code pool}. */
  public static ExecutionContext of(DirectOptions options, WorkerPool pool, MetricsContainerStepMap metrics) {
    return new ExecutionContext(
        options, pool, metrics, options.getTargetParallelism() * PARTS_PER_WORKER,
        options.isEnforceImmutability(), options.isEnforceEncodability());
  }
}
