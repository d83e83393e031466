package dev.weir.sdk.transforms.windowing;

import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.WindowingStrategy;
import dev.weir.sdk.values.WindowingStrategy.AccumulationMode;
import java.util.Objects;
import org.joda.time.Duration;

/**
 * Sets how a {@link PCollection} is windowed and triggered:
 * {@code Window.into(FixedWindows.of(...)).triggering(...).withAllowedLateness(...).accumulatingFiredPanes()}.
 *
 * <p>Immutable; each {@code withX} returns a modified copy. Settings left unset keep the input's.
 * As in Beam, a trigger other than the default needs an explicit allowed lateness (except in
 * global windows), and a configuration that can fire more than one pane needs an explicit
 * accumulation mode; otherwise {@code apply} fails saying which call is missing.
 *
 * @param <T> the element type
 */
public final class Window<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  /** Whether the final pane fires when the window closes with nothing new in it. */
  public enum ClosingBehavior {
    /** Always fire a final pane, even an empty one. */
    FIRE_ALWAYS,
    /** Fire the final pane only if it holds new elements. */
    FIRE_IF_NON_EMPTY
  }

  /** Whether the ON_TIME pane fires when it holds nothing new since the last pane. */
  public enum OnTimeBehavior {
    /** Always fire the ON_TIME pane. */
    FIRE_ALWAYS,
    /** Fire the ON_TIME pane only if it holds new elements. */
    FIRE_IF_NON_EMPTY
  }

  private final WindowFn<? super T, ?> windowFn;
  private final Trigger trigger;
  private final AccumulationMode mode;
  private final Duration allowedLateness;
  private final ClosingBehavior closingBehavior;
  private final OnTimeBehavior onTimeBehavior;
  private final TimestampCombiner timestampCombiner;

  private Window(
      WindowFn<? super T, ?> windowFn,
      Trigger trigger,
      AccumulationMode mode,
      Duration allowedLateness,
      ClosingBehavior closingBehavior,
      OnTimeBehavior onTimeBehavior,
      TimestampCombiner timestampCombiner) {
    this.windowFn = windowFn;
    this.trigger = trigger;
    this.mode = mode;
    this.allowedLateness = allowedLateness;
    this.closingBehavior = closingBehavior;
    this.onTimeBehavior = onTimeBehavior;
    this.timestampCombiner = timestampCombiner;
  }

  /** Assigns each element to the windows {@code fn} chooses. */
  public static <T> Window<T> into(WindowFn<? super T, ?> fn) {
    return new Window<>(Objects.requireNonNull(fn, "windowFn"), null, null, null, null, null, null);
  }

  /** Changes triggering or lateness without re-windowing. */
  public static <T> Window<T> configure() {
    return new Window<>(null, null, null, null, null, null, null);
  }

  /** Fires panes when {@code trigger} says. */
  public Window<T> triggering(Trigger newTrigger) {
    return new Window<>(windowFn, Objects.requireNonNull(newTrigger, "trigger"), mode, allowedLateness,
        closingBehavior, onTimeBehavior, timestampCombiner);
  }

  /** Each pane holds only the elements that arrived since the previous pane. */
  public Window<T> discardingFiredPanes() {
    return new Window<>(windowFn, trigger, AccumulationMode.DISCARDING_FIRED_PANES, allowedLateness,
        closingBehavior, onTimeBehavior, timestampCombiner);
  }

  /** Each pane holds every element of the window so far. */
  public Window<T> accumulatingFiredPanes() {
    return new Window<>(windowFn, trigger, AccumulationMode.ACCUMULATING_FIRED_PANES, allowedLateness,
        closingBehavior, onTimeBehavior, timestampCombiner);
  }

  /** Keeps windows open for late data this long after the watermark passes their end. */
  public Window<T> withAllowedLateness(Duration lateness) {
    return new Window<>(windowFn, trigger, mode, Objects.requireNonNull(lateness, "allowed lateness"),
        closingBehavior, onTimeBehavior, timestampCombiner);
  }

  /** Like {@link #withAllowedLateness(Duration)}, also saying whether an empty final pane fires. */
  public Window<T> withAllowedLateness(Duration lateness, ClosingBehavior behavior) {
    return new Window<>(windowFn, trigger, mode, Objects.requireNonNull(lateness, "allowed lateness"),
        Objects.requireNonNull(behavior, "closing behavior"), onTimeBehavior, timestampCombiner);
  }

  /** Says whether an ON_TIME pane with nothing new fires. */
  public Window<T> withOnTimeBehavior(OnTimeBehavior behavior) {
    return new Window<>(windowFn, trigger, mode, allowedLateness, closingBehavior,
        Objects.requireNonNull(behavior, "on-time behavior"), timestampCombiner);
  }

  /** Chooses grouped outputs' timestamps with {@code combiner}. */
  public Window<T> withTimestampCombiner(TimestampCombiner combiner) {
    return new Window<>(windowFn, trigger, mode, allowedLateness, closingBehavior, onTimeBehavior,
        Objects.requireNonNull(combiner, "timestamp combiner"));
  }

  /** The window function, or null for {@link #configure()}. */
  public WindowFn<? super T, ?> getWindowFn() {
    return windowFn;
  }

  /** The strategy the output has, given the input's. */
  public WindowingStrategy<?, ?> getOutputStrategyInternal(WindowingStrategy<?, ?> inputStrategy) {
    WindowingStrategy<?, ?> result = inputStrategy;
    if (windowFn != null) {
      result = result.withWindowFn(windowFn);
    }
    if (trigger != null) {
      result = result.withTrigger(trigger);
    }
    if (mode != null) {
      result = result.withMode(mode);
    }
    if (allowedLateness != null) {
      result = result.withAllowedLateness(allowedLateness);
    }
    if (closingBehavior != null) {
      result = result.withClosingBehavior(closingBehavior);
    }
    if (onTimeBehavior != null) {
      result = result.withOnTimeBehavior(onTimeBehavior);
    }
    if (timestampCombiner != null) {
      result = result.withTimestampCombiner(timestampCombiner);
    }
    return result;
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    WindowingStrategy<?, ?> output = getOutputStrategyInternal(input.getWindowingStrategy());
    validate(output);
    return input.apply("Window.Assign", new Assign<>(windowFn, output));
  }

  private static void validate(WindowingStrategy<?, ?> strategy) {
    if (strategy.isTriggerSpecified()
        && !(strategy.getTrigger() instanceof DefaultTrigger)
        && !(strategy.getWindowFn() instanceof GlobalWindows)
        && !strategy.isAllowedLatenessSpecified()) {
      throw new IllegalArgumentException(
          "Window: a trigger set with .triggering(" + strategy.getTrigger() + ") on " + strategy.getWindowFn()
              + " also needs .withAllowedLateness(...), the bound on how late data may arrive before it is"
              + " dropped (only GlobalWindows may omit it). Fix: add .withAllowedLateness(Duration.ZERO) or"
              + " the lateness you accept.");
    }
    if (!strategy.isModeSpecified() && canFireMoreThanOnePane(strategy)) {
      throw new IllegalArgumentException(
          "Window: this configuration can fire more than one pane per window (trigger " + strategy.getTrigger()
              + ", allowed lateness " + strategy.getAllowedLateness() + "), so it needs an accumulation mode."
              + " Fix: add .discardingFiredPanes() or .accumulatingFiredPanes().");
    }
  }

  private static boolean canFireMoreThanOnePane(WindowingStrategy<?, ?> strategy) {
    boolean lateDataPossible =
        !(strategy.getWindowFn() instanceof GlobalWindows) && strategy.getAllowedLateness().getMillis() > 0;
    boolean speculative = !(strategy.getTrigger() instanceof DefaultTrigger)
        && !(strategy.getTrigger() instanceof AfterWatermark.FromEndOfWindow);
    return lateDataPossible || speculative;
  }

  @Override
  protected String getKindString() {
    // Beam's name, without the window fn: its text can hold a '/' (a time zone such as
    // America/Los_Angeles), which a transform name must not.
    return windowFn == null ? "Window.Configure" : "Window.Into()";
  }

  /**
   * The primitive that assigns windows with a {@link WindowFn} and sets the output's strategy.
   * Runners execute it; users apply {@link Window}. A null window function keeps each element's
   * windows and changes only the strategy.
   *
   * @param <T> the element type
   */
  public static final class Assign<T> extends PTransform<PCollection<T>, PCollection<T>> {
    private static final long serialVersionUID = 1L;

    private final WindowFn<? super T, ?> windowFn;
    private final WindowingStrategy<?, ?> outputStrategy;

    Assign(WindowFn<? super T, ?> windowFn, WindowingStrategy<?, ?> outputStrategy) {
      this.windowFn = windowFn;
      this.outputStrategy = outputStrategy;
    }

    /** The function that assigns windows, or null to keep the elements' windows. */
    public WindowFn<? super T, ?> getWindowFn() {
      return windowFn;
    }

    @Override
    public PCollection<T> expand(PCollection<T> input) {
      return PCollection.createPrimitiveOutputInternal(
          input.getPipeline(), outputStrategy, input.isBounded(), input.getCoder());
    }
  }
}
