package dev.weir.runtime.state;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.state.OrderedListState;
import dev.weir.sdk.state.ReadableState;
import dev.weir.sdk.values.TimestampedValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.joda.time.Instant;

/**
 * An {@link OrderedListState} held in memory: values by timestamp, values of one timestamp in the
 * order added. Encoded as a count, then timestamp and value of each element in read order.
 */
final class InMemoryOrderedListState<T> implements OrderedListState<T>, StateCell {
  private final Coder<T> coder;
  private final NavigableMap<Instant, List<T>> contents = new TreeMap<>();
  private int size;

  InMemoryOrderedListState(Coder<T> coder) {
    this.coder = coder;
  }

  @Override
  public void add(TimestampedValue<T> value) {
    Objects.requireNonNull(value, "value");
    contents.computeIfAbsent(value.getTimestamp(), t -> new ArrayList<>()).add(value.getValue());
    size++;
  }

  @Override
  public Iterable<TimestampedValue<T>> read() {
    return flatten(contents);
  }

  @Override
  public Iterable<TimestampedValue<T>> readRange(Instant minTimestamp, Instant limitTimestamp) {
    return flatten(range(minTimestamp, limitTimestamp));
  }

  @Override
  public void clearRange(Instant minTimestamp, Instant limitTimestamp) {
    NavigableMap<Instant, List<T>> range = range(minTimestamp, limitTimestamp);
    for (List<T> values : range.values()) {
      size -= values.size();
    }
    range.clear();
  }

  @Override
  public InMemoryOrderedListState<T> readRangeLater(Instant minTimestamp, Instant limitTimestamp) {
    return this;
  }

  private NavigableMap<Instant, List<T>> range(Instant minTimestamp, Instant limitTimestamp) {
    Objects.requireNonNull(minTimestamp, "minTimestamp");
    Objects.requireNonNull(limitTimestamp, "limitTimestamp");
    checkArgument(!limitTimestamp.isBefore(minTimestamp),
        "An OrderedListState range [%s, %s) ends before it starts", minTimestamp, limitTimestamp);
    return contents.subMap(minTimestamp, true, limitTimestamp, false);
  }

  private static <T> Iterable<TimestampedValue<T>> flatten(Map<Instant, List<T>> byTimestamp) {
    List<TimestampedValue<T>> result = new ArrayList<>();
    for (Map.Entry<Instant, List<T>> entry : byTimestamp.entrySet()) {
      for (T value : entry.getValue()) {
        result.add(TimestampedValue.of(value, entry.getKey()));
      }
    }
    return Collections.unmodifiableList(result);
  }

  @Override
  public ReadableState<Boolean> isEmpty() {
    return LazyReads.of(contents::isEmpty);
  }

  @Override
  public void clear() {
    contents.clear();
    size = 0;
  }

  @Override
  public InMemoryOrderedListState<T> readLater() {
    return this;
  }

  @Override
  public boolean hasNothingToSave() {
    return contents.isEmpty();
  }

  @Override
  public void encode(OutputStream out) throws IOException {
    VarIntCoder.of().encode(size, out);
    for (Map.Entry<Instant, List<T>> entry : contents.entrySet()) {
      for (T value : entry.getValue()) {
        InstantCoder.of().encode(entry.getKey(), out);
        coder.encode(value, out);
      }
    }
  }

  @Override
  public void decode(InputStream in) throws IOException {
    clear();
    int count = VarIntCoder.of().decode(in);
    for (int i = 0; i < count; i++) {
      Instant timestamp = InstantCoder.of().decode(in);
      add(TimestampedValue.of(coder.decode(in), timestamp));
    }
  }

  @Override
  public String toString() {
    return "OrderedListState" + read();
  }
}
