package dev.weir.sdk.values;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.StructuredCoder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * A value with an event-time timestamp, as produced by {@code Create.timestamped} or read by
 * {@code TestStream}.
 *
 * <p>Immutable if the value is. The value may be null; the timestamp may not. Equality compares
 * both.
 *
 * @param <V> the type of the value
 */
public final class TimestampedValue<V> {
  private final V value;
  private final Instant timestamp;

  private TimestampedValue(V value, Instant timestamp) {
    this.value = value;
    this.timestamp = timestamp;
  }

  /** {@code value} at {@code timestamp}; fails if the timestamp is null. */
  public static <V> TimestampedValue<V> of(V value, Instant timestamp) {
    checkArgument(timestamp != null, "the timestamp of a TimestampedValue must not be null (value %s)", value);
    return new TimestampedValue<>(value, timestamp);
  }

  /** {@code value} at {@link BoundedWindow#TIMESTAMP_MIN_VALUE}, before every other timestamp. */
  public static <V> TimestampedValue<V> atMinimumTimestamp(V value) {
    return new TimestampedValue<>(value, BoundedWindow.TIMESTAMP_MIN_VALUE);
  }

  public V getValue() {
    return value;
  }

  public Instant getTimestamp() {
    return timestamp;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TimestampedValue)) {
      return false;
    }
    TimestampedValue<?> other = (TimestampedValue<?>) o;
    return Objects.deepEquals(value, other.value) && timestamp.equals(other.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, timestamp);
  }

  @Override
  public String toString() {
    return "TimestampedValue(" + value + ", " + timestamp + ")";
  }

  /**
   * Encodes a {@link TimestampedValue} as its value, with the value coder, followed by its
   * timestamp, with {@link InstantCoder}.
   *
   * <p>Deterministic, and consistent with equals, when the value coder is. Immutable and
   * thread-safe.
   *
   * @param <T> the type of the value
   */
  public static final class TimestampedValueCoder<T> extends StructuredCoder<TimestampedValue<T>> {
    private static final long serialVersionUID = 1L;

    private final Coder<T> valueCoder;

    private TimestampedValueCoder(Coder<T> valueCoder) {
      this.valueCoder = valueCoder;
    }

    /** A coder whose values use {@code valueCoder}. */
    public static <T> TimestampedValueCoder<T> of(Coder<T> valueCoder) {
      checkArgument(valueCoder != null, "the value coder of a TimestampedValueCoder must not be null");
      return new TimestampedValueCoder<>(valueCoder);
    }

    public Coder<T> getValueCoder() {
      return valueCoder;
    }

    @Override
    public void encode(TimestampedValue<T> timestamped, OutputStream out) throws IOException {
      if (timestamped == null) {
        throw new CoderException("cannot encode a null TimestampedValue; wrap the coder in NullableCoder");
      }
      valueCoder.encode(timestamped.getValue(), out);
      InstantCoder.of().encode(timestamped.getTimestamp(), out);
    }

    @Override
    public TimestampedValue<T> decode(InputStream in) throws IOException {
      T value = valueCoder.decode(in);
      return TimestampedValue.of(value, InstantCoder.of().decode(in));
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of(valueCoder);
    }

    /** Deterministic when the value coder is. */
    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      verifyDeterministic(this, "the value coder must be deterministic", valueCoder);
    }

    @Override
    public boolean consistentWithEquals() {
      return valueCoder.consistentWithEquals();
    }

    /** The value itself where consistent with equals, else one holding the value's structural value. */
    @Override
    public Object structuralValue(TimestampedValue<T> timestamped) {
      if (consistentWithEquals()) {
        return timestamped;
      }
      return TimestampedValue.of(valueCoder.structuralValue(timestamped.getValue()), timestamped.getTimestamp());
    }

    @Override
    public TypeDescriptor<TimestampedValue<T>> getEncodedTypeDescriptor() {
      return timestampedValues(valueCoder.getEncodedTypeDescriptor());
    }

    // Static so that the anonymous descriptors do not capture (and serialize) this coder.
    private static <T> TypeDescriptor<TimestampedValue<T>> timestampedValues(TypeDescriptor<T> value) {
      return new TypeDescriptor<TimestampedValue<T>>() {}.where(new TypeParameter<T>() {}, value);
    }
  }
}
