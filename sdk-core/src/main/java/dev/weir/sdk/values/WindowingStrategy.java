package dev.weir.sdk.values;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.Trigger;
import dev.weir.sdk.transforms.windowing.Window.ClosingBehavior;
import dev.weir.sdk.transforms.windowing.Window.OnTimeBehavior;
import dev.weir.sdk.transforms.windowing.WindowFn;
import java.io.Serializable;
import java.util.Objects;
import org.joda.time.Duration;

/**
 * Everything that decides how a {@link PCollection}'s elements are grouped in event time: the
 * window function, the trigger, the accumulation mode, how long late data is accepted, how output
 * timestamps are chosen, and whether final and on-time panes fire when empty.
 *
 * <p>Immutable; {@code withX} methods return modified copies. The {@code xSpecified} flags
 * record what the user set explicitly, which {@code Window} uses to validate and to merge a new
 * configuration into an existing one.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public final class WindowingStrategy<T, W extends BoundedWindow> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Whether fired panes are kept (each pane holds everything so far) or discarded. */
  public enum AccumulationMode {
    /** Each pane holds only the elements since the previous pane. */
    DISCARDING_FIRED_PANES,
    /** Each pane holds every element of the window so far. */
    ACCUMULATING_FIRED_PANES
  }

  private final WindowFn<T, W> windowFn;
  private final Trigger trigger;
  private final AccumulationMode mode;
  private final Duration allowedLateness;
  private final ClosingBehavior closingBehavior;
  private final OnTimeBehavior onTimeBehavior;
  private final TimestampCombiner timestampCombiner;
  private final boolean triggerSpecified;
  private final boolean modeSpecified;
  private final boolean allowedLatenessSpecified;
  private final boolean timestampCombinerSpecified;

  private WindowingStrategy(Builder<T, W> b) {
    this.windowFn = Objects.requireNonNull(b.windowFn, "windowFn");
    this.trigger = Objects.requireNonNull(b.trigger, "trigger");
    this.mode = Objects.requireNonNull(b.mode, "mode");
    checkArgument(
        !b.allowedLateness.isShorterThan(Duration.ZERO), "allowed lateness must not be negative: %s", b.allowedLateness);
    this.allowedLateness = b.allowedLateness;
    this.closingBehavior = Objects.requireNonNull(b.closingBehavior, "closingBehavior");
    this.onTimeBehavior = Objects.requireNonNull(b.onTimeBehavior, "onTimeBehavior");
    this.timestampCombiner = Objects.requireNonNull(b.timestampCombiner, "timestampCombiner");
    this.triggerSpecified = b.triggerSpecified;
    this.modeSpecified = b.modeSpecified;
    this.allowedLatenessSpecified = b.allowedLatenessSpecified;
    this.timestampCombinerSpecified = b.timestampCombinerSpecified;
  }

  /** Global windows, the default trigger, no allowed lateness: every input's default. */
  public static WindowingStrategy<Object, ?> globalDefault() {
    return of(new GlobalWindows());
  }

  /** The default strategy with {@code windowFn}. */
  public static <T, W extends BoundedWindow> WindowingStrategy<T, W> of(WindowFn<T, W> windowFn) {
    Builder<T, W> b = new Builder<>();
    b.windowFn = windowFn;
    return new WindowingStrategy<>(b);
  }

  public WindowFn<T, W> getWindowFn() {
    return windowFn;
  }

  public Trigger getTrigger() {
    return trigger;
  }

  public AccumulationMode getMode() {
    return mode;
  }

  /** How long after the end of a window its late data is still accepted. */
  public Duration getAllowedLateness() {
    return allowedLateness;
  }

  /** Whether the final pane of a window fires when it holds nothing. */
  public ClosingBehavior getClosingBehavior() {
    return closingBehavior;
  }

  /** Whether the ON_TIME pane fires when it holds nothing new. */
  public OnTimeBehavior getOnTimeBehavior() {
    return onTimeBehavior;
  }

  public TimestampCombiner getTimestampCombiner() {
    return timestampCombiner;
  }

  public boolean isTriggerSpecified() {
    return triggerSpecified;
  }

  public boolean isModeSpecified() {
    return modeSpecified;
  }

  public boolean isAllowedLatenessSpecified() {
    return allowedLatenessSpecified;
  }

  public boolean isTimestampCombinerSpecified() {
    return timestampCombinerSpecified;
  }

  /** This strategy with another window function. */
  public <NewW extends BoundedWindow> WindowingStrategy<T, NewW> withWindowFn(WindowFn<?, NewW> fn) {
    @SuppressWarnings("unchecked")
    WindowFn<T, NewW> typed = (WindowFn<T, NewW>) fn;
    Builder<T, NewW> b = new Builder<T, NewW>().from(this);
    b.windowFn = typed;
    return new WindowingStrategy<>(b);
  }

  /** This strategy with another trigger. */
  public WindowingStrategy<T, W> withTrigger(Trigger newTrigger) {
    Builder<T, W> b = new Builder<T, W>().from(this);
    b.windowFn = windowFn;
    b.trigger = newTrigger;
    b.triggerSpecified = true;
    return new WindowingStrategy<>(b);
  }

  /** This strategy with another accumulation mode. */
  public WindowingStrategy<T, W> withMode(AccumulationMode newMode) {
    Builder<T, W> b = new Builder<T, W>().from(this);
    b.windowFn = windowFn;
    b.mode = newMode;
    b.modeSpecified = true;
    return new WindowingStrategy<>(b);
  }

  /** This strategy with another allowed lateness. */
  public WindowingStrategy<T, W> withAllowedLateness(Duration lateness) {
    Builder<T, W> b = new Builder<T, W>().from(this);
    b.windowFn = windowFn;
    b.allowedLateness = lateness;
    b.allowedLatenessSpecified = true;
    return new WindowingStrategy<>(b);
  }

  /** This strategy with another closing behavior. */
  public WindowingStrategy<T, W> withClosingBehavior(ClosingBehavior behavior) {
    Builder<T, W> b = new Builder<T, W>().from(this);
    b.windowFn = windowFn;
    b.closingBehavior = behavior;
    return new WindowingStrategy<>(b);
  }

  /** This strategy with another on-time behavior. */
  public WindowingStrategy<T, W> withOnTimeBehavior(OnTimeBehavior behavior) {
    Builder<T, W> b = new Builder<T, W>().from(this);
    b.windowFn = windowFn;
    b.onTimeBehavior = behavior;
    return new WindowingStrategy<>(b);
  }

  /** This strategy with another timestamp combiner. */
  public WindowingStrategy<T, W> withTimestampCombiner(TimestampCombiner combiner) {
    Builder<T, W> b = new Builder<T, W>().from(this);
    b.windowFn = windowFn;
    b.timestampCombiner = combiner;
    b.timestampCombinerSpecified = true;
    return new WindowingStrategy<>(b);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WindowingStrategy)) {
      return false;
    }
    WindowingStrategy<?, ?> other = (WindowingStrategy<?, ?>) o;
    return windowFn.equals(other.windowFn)
        && trigger.equals(other.trigger)
        && mode == other.mode
        && allowedLateness.equals(other.allowedLateness)
        && closingBehavior == other.closingBehavior
        && onTimeBehavior == other.onTimeBehavior
        && timestampCombiner == other.timestampCombiner;
  }

  @Override
  public int hashCode() {
    return Objects.hash(windowFn, trigger, mode, allowedLateness, closingBehavior, onTimeBehavior, timestampCombiner);
  }

  @Override
  public String toString() {
    return "WindowingStrategy{windowFn=" + windowFn + ", trigger=" + trigger + ", mode=" + mode
        + ", allowedLateness=" + allowedLateness + ", closingBehavior=" + closingBehavior
        + ", onTimeBehavior=" + onTimeBehavior + ", timestampCombiner=" + timestampCombiner + "}";
  }

  private static final class Builder<T, W extends BoundedWindow> {
    WindowFn<T, W> windowFn;
    Trigger trigger = DefaultTrigger.of();
    AccumulationMode mode = AccumulationMode.DISCARDING_FIRED_PANES;
    Duration allowedLateness = Duration.ZERO;
    ClosingBehavior closingBehavior = ClosingBehavior.FIRE_IF_NON_EMPTY;
    OnTimeBehavior onTimeBehavior = OnTimeBehavior.FIRE_ALWAYS;
    TimestampCombiner timestampCombiner = TimestampCombiner.END_OF_WINDOW;
    boolean triggerSpecified;
    boolean modeSpecified;
    boolean allowedLatenessSpecified;
    boolean timestampCombinerSpecified;

    Builder<T, W> from(WindowingStrategy<?, ?> s) {
      trigger = s.trigger;
      mode = s.mode;
      allowedLateness = s.allowedLateness;
      closingBehavior = s.closingBehavior;
      onTimeBehavior = s.onTimeBehavior;
      timestampCombiner = s.timestampCombiner;
      triggerSpecified = s.triggerSpecified;
      modeSpecified = s.modeSpecified;
      allowedLatenessSpecified = s.allowedLatenessSpecified;
      timestampCombinerSpecified = s.timestampCombinerSpecified;
      return this;
    }
  }
}
