package dev.weir.runners.direct;

import dev.weir.runners.direct.execution.PipelineExecutor;
import dev.weir.runtime.jobs.JobRunResult;
import dev.weir.runtime.metrics.MetricsContainerStepMap;

/**
 * A run of the {@link DirectRunner}: its state, waiting for it, cancelling it, and its metrics.
 *
 * <p>Thread-safe. The run happens on its own driver thread from {@link #start}. States go
 * {@code RUNNING} then one of {@code DONE}, {@code FAILED} or {@code CANCELLED}, never back.
 * {@code waitUntilFinish} returns once the run has ended and its DoFns are torn down; for a failed
 * run it throws, on every call, the {@link PipelineExecutionException} that names the transform
 * and carries the user's exception as its cause. Metrics are live: committed values equal
 * attempted ones, as the direct runner never retries work.
 */
public final class DirectPipelineResult extends JobRunResult {
  private final PipelineExecutor executor;

  private DirectPipelineResult(PipelineExecutor executor, MetricsContainerStepMap metrics) {
    super(metrics);
    this.executor = executor;
    // Last, so that the run's thread only ever sees this object fully built.
    startRun("DirectRunner", "weir-direct-driver", executor::run, executor::cancel);
  }

  /** Starts {@code executor} on a new driver thread and returns the handle on its run. */
  static DirectPipelineResult start(PipelineExecutor executor, MetricsContainerStepMap metrics) {
    return new DirectPipelineResult(executor, metrics);
  }
}
