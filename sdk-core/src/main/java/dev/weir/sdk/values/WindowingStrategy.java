package dev.weir.sdk.values;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.WindowFn;
import java.io.Serializable;
import java.util.Objects;
import org.joda.time.Duration;

/**
 * Everything that decides how a {@link PCollection}'s elements are grouped in event time: the
 * window function, how long late data is accepted, and how output timestamps are chosen.
 *
 * <p>Immutable; {@code withX} methods return modified copies.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public final class WindowingStrategy<T, W extends BoundedWindow> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final WindowFn<T, W> windowFn;
  private final Duration allowedLateness;
  private final TimestampCombiner timestampCombiner;

  private WindowingStrategy(WindowFn<T, W> windowFn, Duration allowedLateness, TimestampCombiner timestampCombiner) {
    this.windowFn = Objects.requireNonNull(windowFn, "windowFn");
    checkArgument(!allowedLateness.isShorterThan(Duration.ZERO), "allowed lateness must not be negative: %s", allowedLateness);
    this.allowedLateness = allowedLateness;
    this.timestampCombiner = Objects.requireNonNull(timestampCombiner, "timestampCombiner");
  }

  /** Global windows, no allowed lateness, output at the end of the window: every input's default. */
  public static WindowingStrategy<Object, ?> globalDefault() {
    return of(new GlobalWindows());
  }

  /** The default strategy with {@code windowFn}. */
  public static <T, W extends BoundedWindow> WindowingStrategy<T, W> of(WindowFn<T, W> windowFn) {
    return new WindowingStrategy<>(windowFn, Duration.ZERO, TimestampCombiner.END_OF_WINDOW);
  }

  public WindowFn<T, W> getWindowFn() {
    return windowFn;
  }

  /** How long after the end of a window its late data is still accepted. */
  public Duration getAllowedLateness() {
    return allowedLateness;
  }

  public TimestampCombiner getTimestampCombiner() {
    return timestampCombiner;
  }

  /** This strategy with another window function. */
  public <NewW extends BoundedWindow> WindowingStrategy<T, NewW> withWindowFn(WindowFn<?, NewW> fn) {
    @SuppressWarnings("unchecked")
    WindowFn<T, NewW> typed = (WindowFn<T, NewW>) fn;
    return new WindowingStrategy<>(typed, allowedLateness, timestampCombiner);
  }

  /** This strategy with another allowed lateness. */
  public WindowingStrategy<T, W> withAllowedLateness(Duration lateness) {
    return new WindowingStrategy<>(windowFn, lateness, timestampCombiner);
  }

  /** This strategy with another timestamp combiner. */
  public WindowingStrategy<T, W> withTimestampCombiner(TimestampCombiner combiner) {
    return new WindowingStrategy<>(windowFn, allowedLateness, combiner);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WindowingStrategy)) {
      return false;
    }
    WindowingStrategy<?, ?> other = (WindowingStrategy<?, ?>) o;
    return windowFn.equals(other.windowFn)
        && allowedLateness.equals(other.allowedLateness)
        && timestampCombiner == other.timestampCombiner;
  }

  @Override
  public int hashCode() {
    return Objects.hash(windowFn, allowedLateness, timestampCombiner);
  }

  @Override
  public String toString() {
    return "WindowingStrategy{windowFn=" + windowFn + ", allowedLateness=" + allowedLateness
        + ", timestampCombiner=" + timestampCombiner + "}";
  }
}
