package dev.weir.sdk.io;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.util.SerializedRecord;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The bounded source behind {@link BoundedReadFromUnboundedSource}: parts of an unbounded source,
 * each with a share of the records to read and a read time.
 *
 * <p>Made unsplit; its first reader (or {@link #split}) splits the unbounded source as
 * {@link BoundedReadFromUnboundedSource} describes. One reader reads all of its source's parts.
 * Without a read time it reads them one after the other, each to its end, so that every reader of
 * the source gives the same records in the same order as long as each part does (one Kafka
 * partition per part, say): the streaming runners resume a bounded source by skipping as many
 * records as were read before a crash, which needs exactly that. With a read time it takes records
 * from the parts in turn, so that they all read within the time (such a read depends on timing
 * anyway). When the part it reads has no record available it waits, 10 ms at first and doubling up
 * to one second, but never past the read time. Its size is unknown (0), so runners read it whole
 * unless they split it themselves. Immutable and serializable.
 *
 * @param <T> the type of elements read
 */
final class UnboundedReadAsBoundedSource<T> extends BoundedSource<T> {
  private static final long serialVersionUID = 1L;
  private static final int MAX_PARTS = 100;
  private static final long RECORDS_PER_PART = 10_000;
  private static final long FIRST_WAIT_MILLIS = 10;
  private static final long LONGEST_WAIT_MILLIS = 1_000;

  private final UnboundedSource<T, ?> source;
  private final long maxNumRecords;
  private final Duration maxReadTime;
  /** The parts to read, or null until the source is split. */
  private final List<Shard<T>> shards;

  /** One part of the unbounded source and how many records to read from it. */
  record Shard<T>(UnboundedSource<T, ?> part, long maxNumRecords) implements Serializable {
    private Object writeReplace() {
      return SerializedRecord.of(this);
    }
  }

  private UnboundedReadAsBoundedSource(
      UnboundedSource<T, ?> source, long maxNumRecords, Duration maxReadTime, List<Shard<T>> shards) {
    this.source = source;
    this.maxNumRecords = maxNumRecords;
    this.maxReadTime = maxReadTime;
    this.shards = shards;
  }

  static <T> UnboundedReadAsBoundedSource<T> of(UnboundedSource<T, ?> source, long maxNumRecords, Duration maxReadTime) {
    return new UnboundedReadAsBoundedSource<>(source, maxNumRecords, maxReadTime, null);
  }

  @Override
  public void validate() {
    source.validate();
  }

  @Override
  public Coder<T> getOutputCoder() {
    return source.getOutputCoder();
  }

  /** One source per part; a source already split into one part returns itself. */
  @Override
  public List<UnboundedReadAsBoundedSource<T>> split(long desiredBundleSizeBytes, PipelineOptions options)
      throws Exception {
    List<UnboundedReadAsBoundedSource<T>> parts = new ArrayList<>();
    for (Shard<T> shard : shardsFor(options)) {
      parts.add(new UnboundedReadAsBoundedSource<>(source, shard.maxNumRecords(), maxReadTime, List.of(shard)));
    }
    return parts;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return 0;
  }

  @Override
  public BoundedReader<T> createReader(PipelineOptions options) {
    return new PartsReader<>(this, options);
  }

  private List<Shard<T>> shardsFor(PipelineOptions options) throws Exception {
    if (shards != null) {
      return shards;
    }
    int desiredParts = (int) Math.min(MAX_PARTS, maxNumRecords / RECORDS_PER_PART + 1);
    List<? extends UnboundedSource<T, ?>> parts = source.split(desiredParts, options);
    checkState(!parts.isEmpty(), "%s.split returned no parts; it must return at least one",
        source.getClass().getName());
    List<Shard<T>> split = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      long share = maxNumRecords / parts.size() + (i < maxNumRecords % parts.size() ? 1 : 0);
      split.add(new Shard<>(parts.get(i), share));
    }
    return split;
  }

  /** Reads every part of a source in turn; see the class documentation. */
  private static final class PartsReader<T> extends BoundedReader<T> {
    private final UnboundedReadAsBoundedSource<T> source;
    private final PipelineOptions options;
    private final List<Part<T>> parts = new ArrayList<>();
    private long deadlineNanos;
    private int next;
    private T current;
    private Instant currentTimestamp;
    private boolean atRecord;

    PartsReader(UnboundedReadAsBoundedSource<T> source, PipelineOptions options) {
      this.source = source;
      this.options = options;
    }

    @Override
    public boolean start() throws IOException {
      List<Shard<T>> shards;
      try {
        shards = source.shardsFor(options);
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("Splitting " + source.source.getClass().getName() + " failed: " + e, e);
      }
      deadlineNanos = source.maxReadTime == null
          ? Long.MAX_VALUE
          : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(source.maxReadTime.getMillis());
      for (Shard<T> shard : shards) {
        parts.add(new Part<>(shard, shard.part().createReader(options, null)));
      }
      return advance();
    }

    @Override
    public boolean advance() throws IOException {
      return source.maxReadTime == null ? advanceInOrder() : advanceInTurn();
    }

    /** The next record of the first part not yet done; waits for it while that part may have more. */
    private boolean advanceInOrder() throws IOException {
      long wait = FIRST_WAIT_MILLIS;
      while (next < parts.size()) {
        Part<T> part = parts.get(next);
        if (part.done) {
          next++;
          continue;
        }
        if (part.remaining == 0) {
          part.finish();
          next++;
          wait = FIRST_WAIT_MILLIS;
          continue;
        }
        if (part.read()) {
          current = part.reader.getCurrent();
          currentTimestamp = part.reader.getCurrentTimestamp();
          atRecord = true;
          return true;
        }
        if (!part.reader.getWatermark().isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
          part.finish();
          next++;
          wait = FIRST_WAIT_MILLIS;
          continue;
        }
        waitForData(wait);
        wait = Math.min(wait * 2, LONGEST_WAIT_MILLIS);
      }
      atRecord = false;
      return false;
    }

    private boolean advanceInTurn() throws IOException {
      long wait = FIRST_WAIT_MILLIS;
      while (true) {
        boolean anyOpen = false;
        for (int i = 0; i < parts.size(); i++) {
          int index = (next + i) % parts.size();
          Part<T> part = parts.get(index);
          if (part.done) {
            continue;
          }
          if (part.remaining == 0 || System.nanoTime() - deadlineNanos >= 0) {
            part.finish();
            continue;
          }
          anyOpen = true;
          if (part.read()) {
            next = (index + 1) % parts.size();
            current = part.reader.getCurrent();
            currentTimestamp = part.reader.getCurrentTimestamp();
            atRecord = true;
            return true;
          }
          if (!part.reader.getWatermark().isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
            part.finish();
          }
        }
        if (!anyOpen) {
          atRecord = false;
          return false;
        }
        waitForData(wait);
        wait = Math.min(wait * 2, LONGEST_WAIT_MILLIS);
      }
    }

    // No part had a record: the data is not there yet, so wait a little before asking again.
    private void waitForData(long millis) throws IOException {
      long untilDeadline = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
      try {
        Thread.sleep(Math.max(1, Math.min(millis, untilDeadline)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while waiting for records of "
            + source.source.getClass().getName());
      }
    }

    @Override
    public T getCurrent() {
      if (!atRecord) {
        throw new NoSuchElementException("No current record: start() or advance() returned false");
      }
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      if (!atRecord) {
        throw new NoSuchElementException("No current record: start() or advance() returned false");
      }
      return currentTimestamp;
    }

    @Override
    public void close() throws IOException {
      IOException failure = null;
      for (Part<T> part : parts) {
        try {
          part.close();
        } catch (IOException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }

    @Override
    public BoundedSource<T> getCurrentSource() {
      return source;
    }
  }

  /** The reader of one part, with how many records it may still deliver. */
  private static final class Part<T> {
    private final UnboundedSource.UnboundedReader<T> reader;
    private final Set<ByteBuffer> seenIds;
    private long remaining;
    private boolean started;
    private boolean done;
    private boolean closed;

    Part(Shard<T> shard, UnboundedSource.UnboundedReader<T> reader) {
      this.reader = reader;
      this.remaining = shard.maxNumRecords();
      this.seenIds = shard.part().requiresDeduping() ? new HashSet<>() : null;
    }

    /** Moves to this part's next new record; false if none is available now. */
    boolean read() throws IOException {
      boolean available = started ? reader.advance() : reader.start();
      started = true;
      while (available && seenIds != null && !seenIds.add(ByteBuffer.wrap(reader.getCurrentRecordId()))) {
        available = reader.advance();
      }
      if (available) {
        remaining--;
      }
      return available;
    }

    /** Ends this part: what it read is delivered, so its checkpoint is finalized. */
    void finish() throws IOException {
      done = true;
      if (started) {
        reader.getCheckpointMark().finalizeCheckpoint();
      }
      close();
    }

    void close() throws IOException {
      if (!closed) {
        closed = true;
        reader.close();
      }
    }
  }
}
