package dev.weir.sdk.io;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.SerializableFunction;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The endless source behind an unbounded {@code GenerateSequence}: the longs {@code start},
 * {@code start + 1}, ..., optionally at most {@code elementsPerPeriod} per {@code period}.
 *
 * <p>Each number's timestamp is {@code timestampFn(n)}, or the wall-clock time at which it is
 * read when no function is given; the watermark is the timestamp of the last number read (the
 * current wall-clock time without a function), so numbers given decreasing timestamps arrive late.
 * {@link #split} makes parts that interleave (part {@code i} of {@code k} reads
 * {@code start + i}, {@code start + i + k}, ...) and share the rate. A rate-limited reader delivers
 * its first number at once and the {@code n}-th no sooner than {@code n * period /
 * elementsPerPeriod} after it started; it resumes from a checkpoint with the same start time, so
 * the rate holds across restarts. Immutable and serializable.
 */
final class UnboundedCountingSource extends UnboundedSource<Long, UnboundedCountingSource.CounterMark> {
  private static final long serialVersionUID = 1L;

  private final long start;
  private final long stride;
  private final long elementsPerPeriod;
  private final Duration period;
  private final SerializableFunction<Long, Instant> timestampFn;

  private UnboundedCountingSource(
      long start, long stride, long elementsPerPeriod, Duration period, SerializableFunction<Long, Instant> timestampFn) {
    this.start = start;
    this.stride = stride;
    this.elementsPerPeriod = elementsPerPeriod;
    this.period = period;
    this.timestampFn = timestampFn;
  }

  /** The numbers from {@code start} on, as fast as they are read, at wall-clock timestamps. */
  static UnboundedCountingSource from(long start) {
    checkArgument(start >= 0, "The first number of a sequence must not be negative, got %s", start);
    return new UnboundedCountingSource(start, 1, 0, Duration.ZERO, null);
  }

  /** This source reading at most {@code elementsPerPeriod} numbers per {@code period}. */
  UnboundedCountingSource withRate(long elementsPerPeriod, Duration period) {
    checkArgument(elementsPerPeriod > 0, "The rate needs a positive number of elements, got %s", elementsPerPeriod);
    checkArgument(period.isLongerThan(Duration.ZERO), "The rate needs a positive period, got %s", period);
    return new UnboundedCountingSource(start, stride, elementsPerPeriod, period, timestampFn);
  }

  /** This source giving each number {@code n} the timestamp {@code timestampFn(n)}. */
  UnboundedCountingSource withTimestampFn(SerializableFunction<Long, Instant> timestampFn) {
    return new UnboundedCountingSource(
        start, stride, elementsPerPeriod, period, Objects.requireNonNull(timestampFn, "timestampFn"));
  }

  @Override
  public List<UnboundedCountingSource> split(int desiredNumSplits, PipelineOptions options) {
    // A rate smaller than the number of parts would leave some parts with no rate at all.
    int parts = (int) (elementsPerPeriod > 0 ? Math.min(desiredNumSplits, elementsPerPeriod) : desiredNumSplits);
    parts = Math.max(1, parts);
    List<UnboundedCountingSource> splits = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      long rate = elementsPerPeriod == 0 ? 0 : elementsPerPeriod / parts + (i < elementsPerPeriod % parts ? 1 : 0);
      splits.add(new UnboundedCountingSource(start + i * stride, stride * parts, rate, period, timestampFn));
    }
    return splits;
  }

  @Override
  public UnboundedReader<Long> createReader(PipelineOptions options, CounterMark checkpointMark) {
    return new CountingReader(this, checkpointMark);
  }

  @Override
  public Coder<CounterMark> getCheckpointMarkCoder() {
    return new CounterMarkCoder();
  }

  @Override
  public Coder<Long> getOutputCoder() {
    return VarLongCoder.of();
  }

  @Override
  public String toString() {
    return "UnboundedCountingSource{start=" + start + ", stride=" + stride
        + (elementsPerPeriod > 0 ? ", rate=" + elementsPerPeriod + "/" + period : "") + "}";
  }

  /**
   * Where a counting reader is: the last number it delivered (or the one before its first) and
   * when it started, which rate limiting counts from.
   *
   * @param lastDelivered the last number delivered, {@code start - stride} if none
   * @param startTime when the reader that made this mark first started
   */
  record CounterMark(long lastDelivered, Instant startTime) implements CheckpointMark {
    @Override
    public void finalizeCheckpoint() {}
  }

  /** Encodes a {@link CounterMark} as its number then its start time. */
  static final class CounterMarkCoder extends CustomCoder<CounterMark> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(CounterMark mark, OutputStream out) throws IOException {
      VarLongCoder.of().encode(mark.lastDelivered(), out);
      InstantCoder.of().encode(mark.startTime(), out);
    }

    @Override
    public CounterMark decode(InputStream in) throws IOException {
      return new CounterMark(VarLongCoder.of().decode(in), InstantCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof CounterMarkCoder;
    }

    @Override
    public int hashCode() {
      return CounterMarkCoder.class.hashCode();
    }
  }

  /** Reads the numbers of one (part of a) counting source. */
  private static final class CountingReader extends UnboundedReader<Long> {
    private final UnboundedCountingSource source;
    private final CounterMark resumeFrom;
    private Instant startTime;
    private long current;
    private long delivered;
    private Instant currentTimestamp;
    private boolean atRecord;

    CountingReader(UnboundedCountingSource source, CounterMark resumeFrom) {
      this.source = source;
      this.resumeFrom = resumeFrom;
    }

    @Override
    public boolean start() {
      if (resumeFrom == null) {
        startTime = Instant.now();
        current = source.start - source.stride;
      } else {
        startTime = resumeFrom.startTime();
        current = resumeFrom.lastDelivered();
      }
      delivered = (current - source.start) / source.stride + 1;
      return advance();
    }

    @Override
    public boolean advance() {
      if (source.elementsPerPeriod > 0 && delivered > allowedSoFar()) {
        return false;
      }
      current += source.stride;
      delivered++;
      currentTimestamp = source.timestampFn == null ? Instant.now() : source.timestampFn.apply(current);
      atRecord = true;
      return true;
    }

    // How many numbers the rate allows by now, counting the first one as due at once.
    private long allowedSoFar() {
      long elapsed = Math.max(0, Instant.now().getMillis() - startTime.getMillis());
      return source.elementsPerPeriod * elapsed / source.period.getMillis();
    }

    @Override
    public Long getCurrent() {
      if (!atRecord) {
        throw new NoSuchElementException("No current number: start() has not delivered one yet");
      }
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      if (!atRecord) {
        throw new NoSuchElementException("No current number: start() has not delivered one yet");
      }
      return currentTimestamp;
    }

    @Override
    public Instant getWatermark() {
      if (source.timestampFn == null) {
        return Instant.now();
      }
      return atRecord ? currentTimestamp : BoundedWindow.TIMESTAMP_MIN_VALUE;
    }

    @Override
    public CounterMark getCheckpointMark() {
      return new CounterMark(current, startTime);
    }

    @Override
    public long getSplitBacklogBytes() {
      if (source.elementsPerPeriod == 0) {
        return BACKLOG_UNKNOWN;
      }
      return Math.max(0, allowedSoFar() - delivered) * Long.BYTES;
    }

    @Override
    public UnboundedCountingSource getCurrentSource() {
      return source;
    }

    @Override
    public void close() {}
  }
}
