package dev.weir.io.synthetic;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.LongMath;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.io.UnboundedSource;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.joda.time.Instant;

/**
 * The events {@code first, first + stride, first + 2 * stride, ...} below {@code limit}, in order
 * of index, each at its {@link Event#ts()} as event time, optionally at a rate of {@code R} events
 * per second over the whole generator: event {@code i} is not delivered before
 * {@code start + i * 1000 / R} ms, where {@code start} is when the source was split, one start for
 * all its parts, or, for a source never split, when its reader was first created.
 *
 * <p>Watermark of a reader: {@code max ts delivered so far - }{@value #MAX_OUT_OF_ORDERNESS_MILLIS}
 * ms (the beginning of time before the first event), and the end of time once every index below
 * {@code limit} has been delivered and the reader has tried to advance past the last. With that
 * bound no event is late, within one part or across parts.
 *
 * <p>{@link #split} makes parts that interleave: part {@code k} of {@code K} reads
 * {@code first + k * stride}, every {@code K * stride}-th index. A checkpoint mark holds the next
 * index to read, the largest event time delivered and the start time of the rate, so a reader
 * created from it resumes exactly after the last event delivered, with the same watermark and
 * schedule. Immutable and serializable; each reader is used by one thread at a time.
 */
final class UnboundedEventSource extends UnboundedSource<Event, EventMark> {
  private static final long serialVersionUID = 1L;
  /** The spec's bound on how far event time runs behind {@code i / 10}, plus one. */
  static final long MAX_OUT_OF_ORDERNESS_MILLIS = 2048;
  /** The start of a source never split: its reader's creation. */
  private static final long AT_FIRST_READER = Long.MIN_VALUE;

  private final long first;
  private final long stride;
  private final long limit;
  private final long eventsPerSecond;
  /**
   * When the rate's schedule starts, in ms since the epoch, shared by the parts of one split; or
   * {@link #AT_FIRST_READER} for a source never split. Parts that each started their own schedule
   * when their reader was created would run a few milliseconds apart (readers start on different
   * threads), and an event would look that much later than the generator's one schedule says.
   */
  private final long startMillis;

  /**
   * @param limit the first index not read; {@link Long#MAX_VALUE} for (practically) endless
   * @param eventsPerSecond the generator's rate; 0 for as fast as possible
   */
  UnboundedEventSource(long first, long stride, long limit, long eventsPerSecond) {
    this(first, stride, limit, eventsPerSecond, AT_FIRST_READER);
  }

  private UnboundedEventSource(long first, long stride, long limit, long eventsPerSecond, long startMillis) {
    checkArgument(first >= 0 && stride >= 1 && limit >= 0 && eventsPerSecond >= 0,
        "Invalid synthetic source: first=%s stride=%s limit=%s eventsPerSecond=%s",
        first, stride, limit, eventsPerSecond);
    this.first = first;
    this.stride = stride;
    this.limit = limit;
    this.eventsPerSecond = eventsPerSecond;
    this.startMillis = startMillis;
  }

  @Override
  public List<UnboundedEventSource> split(int desiredNumSplits, PipelineOptions options) {
    long indexes = first >= limit ? 0 : (limit - first - 1) / stride + 1;
    // Parts with no index at all would only be readers that are done at once.
    int parts = (int) Math.max(1, Math.min(desiredNumSplits, indexes));
    long start = startOrNow();
    List<UnboundedEventSource> splits = new ArrayList<>();
    for (int k = 0; k < parts; k++) {
      splits.add(new UnboundedEventSource(first + k * stride, stride * parts, limit, eventsPerSecond, start));
    }
    return splits;
  }

  @Override
  public UnboundedReader<Event> createReader(PipelineOptions options, EventMark checkpointMark) {
    if (checkpointMark == null) {
      return new EventReader(this, first, EventMark.NO_TS, startOrNow());
    }
    long next = checkpointMark.nextIndex();
    checkArgument(next >= first && (next - first) % stride == 0,
        "Checkpoint mark %s was not made by a reader of %s, which reads indexes %s + k * %s;"
            + " restore each part of the synthetic source from its own marks",
        checkpointMark, this, first, stride);
    return new EventReader(this, next, checkpointMark.maxTs(), checkpointMark.startMillis());
  }

  @Override
  public Coder<EventMark> getCheckpointMarkCoder() {
    return EventMark.EventMarkCoder.of();
  }

  @Override
  public Coder<Event> getOutputCoder() {
    return EventCoder.of();
  }

  @Override
  public String toString() {
    return "SyntheticEvents{first=" + first + ", stride=" + stride
        + (limit == Long.MAX_VALUE ? "" : ", limit=" + limit)
        + (eventsPerSecond == 0 ? "" : ", eventsPerSecond=" + eventsPerSecond) + "}";
  }

  /** The schedule's start: the split's, or now for a source never split. */
  private long startOrNow() {
    return startMillis == AT_FIRST_READER ? Instant.now().getMillis() : startMillis;
  }

  /** When event {@code i} is due, in ms since the epoch, for a generator started at {@code startMillis}. */
  long dueMillis(long startMillis, long i) {
    // i * 1000 would overflow for large indexes; whole seconds saturate instead.
    long wholeSeconds = LongMath.saturatedMultiply(i / eventsPerSecond, 1000);
    long due = LongMath.saturatedAdd(wholeSeconds, (i % eventsPerSecond) * 1000 / eventsPerSecond);
    return LongMath.saturatedAdd(startMillis, due);
  }

  /** Reads one part of the source. */
  private static final class EventReader extends UnboundedReader<Event> {
    private final UnboundedEventSource source;
    private final long startMillis;
    private long next;
    private long maxTs;
    private boolean exhausted;
    private Event current;

    EventReader(UnboundedEventSource source, long next, long maxTs, long startMillis) {
      this.source = source;
      this.next = next;
      this.maxTs = maxTs;
      this.startMillis = startMillis;
    }

    @Override
    public boolean start() {
      return advance();
    }

    @Override
    public boolean advance() {
      current = null;
      if (next >= source.limit) {
        exhausted = true;
        return false;
      }
      if (source.eventsPerSecond > 0 && System.currentTimeMillis() < source.dueMillis(startMillis, next)) {
        return false;
      }
      current = Event.of(next);
      next = LongMath.saturatedAdd(next, source.stride);
      maxTs = Math.max(maxTs, current.ts());
      return true;
    }

    @Override
    public Event getCurrent() {
      if (current == null) {
        throw new NoSuchElementException("No current event: the last start() or advance() returned false");
      }
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      return new Instant(getCurrent().ts());
    }

    @Override
    public Instant getWatermark() {
      if (exhausted) {
        return BoundedWindow.TIMESTAMP_MAX_VALUE;
      }
      if (maxTs == EventMark.NO_TS) {
        return BoundedWindow.TIMESTAMP_MIN_VALUE;
      }
      return new Instant(maxTs - MAX_OUT_OF_ORDERNESS_MILLIS);
    }

    @Override
    public EventMark getCheckpointMark() {
      return new EventMark(next, maxTs, startMillis);
    }

    @Override
    public UnboundedEventSource getCurrentSource() {
      return source;
    }

    @Override
    public void close() {}
  }
}
