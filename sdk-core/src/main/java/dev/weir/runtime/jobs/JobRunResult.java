package dev.weir.runtime.jobs;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.runtime.metrics.AggregatedMetricResults;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.metrics.MetricResults;
import org.joda.time.Duration;

/**
 * The {@link PipelineResult} part every runner shares: its state, cancelling and waiting are one
 * {@link JobRun}'s, and its metrics are live, committed values equal to attempted ones (no runner
 * retries work within a run). A runner's result adds what is its own (progress, for instance).
 *
 * <p>A subclass builds its own state first and calls {@link #startRun} last in its constructor, so
 * that the run's thread only ever sees it fully built. Thread-safe once started.
 */
public abstract class JobRunResult implements PipelineResult {
  private final MetricResults metrics;
  private volatile JobRun run;

  protected JobRunResult(MetricsContainerStepMap metrics) {
    this.metrics = AggregatedMetricResults.committedEqualsAttempted(metrics);
  }

  /**
   * Starts the run: {@code body} on a new thread named {@code threadName}, {@code onCancel} when
   * cancelled; see {@link JobRun#start}. Called once, at the end of the subclass's constructor.
   */
  protected final void startRun(String runnerName, String threadName, JobRun.Body body, Runnable onCancel) {
    checkState(run == null, "the run of %s is already started", this);
    run = JobRun.start(runnerName, threadName, body, onCancel);
  }

  @Override
  public final State getState() {
    return run.state();
  }

  @Override
  public final State cancel() {
    return run.cancel();
  }

  @Override
  public final State waitUntilFinish(Duration duration) {
    return run.waitUntilFinish(duration);
  }

  @Override
  public final State waitUntilFinish() {
    return waitUntilFinish(Duration.ZERO);
  }

  @Override
  public final MetricResults metrics() {
    return metrics;
  }

  @Override
  public String toString() {
    JobRun started = run;
    return getClass().getSimpleName() + "{" + (started == null ? "not started" : started.state()) + "}";
  }
}
