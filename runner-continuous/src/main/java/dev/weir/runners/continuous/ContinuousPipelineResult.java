package dev.weir.runners.continuous;


import dev.weir.runtime.jobs.JobRunResult;
import dev.weir.runtime.metrics.MetricsContainerStepMap;

/**
 * A run of the {@link ContinuousRunner}: its state, waiting for it, cancelling it, its metrics and
 * its progress ({@link #progress()}).
 *
 * <p>Thread-safe. The run happens on its own driver thread from {@link #start}. States go
 * {@code RUNNING} then one of {@code DONE}, {@code FAILED} or {@code CANCELLED}, never back.
 * {@code waitUntilFinish} returns once the run has ended and its DoFns are torn down; for a failed
 * run it throws, on every call, the {@link PipelineExecutionException} that names the transform
 * and carries the user's exception as its cause. Metrics are live: committed values equal
 * attempted ones within one run (a run restored from a checkpoint counts from zero).
 */
public final class ContinuousPipelineResult extends JobRunResult {
  private final ContinuousJob executor;

  private ContinuousPipelineResult(ContinuousJob executor, MetricsContainerStepMap metrics) {
    super(metrics);
    this.executor = executor;
    // Last, so that the run's thread only ever sees this object fully built.
    startRun("ContinuousRunner", "weir-continuous-job", executor::run, executor::cancel);
  }

  /** Starts {@code executor} on a new driver thread and returns the handle on its run. */
  static ContinuousPipelineResult start(ContinuousJob executor, MetricsContainerStepMap metrics) {
    return new ContinuousPipelineResult(executor, metrics);
  }

  /** Per operator counters of the run so far: records, rates, watermarks, back-pressure, checkpoints. */
  public Progress progress() {
    return executor.progress();
  }
}
