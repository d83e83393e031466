package dev.weir.sdk.values;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * An immutable value paired with an event-time timestamp, as given to {@code Create.timestamped}
 * or carried through a {@code Reshuffle}.
 *
 * <p>The value may be null; the timestamp may not.
 *
 * @param <V> the type of the value
 */
public final class TimestampedValue<V> {
  private final V value;
  private final Instant timestamp;

  private TimestampedValue(V value, Instant timestamp) {
    this.value = value;
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
  }

  /** {@code value} at {@code timestamp}. */
  public static <V> TimestampedValue<V> of(V value, Instant timestamp) {
    return new TimestampedValue<>(value, timestamp);
  }

  /** {@code value} at the minimum timestamp, where elements without a timestamp sit. */
  public static <V> TimestampedValue<V> atMinimumTimestamp(V value) {
    return of(value, BoundedWindow.TIMESTAMP_MIN_VALUE);
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
    return "TimestampedValue{" + value + " @ " + timestamp + "}";
  }

  /**
   * Encodes a {@link TimestampedValue} as its value (with the value coder) followed by its
   * timestamp in milliseconds, as 8 big-endian bytes.
   *
   * @param <T> the type of the value
   */
  public static final class TimestampedValueCoder<T> extends Coder<TimestampedValue<T>> {
    private static final long serialVersionUID = 1L;

    private final Coder<T> valueCoder;

    private TimestampedValueCoder(Coder<T> valueCoder) {
      this.valueCoder = Objects.requireNonNull(valueCoder, "valueCoder");
    }

    /** The coder of timestamped values whose values {@code valueCoder} encodes. */
    public static <T> TimestampedValueCoder<T> of(Coder<T> valueCoder) {
      return new TimestampedValueCoder<>(valueCoder);
    }

    public Coder<T> getValueCoder() {
      return valueCoder;
    }

    @Override
    public void encode(TimestampedValue<T> value, OutputStream out) throws IOException {
      valueCoder.encode(value.getValue(), out);
      DataOutputStream data = new DataOutputStream(out);
      data.writeLong(value.getTimestamp().getMillis());
      data.flush();
    }

    @Override
    public TimestampedValue<T> decode(InputStream in) throws IOException {
      T value = valueCoder.decode(in);
      return TimestampedValue.of(value, new Instant(new DataInputStream(in).readLong()));
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of(valueCoder);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      try {
        valueCoder.verifyDeterministic();
      } catch (NonDeterministicException e) {
        throw new NonDeterministicException(this, "its value coder is not deterministic", e);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TimestampedValueCoder && valueCoder.equals(((TimestampedValueCoder<?>) o).valueCoder);
    }

    @Override
    public int hashCode() {
      return valueCoder.hashCode();
    }
  }
}
