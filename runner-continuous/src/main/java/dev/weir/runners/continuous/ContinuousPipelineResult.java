package dev.weir.runners.continuous;


import dev.weir.runtime.metrics.AggregatedMetricResults;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.metrics.MetricResults;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.joda.time.Duration;

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
public final class ContinuousPipelineResult implements PipelineResult {
  private final ContinuousJob executor;
  private final MetricResults metrics;
  private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile PipelineExecutionException failure;

  private ContinuousPipelineResult(ContinuousJob executor, MetricsContainerStepMap metrics) {
    this.executor = executor;
    this.metrics = AggregatedMetricResults.committedEqualsAttempted(metrics);
  }

  /** Starts {@code executor} on a new driver thread and returns the handle on its run. */
  static ContinuousPipelineResult start(ContinuousJob executor, MetricsContainerStepMap metrics) {
    ContinuousPipelineResult result = new ContinuousPipelineResult(executor, metrics);
    Thread driver = new Thread(result::drive, "weir-continuous-job");
    driver.start();
    return result;
  }

  private void drive() {
    try {
      State outcome = executor.run();
      state.compareAndSet(State.RUNNING, outcome);
    } catch (PipelineExecutionException e) {
      failure = e;
      state.compareAndSet(State.RUNNING, State.FAILED);
    } catch (Exception | Error e) {
      failure = new PipelineExecutionException("The ContinuousRunner failed: " + e, e);
      state.compareAndSet(State.RUNNING, State.FAILED);
    } finally {
      ended.countDown();
    }
  }

  @Override
  public State getState() {
    return state.get();
  }

  /** Stops the run; returns {@code CANCELLED}, or the terminal state it had already reached. */
  @Override
  public State cancel() {
    if (state.compareAndSet(State.RUNNING, State.CANCELLED)) {
      executor.cancel();
    }
    return state.get();
  }

  /**
   * Waits at most {@code duration} for the run to end; a duration under one millisecond waits
   * without limit, as in Beam. Returns the terminal state, or null if the time ran out or this
   * thread was interrupted (its interrupt flag is then set again).
   */
  @Override
  public State waitUntilFinish(Duration duration) {
    try {
      if (duration.getMillis() < 1) {
        ended.await();
      } else if (!ended.await(duration.getMillis(), TimeUnit.MILLISECONDS)) {
        return null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    return terminalState();
  }

  @Override
  public State waitUntilFinish() {
    return waitUntilFinish(Duration.ZERO);
  }

  private State terminalState() {
    State terminal = state.get();
    if (terminal == State.FAILED) {
      throw failure;
    }
    return terminal;
  }

  /** Per operator counters of the run so far: records, rates, watermarks, back-pressure, checkpoints. */
  public Progress progress() {
    return executor.progress();
  }

  @Override
  public MetricResults metrics() {
    return metrics;
  }

  @Override
  public String toString() {
    return "ContinuousPipelineResult{" + state.get() + "}";
  }
}
