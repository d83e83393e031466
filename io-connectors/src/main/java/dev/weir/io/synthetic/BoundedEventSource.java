package dev.weir.io.synthetic;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.options.PipelineOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.joda.time.Instant;

/**
 * The events with index in {@code [from, to)}, in order of index, each at its {@link Event#ts()}
 * as event time. {@link #split} cuts the range into contiguous sub-ranges that together cover each
 * index exactly once. Immutable and serializable; each reader is used by one thread at a time.
 */
final class BoundedEventSource extends BoundedSource<Event> {
  private static final long serialVersionUID = 1L;
  /** What one event is taken to weigh when sizing splits: its encoded index, at most. */
  static final long BYTES_PER_EVENT = Long.BYTES;

  private final long from;
  private final long to;

  BoundedEventSource(long from, long to) {
    checkArgument(0 <= from && from <= to, "Event range [%s, %s) must satisfy 0 <= from <= to", from, to);
    this.from = from;
    this.to = to;
  }

  long from() {
    return from;
  }

  long to() {
    return to;
  }

  @Override
  public List<BoundedEventSource> split(long desiredBundleSizeBytes, PipelineOptions options) {
    long eventsPerBundle = Math.max(1, desiredBundleSizeBytes / BYTES_PER_EVENT);
    List<BoundedEventSource> parts = new ArrayList<>();
    for (long start = from; start < to; start += Math.min(eventsPerBundle, to - start)) {
      parts.add(new BoundedEventSource(start, start + Math.min(eventsPerBundle, to - start)));
    }
    if (parts.isEmpty()) {
      parts.add(this);
    }
    return parts;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return (to - from) * BYTES_PER_EVENT;
  }

  @Override
  public BoundedReader<Event> createReader(PipelineOptions options) {
    return new EventRangeReader(this);
  }

  @Override
  public Coder<Event> getOutputCoder() {
    return EventCoder.of();
  }

  @Override
  public String toString() {
    return "SyntheticEvents[" + from + ", " + to + ")";
  }

  /** Reads one range of events in order of index. */
  private static final class EventRangeReader extends BoundedReader<Event> {
    private final BoundedEventSource source;
    private long next;
    private Event current;

    EventRangeReader(BoundedEventSource source) {
      this.source = source;
      this.next = source.from;
    }

    @Override
    public boolean start() {
      return advance();
    }

    @Override
    public boolean advance() {
      if (next >= source.to) {
        current = null;
        return false;
      }
      current = Event.of(next++);
      return true;
    }

    @Override
    public Event getCurrent() {
      if (current == null) {
        throw new NoSuchElementException("No current event: the reader is before its first or after its last");
      }
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      return new Instant(getCurrent().ts());
    }

    @Override
    public Double getFractionConsumed() {
      long size = source.to - source.from;
      return size == 0 ? 1.0 : (double) (next - source.from) / size;
    }

    @Override
    public BoundedEventSource getCurrentSource() {
      return source;
    }

    @Override
    public void close() {}
  }
}
