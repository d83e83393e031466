package dev.weir.sdk.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.values.PCollection;
import java.util.Objects;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Sets each element's timestamp to what a function computes from it:
 * {@code WithTimestamps.of(event -> event.getTime())}.
 *
 * <p>A new timestamp may not be earlier than the element's current timestamp minus the allowed
 * skew (zero by default, as in Beam): moving timestamps back could make data late. Raise the skew
 * with {@link #withAllowedTimestampSkew}. Windows are not reassigned; apply {@code Window.into}
 * after this transform. A null timestamp fails, naming the element.
 *
 * @param <T> the element type
 */
public final class WithTimestamps<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private final SerializableFunction<T, Instant> fn;
  private final Duration allowedTimestampSkew;

  private WithTimestamps(SerializableFunction<T, Instant> fn, Duration allowedTimestampSkew) {
    this.fn = Objects.requireNonNull(fn, "fn");
    this.allowedTimestampSkew = allowedTimestampSkew;
  }

  /** Timestamps each element with {@code fn(element)}. */
  public static <T> WithTimestamps<T> of(SerializableFunction<T, Instant> fn) {
    return new WithTimestamps<>(fn, Duration.ZERO);
  }

  /** This transform, allowing new timestamps up to {@code skew} earlier than the current ones. */
  public WithTimestamps<T> withAllowedTimestampSkew(Duration skew) {
    checkArgument(skew != null && !skew.isShorterThan(Duration.ZERO),
        "WithTimestamps: the allowed timestamp skew must be zero or positive, was %s", skew);
    return new WithTimestamps<>(fn, skew);
  }

  /** How much earlier than the current timestamp a new one may be. */
  public Duration getAllowedTimestampSkew() {
    return allowedTimestampSkew;
  }

  /** The function that computes timestamps. */
  public SerializableFunction<T, Instant> getTimestampFn() {
    return fn;
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    return input.apply("AddTimestamps", ParDo.of(new AddTimestampsFn<>(fn, allowedTimestampSkew)))
        .setCoder(input.getCoder());
  }

  private static final class AddTimestampsFn<T> extends DoFn<T, T> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<T, Instant> fn;
    private final Duration allowedTimestampSkew;

    AddTimestampsFn(SerializableFunction<T, Instant> fn, Duration allowedTimestampSkew) {
      this.fn = fn;
      this.allowedTimestampSkew = allowedTimestampSkew;
    }

    @ProcessElement
    public void processElement(@Element T element, OutputReceiver<T> out) {
      Instant timestamp = fn.apply(element);
      if (timestamp == null) {
        throw new IllegalStateException(
            "WithTimestamps: the timestamp function returned null for element " + element
                + ". Fix: return an Instant for every element.");
      }
      out.outputWithTimestamp(element, timestamp);
    }

    @Override
    public Duration getAllowedTimestampSkew() {
      return allowedTimestampSkew;
    }
  }
}
