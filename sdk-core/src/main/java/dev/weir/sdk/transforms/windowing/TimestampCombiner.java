package dev.weir.sdk.transforms.windowing;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Iterator;
import org.joda.time.Instant;

/**
 * Decides the timestamp of a grouped output from the timestamps of its inputs, and with it how
 * far the output watermark is held back while the input is buffered.
 */
public enum TimestampCombiner {
  /** The earliest input timestamp: holds the watermark the most, gives the earliest output. */
  EARLIEST {
    @Override
    public Instant combine(Iterable<? extends Instant> timestamps) {
      return fold(timestamps, true);
    }

    @Override
    public Instant merge(BoundedWindow intoWindow, Iterable<? extends Instant> mergingTimestamps) {
      return combine(mergingTimestamps);
    }

    @Override
    public boolean dependsOnlyOnEarliestTimestamp() {
      return true;
    }
  },

  /** The latest input timestamp. */
  LATEST {
    @Override
    public Instant combine(Iterable<? extends Instant> timestamps) {
      return fold(timestamps, false);
    }

    @Override
    public Instant merge(BoundedWindow intoWindow, Iterable<? extends Instant> mergingTimestamps) {
      return combine(mergingTimestamps);
    }
  },

  /** The end of the window (its max timestamp), whatever the inputs: the default. */
  END_OF_WINDOW {
    @Override
    public Instant assign(BoundedWindow window, Instant timestamp) {
      return window.maxTimestamp();
    }

    @Override
    public Instant combine(Iterable<? extends Instant> timestamps) {
      return fold(timestamps, false);
    }

    @Override
    public Instant merge(BoundedWindow intoWindow, Iterable<? extends Instant> mergingTimestamps) {
      return intoWindow.maxTimestamp();
    }

    @Override
    public boolean dependsOnlyOnWindow() {
      return true;
    }
  };

  /** Combines the timestamps of the inputs of one pane. */
  public abstract Instant combine(Iterable<? extends Instant> timestamps);

  /** Combines the timestamps held by windows that merge into {@code intoWindow}. */
  public abstract Instant merge(BoundedWindow intoWindow, Iterable<? extends Instant> mergingTimestamps);

  /** The timestamp one input with {@code timestamp} contributes in {@code window}. */
  public Instant assign(BoundedWindow window, Instant timestamp) {
    return timestamp;
  }

  /** {@link #combine} of two timestamps, without the collection (a grouping calls it per element). */
  public Instant combine(Instant first, Instant second) {
    boolean earliest = dependsOnlyOnEarliestTimestamp();
    if (earliest ? second.isBefore(first) : second.isAfter(first)) {
      return second;
    }
    return first;
  }

  /** {@link #combine} over an array. */
  public Instant combine(Instant... timestamps) {
    return combine(Arrays.asList(timestamps));
  }

  /** Whether the result is always the earliest input. */
  public boolean dependsOnlyOnEarliestTimestamp() {
    return false;
  }

  /** Whether the result depends only on the window, not the inputs. */
  public boolean dependsOnlyOnWindow() {
    return false;
  }

  private static Instant fold(Iterable<? extends Instant> timestamps, boolean earliest) {
    Iterator<? extends Instant> it = timestamps.iterator();
    checkArgument(it.hasNext(), "cannot combine an empty set of timestamps");
    Instant result = it.next();
    while (it.hasNext()) {
      Instant next = it.next();
      if (earliest ? next.isBefore(result) : next.isAfter(result)) {
        result = next;
      }
    }
    return result;
  }
}
