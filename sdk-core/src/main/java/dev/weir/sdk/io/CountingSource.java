package dev.weir.sdk.io;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.SerializableFunction;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.joda.time.Instant;

/**
 * Sources of consecutive longs; {@link GenerateSequence} is the transform to use, this the source
 * behind it. Only bounded ranges are supported so far.
 */
public final class CountingSource {
  private CountingSource() {}

  /** The longs {@code 0} to {@code numElements - 1}. */
  public static BoundedSource<Long> upTo(long numElements) {
    checkArgument(numElements >= 0, "CountingSource.upTo: numElements must be >= 0, was %s", numElements);
    return new BoundedCountingSource(0, numElements, null);
  }

  /** The longs {@code start} (inclusive) to {@code end} (exclusive). */
  public static BoundedSource<Long> createSourceForSubrange(long start, long end) {
    return new BoundedCountingSource(start, end, null);
  }

  /** Like {@link #createSourceForSubrange}, each long timestamped with {@code timestampFn(long)}. */
  static BoundedSource<Long> createSourceForSubrange(long start, long end, SerializableFunction<Long, Instant> timestampFn) {
    return new BoundedCountingSource(start, end, timestampFn);
  }

  /**
   * The longs in {@code [start, end)}, split into contiguous sub-ranges. Immutable. Elements are at
   * the minimum timestamp unless a timestamp function is given.
   */
  static final class BoundedCountingSource extends BoundedSource<Long> {
    private static final long serialVersionUID = 1L;
    // A varint long takes up to 9 bytes; 8 is close enough for sizing bundles.
    private static final long BYTES_PER_ELEMENT = 8;

    private final long start;
    private final long end;
    private final SerializableFunction<Long, Instant> timestampFn;

    BoundedCountingSource(long start, long end, SerializableFunction<Long, Instant> timestampFn) {
      checkArgument(start <= end, "CountingSource: degenerate range [%s, %s)", start, end);
      this.start = start;
      this.end = end;
      this.timestampFn = timestampFn;
    }

    @Override
    public List<BoundedCountingSource> split(long desiredBundleSizeBytes, PipelineOptions options) {
      long perPart = Math.max(1, desiredBundleSizeBytes / BYTES_PER_ELEMENT);
      List<BoundedCountingSource> parts = new ArrayList<>();
      for (long partStart = start; partStart < end; ) {
        long partEnd = end - partStart <= perPart ? end : partStart + perPart;
        parts.add(new BoundedCountingSource(partStart, partEnd, timestampFn));
        partStart = partEnd;
      }
      if (parts.isEmpty()) {
        parts.add(this);
      }
      return parts;
    }

    @Override
    public long getEstimatedSizeBytes(PipelineOptions options) {
      long count = end - start;
      // Saturate rather than overflow for ranges near the whole long space.
      return count > Long.MAX_VALUE / BYTES_PER_ELEMENT ? Long.MAX_VALUE : count * BYTES_PER_ELEMENT;
    }

    @Override
    public BoundedReader<Long> createReader(PipelineOptions options) {
      return new CountingReader(this);
    }

    @Override
    public Coder<Long> getOutputCoder() {
      return VarLongCoder.of();
    }

    @Override
    public String toString() {
      return "CountingSource[" + start + ", " + end + ")";
    }
  }

  private static final class CountingReader extends BoundedSource.BoundedReader<Long> {
    private final BoundedCountingSource source;
    private long current;
    private boolean started;
    private boolean done;

    CountingReader(BoundedCountingSource source) {
      this.source = source;
      this.current = source.start - 1;
    }

    @Override
    public boolean start() {
      started = true;
      return advance();
    }

    @Override
    public boolean advance() {
      if (done || current + 1 >= source.end) {
        done = true;
        return false;
      }
      current++;
      return true;
    }

    @Override
    public Long getCurrent() {
      checkCurrent();
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      checkCurrent();
      if (source.timestampFn == null) {
        return BoundedWindow.TIMESTAMP_MIN_VALUE;
      }
      Instant timestamp = source.timestampFn.apply(current);
      if (timestamp == null) {
        throw new IllegalStateException("GenerateSequence: the timestamp function returned null for " + current
            + ". Fix: return an Instant for every number.");
      }
      return timestamp;
    }

    private void checkCurrent() {
      if (!started || done) {
        throw new NoSuchElementException("No current element: the reader is before its first or after its last");
      }
    }

    @Override
    public Double getFractionConsumed() {
      long total = source.end - source.start;
      if (total == 0 || done) {
        return 1.0;
      }
      return started ? (current - source.start) / (double) total : 0.0;
    }

    @Override
    public void close() {}

    @Override
    public BoundedSource<Long> getCurrentSource() {
      return source;
    }
  }
}
