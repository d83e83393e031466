package dev.weir.runners.continuous;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.List;
import org.joda.time.Instant;

/**
 * The operator at the head of a subtask fed by channels: a grouping, a stateful DoFn or a DoFn
 * with side inputs, each a thin adapter over the shared execution core. Its outputs go straight
 * into the subtask's chain.
 *
 * <p>Owned by the subtask's thread. Call order per input message: {@link #startBundle}, any of
 * the other calls, {@link #finishBundle}.
 */
abstract class Head {
  void startBundle() {}

  void finishBundle() {}

  /** Processes one main-input element (in any number of windows). */
  abstract void process(WindowedValue<?> element);

  /** Processes the main-input elements of one buffer, in order. */
  void processAll(List<WindowedValue<?>> elements) {
    elements.forEach(this::process);
  }

  /**
   * Hands the core the records the head keeps back to process several together; called before
   * each checkpoint, so that the snapshot holds them. Whatever they complete is emitted now.
   */
  void flushPending() {}

  /** Moves processing time forward to {@code now}, firing what is due. */
  void advanceProcessingTime(Instant now) {}

  /** Moves the input watermark forward to {@code watermark}, firing what it passed. */
  void advanceInputWatermark(Instant watermark) {}

  /** The earliest timestamp the head may still output; the end of time if none. */
  Instant outputHold() {
    return BoundedWindow.TIMESTAMP_MAX_VALUE;
  }

  /** The earliest timestamp of elements waiting for side inputs; the end of time if none. */
  Instant pendingMinimum() {
    return BoundedWindow.TIMESTAMP_MAX_VALUE;
  }

  /** The processing time at which the head must be advanced again, or null. */
  Instant nextWakeUp() {
    return null;
  }

  /** Processes the waiting elements whose side inputs became ready. */
  void retryWaiting() {}

  /** The head's state, encoded through coders; called between bundles. Empty for a stateless head. */
  byte[] snapshot() {
    return new byte[0];
  }

  /** The head's elements waiting for side inputs, or null if it reads none. */
  WaitingElements waiting() {
    return null;
  }

  /** Releases what the head holds (DoFn instances); never throws. */
  void close() {}

  /** The earlier of two instants, either of which may be null. */
  static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
