package dev.weir.sdk.state;

import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Instant;

/**
 * State holding timestamped values read back sorted by timestamp; values with equal timestamps
 * keep the order in which they were added. Ranges are half-open: {@code [minTimestamp,
 * limitTimestamp)}.
 *
 * @param <T> the type of the values
 */
public interface OrderedListState<T> extends GroupingState<TimestampedValue<T>, Iterable<TimestampedValue<T>>> {
  /** The values with timestamps in {@code [minTimestamp, limitTimestamp)}, sorted by timestamp. */
  Iterable<TimestampedValue<T>> readRange(Instant minTimestamp, Instant limitTimestamp);

  /** Removes the values with timestamps in {@code [minTimestamp, limitTimestamp)}. */
  void clearRange(Instant minTimestamp, Instant limitTimestamp);

  /** Says that {@link #readRange} will be called soon for this range; returns this. */
  OrderedListState<T> readRangeLater(Instant minTimestamp, Instant limitTimestamp);

  @Override
  OrderedListState<T> readLater();
}
