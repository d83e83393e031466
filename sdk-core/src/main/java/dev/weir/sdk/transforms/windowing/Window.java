package dev.weir.sdk.transforms.windowing;

import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.Objects;
import org.joda.time.Duration;

/**
 * Sets how a {@link PCollection} is windowed: {@code Window.into(FixedWindows.of(...))}.
 *
 * <p>Immutable; each {@code withX} returns a modified copy.
 *
 * @param <T> the element type
 */
public final class Window<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private final WindowFn<? super T, ?> windowFn;
  private final Duration allowedLateness;
  private final TimestampCombiner timestampCombiner;

  private Window(WindowFn<? super T, ?> windowFn, Duration allowedLateness, TimestampCombiner timestampCombiner) {
    this.windowFn = windowFn;
    this.allowedLateness = allowedLateness;
    this.timestampCombiner = timestampCombiner;
  }

  /** Assigns each element to the windows {@code fn} chooses. */
  public static <T> Window<T> into(WindowFn<? super T, ?> fn) {
    return new Window<>(Objects.requireNonNull(fn, "windowFn"), null, null);
  }

  /** Keeps windows open for late data this long after the watermark passes their end. */
  public Window<T> withAllowedLateness(Duration lateness) {
    return new Window<>(windowFn, lateness, timestampCombiner);
  }

  /** Chooses grouped outputs' timestamps with {@code combiner}. */
  public Window<T> withTimestampCombiner(TimestampCombiner combiner) {
    return new Window<>(windowFn, allowedLateness, combiner);
  }

  public WindowFn<? super T, ?> getWindowFn() {
    return windowFn;
  }

  /** The strategy the output has, given the input's. */
  public WindowingStrategy<?, ?> outputStrategy(WindowingStrategy<?, ?> inputStrategy) {
    WindowingStrategy<?, ?> result = windowFn == null ? inputStrategy : inputStrategy.withWindowFn(windowFn);
    if (allowedLateness != null) {
      result = result.withAllowedLateness(allowedLateness);
    }
    if (timestampCombiner != null) {
      result = result.withTimestampCombiner(timestampCombiner);
    }
    return result;
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    return input.apply("Window.Assign", new Assign<>(windowFn, outputStrategy(input.getWindowingStrategy())));
  }

  @Override
  protected String getKindString() {
    return "Window.Into(" + windowFn + ")";
  }

  /**
   * The primitive that assigns windows with a {@link WindowFn} and sets the output's strategy.
   * Runners execute it; users apply {@link Window}.
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

    /** The function that assigns windows. */
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
