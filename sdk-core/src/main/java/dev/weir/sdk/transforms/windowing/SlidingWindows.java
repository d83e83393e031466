package dev.weir.sdk.transforms.windowing;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Windows of a fixed size that start every period: {@code [offset + k*period, offset + k*period +
 * size)} for every integer {@code k}, negative ones included. With a period shorter than the size an
 * element is in {@code size / period} windows (rounded up or down by its position); with a longer
 * one, timestamps between windows are in none.
 *
 * <p>Immutable. Example: {@code SlidingWindows.of(Duration.standardMinutes(10)).every(Duration.standardMinutes(1))}.
 */
public final class SlidingWindows extends NonMergingWindowFn<Object, IntervalWindow> {
  private static final long serialVersionUID = 1L;

  private final Duration period;
  private final Duration size;
  private final Duration offset;

  private SlidingWindows(Duration period, Duration size, Duration offset) {
    checkArgument(size.getMillis() > 0, "SlidingWindows size must be positive, got %s", size);
    checkArgument(period.getMillis() > 0, "SlidingWindows period (every) must be positive, got %s", period);
    checkArgument(
        offset.getMillis() >= 0 && offset.isShorterThan(period),
        "SlidingWindows offset must be in [0, period); got offset %s for period %s",
        offset,
        period);
    this.period = period;
    this.size = size;
    this.offset = offset;
  }

  /**
   * Windows of {@code size}, starting every hour, minute, second or millisecond: the largest of
   * those units strictly shorter than {@code size} (as Beam); change it with {@link #every}.
   */
  public static SlidingWindows of(Duration size) {
    return new SlidingWindows(defaultPeriod(size), size, Duration.ZERO);
  }

  /** The same size and offset, starting every {@code period}. */
  public SlidingWindows every(Duration period) {
    return new SlidingWindows(period, size, offset);
  }

  /** The same windows shifted by {@code offset}, which must be in {@code [0, period)}. */
  public SlidingWindows withOffset(Duration offset) {
    return new SlidingWindows(period, size, offset);
  }

  private static Duration defaultPeriod(Duration size) {
    for (Duration unit : List.of(Duration.standardHours(1), Duration.standardMinutes(1), Duration.standardSeconds(1))) {
      if (size.isLongerThan(unit)) {
        return unit;
      }
    }
    return Duration.millis(1);
  }

  public Duration getPeriod() {
    return period;
  }

  public Duration getSize() {
    return size;
  }

  public Duration getOffset() {
    return offset;
  }

  @Override
  public Collection<IntervalWindow> assignWindows(AssignContext c) {
    return assignWindows(c.timestamp());
  }

  /** The windows containing {@code timestamp}, latest start first. */
  public Collection<IntervalWindow> assignWindows(Instant timestamp) {
    long sizeMillis = size.getMillis();
    long earliestExcludedStart = timestamp.getMillis() - sizeMillis;
    List<IntervalWindow> windows = new ArrayList<>((int) Math.min(64, sizeMillis / period.getMillis() + 1));
    for (long start = lastStartAtOrBefore(timestamp.getMillis()); start > earliestExcludedStart;
        start -= period.getMillis()) {
      windows.add(new IntervalWindow(start, start + sizeMillis));
    }
    return windows;
  }

  /** The latest window start at or before {@code millis}; floor arithmetic keeps negatives right. */
  private long lastStartAtOrBefore(long millis) {
    return millis - Math.floorMod(millis - offset.getMillis(), period.getMillis());
  }

  @Override
  public boolean assignsToOneWindow() {
    return !period.isShorterThan(size);
  }

  @Override
  public boolean isCompatible(WindowFn<?, ?> other) {
    return equals(other);
  }

  @Override
  public Coder<IntervalWindow> windowCoder() {
    return IntervalWindow.getCoder();
  }

  /** Maps a main-input window to the earliest sliding window that contains its max timestamp. */
  @Override
  public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
    return new WindowMappingFn<IntervalWindow>() {
      private static final long serialVersionUID = 1L;

      @Override
      public IntervalWindow getSideInputWindow(BoundedWindow mainWindow) {
        if (mainWindow instanceof GlobalWindow) {
          throw new IllegalArgumentException(
              "A main input in the global window cannot read a side input windowed by " + SlidingWindows.this
                  + ": window the side input globally or the main input the same way");
        }
        long lastExcludedStart = lastStartAtOrBefore(mainWindow.maxTimestamp().getMillis() - size.getMillis());
        return new IntervalWindow(new Instant(lastExcludedStart + period.getMillis()), size);
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlidingWindows other
        && size.equals(other.size)
        && period.equals(other.period)
        && offset.equals(other.offset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, period, offset);
  }

  @Override
  public String toString() {
    return "SlidingWindows(" + size + " every " + period + (offset.getMillis() == 0 ? "" : ", offset " + offset) + ")";
  }
}
