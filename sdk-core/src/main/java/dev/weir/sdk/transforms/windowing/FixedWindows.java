package dev.weir.sdk.transforms.windowing;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import java.util.Objects;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Windows of a fixed size that tile event time, {@code [offset + k*size, offset + (k+1)*size)}.
 *
 * <p>Immutable.
 */
public final class FixedWindows extends PartitioningWindowFn<Object, IntervalWindow> {
  private static final long serialVersionUID = 1L;

  private final Duration size;
  private final Duration offset;

  private FixedWindows(Duration size, Duration offset) {
    checkArgument(size.getMillis() > 0, "FixedWindows size must be positive, got %s", size);
    checkArgument(
        offset.getMillis() >= 0 && offset.isShorterThan(size),
        "FixedWindows offset must be in [0, size); got offset %s for size %s",
        offset,
        size);
    this.size = size;
    this.offset = offset;
  }

  /** Windows of {@code size}, aligned to the epoch. */
  public static FixedWindows of(Duration size) {
    return new FixedWindows(size, Duration.ZERO);
  }

  /** The same windows shifted by {@code offset}, which must be in {@code [0, size)}. */
  public FixedWindows withOffset(Duration offset) {
    return new FixedWindows(size, offset);
  }

  public Duration getSize() {
    return size;
  }

  public Duration getOffset() {
    return offset;
  }

  @Override
  public IntervalWindow assignWindow(Instant timestamp) {
    long t = timestamp.getMillis();
    long sizeMs = size.getMillis();
    long start = t - Math.floorMod(t - offset.getMillis(), sizeMs);
    // The last window before the end of time is cut short rather than overflowing.
    long end = start > BoundedWindow.TIMESTAMP_MAX_VALUE.getMillis() - sizeMs
        ? BoundedWindow.TIMESTAMP_MAX_VALUE.getMillis() + 1
        : start + sizeMs;
    return new IntervalWindow(start, end);
  }

  @Override
  public boolean isCompatible(WindowFn<?, ?> other) {
    return equals(other);
  }

  @Override
  public Coder<IntervalWindow> windowCoder() {
    return IntervalWindow.getCoder();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FixedWindows
        && size.equals(((FixedWindows) o).size)
        && offset.equals(((FixedWindows) o).offset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, offset);
  }

  @Override
  public String toString() {
    return "FixedWindows(" + size + (offset.getMillis() == 0 ? "" : ", offset " + offset) + ")";
  }
}
