package dev.weir.runtime.values;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * An element as the execution core sees it: a value with its event-time timestamp, the windows
 * it belongs to and the pane that produced it.
 *
 * <p>Immutable (the value itself is owned by the pipeline and must not be mutated). A value in
 * several windows is one object until a step that needs one window at a time
 * {@linkplain #explodeWindows() explodes} it.
 *
 * @param <T> the value type
 */
public final class WindowedValue<T> {
  private static final List<BoundedWindow> GLOBAL = List.of(GlobalWindow.INSTANCE);

  private final T value;
  private final Instant timestamp;
  private final Collection<? extends BoundedWindow> windows;
  private final PaneInfo pane;

  private WindowedValue(T value, Instant timestamp, Collection<? extends BoundedWindow> windows, PaneInfo pane) {
    this.value = value;
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    this.windows = Objects.requireNonNull(windows, "windows");
    this.pane = Objects.requireNonNull(pane, "pane");
  }

  /** {@code value} at {@code timestamp} in {@code windows}, from {@code pane}. */
  public static <T> WindowedValue<T> of(
      T value, Instant timestamp, Collection<? extends BoundedWindow> windows, PaneInfo pane) {
    return new WindowedValue<>(value, timestamp, windows, pane);
  }

  /** {@code value} at {@code timestamp} in the one {@code window}, from {@code pane}. */
  public static <T> WindowedValue<T> of(T value, Instant timestamp, BoundedWindow window, PaneInfo pane) {
    return new WindowedValue<>(value, timestamp, List.of(window), pane);
  }

  /** {@code value} in the global window at the minimum timestamp, as sources without time emit. */
  public static <T> WindowedValue<T> valueInGlobalWindow(T value) {
    return new WindowedValue<>(value, BoundedWindow.TIMESTAMP_MIN_VALUE, GLOBAL, PaneInfo.NO_FIRING);
  }

  /** {@code value} in the global window at {@code timestamp}. */
  public static <T> WindowedValue<T> timestampedValueInGlobalWindow(T value, Instant timestamp) {
    return new WindowedValue<>(value, timestamp, GLOBAL, PaneInfo.NO_FIRING);
  }

  public T getValue() {
    return value;
  }

  public Instant getTimestamp() {
    return timestamp;
  }

  /** The windows, never empty for an element that flows through a pipeline. */
  public Collection<? extends BoundedWindow> getWindows() {
    return windows;
  }

  public PaneInfo getPane() {
    return pane;
  }

  /** The same timestamp, windows and pane with another value. */
  public <U> WindowedValue<U> withValue(U newValue) {
    return new WindowedValue<>(newValue, timestamp, windows, pane);
  }

  /** One value per window, each in just that window. */
  public List<WindowedValue<T>> explodeWindows() {
    if (windows.size() == 1) {
      return List.of(this);
    }
    List<WindowedValue<T>> result = new ArrayList<>(windows.size());
    for (BoundedWindow window : windows) {
      result.add(new WindowedValue<>(value, timestamp, List.of(window), pane));
    }
    return result;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WindowedValue)) {
      return false;
    }
    WindowedValue<?> other = (WindowedValue<?>) o;
    // Windows compare as a set, as in Beam: the order a WindowFn listed them in carries no meaning.
    return Objects.deepEquals(value, other.value)
        && timestamp.isEqual(other.timestamp)
        && pane.equals(other.pane)
        && new HashSet<>(windows).equals(new HashSet<>(other.windows));
  }

  @Override
  public int hashCode() {
    // Deep, to agree with equals on array values.
    return Objects.hash(Arrays.deepHashCode(new Object[] {value}), timestamp.getMillis(), new HashSet<>(windows), pane);
  }

  @Override
  public String toString() {
    return "WindowedValue{" + value + " @ " + timestamp + " in " + windows + ", " + pane + "}";
  }
}
