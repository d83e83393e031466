package dev.weir.runners.direct.execution;

import dev.weir.runners.direct.DirectOptions;
import dev.weir.runtime.metrics.MetricsContainerStepMap;

/**
 * What every step's execution needs from the run: its options, its workers and its metrics.
 *
 * <p>Immutable; shared by the driver and the workers.
 *
 * @param options the run's options
 * @param pool the workers that run the tasks of each step
 * @param metrics the metrics containers of the run, by step
 */
record ExecutionContext(DirectOptions options, WorkerPool pool, MetricsContainerStepMap metrics) {

  /** How many tasks to make of work that can be cut freely: a few per worker, for balance. */
  int desiredParts() {
    return options.getTargetParallelism() * 4;
  }

  boolean enforceImmutability() {
    return options.isEnforceImmutability();
  }

  boolean enforceEncodability() {
    return options.isEnforceEncodability();
  }
}
