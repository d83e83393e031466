package dev.weir.runtime.jobs;

import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult.State;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.joda.time.Duration;

/**
 * One pipeline run on its own thread, as every runner's {@code PipelineResult} exposes it: its
 * state, cancelling it and waiting for it, with the same rules on every runner.
 *
 * <p>States go {@code RUNNING} then one of {@code DONE}, {@code FAILED} or {@code CANCELLED},
 * never back. {@link #waitUntilFinish} returns once the run's body has returned (the runner has
 * stopped its threads and torn down its DoFns by then); for a failed run it throws, on every call,
 * the {@link PipelineExecutionException} the body threw (which names the transform and carries the
 * user's exception as its cause), or one wrapping any other exception, naming the runner.
 * Thread-safe.
 */
public final class JobRun {
  /** The work of a run: returns its terminal state, or throws to fail it. */
  @FunctionalInterface
  public interface Body {
    State run() throws Exception;
  }

  private final String runnerName;
  private final Runnable onCancel;
  private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile PipelineExecutionException failure;

  private JobRun(String runnerName, Runnable onCancel) {
    this.runnerName = runnerName;
    this.onCancel = onCancel;
  }

  /**
   * Runs {@code body} on a new thread named {@code threadName}; {@code onCancel} is called once,
   * from the thread that cancels, if the run is cancelled while running, and must make the body
   * return soon.
   */
  public static JobRun start(String runnerName, String threadName, Body body, Runnable onCancel) {
    JobRun run = new JobRun(runnerName, onCancel);
    new Thread(() -> run.drive(body), threadName).start();
    return run;
  }

  private void drive(Body body) {
    try {
      State outcome = body.run();
      state.compareAndSet(State.RUNNING, outcome);
    } catch (PipelineExecutionException e) {
      failure = e;
      state.compareAndSet(State.RUNNING, State.FAILED);
    } catch (Exception | Error e) {
      failure = new PipelineExecutionException("The " + runnerName + " failed: " + e, e);
      state.compareAndSet(State.RUNNING, State.FAILED);
    } finally {
      ended.countDown();
    }
  }

  /** The current state. */
  public State state() {
    return state.get();
  }

  /** Stops the run; returns {@code CANCELLED}, or the terminal state it had already reached. */
  public State cancel() {
    if (state.compareAndSet(State.RUNNING, State.CANCELLED)) {
      onCancel.run();
    }
    return state.get();
  }

  /**
   * Waits at most {@code duration} for the run to end; a duration under one millisecond waits
   * without limit, as in Beam. Returns the terminal state, or null if the time ran out or this
   * thread was interrupted (its interrupt flag is then set again).
   *
   * @throws PipelineExecutionException if the run failed
   */
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
    State terminal = state.get();
    if (terminal == State.FAILED) {
      throw failure;
    }
    return terminal;
  }

  @Override
  public String toString() {
    return runnerName + " run " + state.get();
  }
}
