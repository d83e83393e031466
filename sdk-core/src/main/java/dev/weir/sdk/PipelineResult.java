package dev.weir.sdk;

import dev.weir.sdk.metrics.MetricResults;
import org.joda.time.Duration;

/**
 * A handle on one run of a {@link Pipeline}: its state, a way to wait for or cancel it, and its
 * metrics.
 *
 * <p>Thread-safe: any thread may wait on, cancel or query a run.
 */
public interface PipelineResult {

  /** The current state; terminal states never change again. */
  State getState();

  /** Asks the run to stop; returns the state reached (CANCELLED unless it had already ended). */
  State cancel();

  /**
   * Waits at most {@code duration} for the run to end. Returns the terminal state, or null if the
   * time ran out first. A run that failed throws {@link Pipeline.PipelineExecutionException}
   * carrying the user's exception as its cause.
   */
  State waitUntilFinish(Duration duration);

  /** Waits for the run to end; see {@link #waitUntilFinish(Duration)}. */
  State waitUntilFinish();

  /** The metrics reported by user code, committed and attempted. */
  MetricResults metrics();

  /** The states of a run. */
  enum State {
    UNKNOWN(false),
    STOPPED(false),
    RUNNING(false),
    DONE(true),
    FAILED(true),
    CANCELLED(true),
    UPDATED(true),
    UNRECOGNIZED(false);

    private final boolean terminal;

    State(boolean terminal) {
      this.terminal = terminal;
    }

    /** Whether a run in this state has ended for good. */
    public boolean isTerminal() {
      return terminal;
    }
  }
}
