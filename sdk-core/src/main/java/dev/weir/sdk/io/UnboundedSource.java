package dev.weir.sdk.io;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import org.joda.time.Instant;

/**
 * A {@link Source} of possibly endless data, read by {@link UnboundedReader}s that report how far
 * event time has progressed (a watermark) and where they are (a {@link CheckpointMark}), so that a
 * runner can resume reading from a checkpoint.
 *
 * <p>Sources are immutable and serializable. A runner splits a source with {@link #split} into
 * parts it reads in parallel, each with its own reader; a reader is used by one thread at a time.
 * A source whose parts may deliver the same record twice says so with {@link #requiresDeduping},
 * and its readers then give every record an id through
 * {@link UnboundedReader#getCurrentRecordId}.
 *
 * @param <T> the type of elements read
 * @param <CheckpointMarkT> the type of the checkpoint marks of this source's readers
 */
public abstract class UnboundedSource<T, CheckpointMarkT extends UnboundedSource.CheckpointMark>
    extends Source<T> {
  private static final long serialVersionUID = 1L;

  /**
   * Splits this source into about {@code desiredNumSplits} parts which together read the same
   * records. Returning a list of just {@code this} is allowed; {@code desiredNumSplits} is at
   * least 1.
   */
  public abstract List<? extends UnboundedSource<T, CheckpointMarkT>> split(
      int desiredNumSplits, PipelineOptions options) throws Exception;

  /**
   * A reader of this source positioned before its first record, or, if {@code checkpointMark} is
   * not null, just after the records that checkpoint covers.
   *
   * @param checkpointMark a mark made by a reader of this very source, possibly encoded and decoded
   *     with {@link #getCheckpointMarkCoder()} in between; null to start from the beginning
   */
  public abstract UnboundedReader<T> createReader(PipelineOptions options, CheckpointMarkT checkpointMark)
      throws IOException;

  /**
   * A reader that delivers exactly the records a reader of this source delivered between making
   * the marks {@code start} and {@code end} (each once, in any order), and from then on reads as
   * a reader created from {@code end} would. A runner that replays a logged range (the micro-batch
   * runner re-running a batch) uses it, so that the replay reads the same records as the original
   * run even when the source's order depends on timing (records of several Kafka partitions, say).
   *
   * <p>The default is {@link #createReader createReader(options, start)}, which is exact for
   * sources whose readers deliver records from a mark in one fixed order.
   *
   * @param start where the range starts; null for a reader's beginning
   * @param end a mark made after {@code start} by the same reader, possibly coded in between
   */
  public UnboundedReader<T> createReader(PipelineOptions options, CheckpointMarkT start, CheckpointMarkT end)
      throws IOException {
    return createReader(options, start);
  }

  /** Encodes this source's checkpoint marks, so that a runner can store them. */
  public abstract Coder<CheckpointMarkT> getCheckpointMarkCoder();

  /**
   * Whether a runner must drop records it has already seen (by their record id) because this
   * source may deliver one more than once; false by default.
   */
  public boolean requiresDeduping() {
    return false;
  }

  /**
   * A position in an unbounded source, made by {@link UnboundedReader#getCheckpointMark()}: every
   * record read before it was made is covered.
   *
   * <p>A runner calls {@link #finalizeCheckpoint()} at most once, after everything the reader
   * produced up to the mark has been committed downstream, so that the source may acknowledge it
   * (a message queue, say); a mark may also never be finalized (the run failed or stopped), so
   * sources must not rely on it for correctness.
   */
  public interface CheckpointMark {
    /** A mark with nothing to finalize, for sources that need none. */
    CheckpointMark NOOP_CHECKPOINT_MARK = new NoopCheckpointMark();

    /** Acknowledges the records this mark covers, which the pipeline has committed. */
    void finalizeCheckpoint() throws IOException;

    /** A checkpoint mark that holds nothing and finalizes nothing. */
    final class NoopCheckpointMark implements CheckpointMark {
      @Override
      public void finalizeCheckpoint() {}

      @Override
      public boolean equals(Object o) {
        return o instanceof NoopCheckpointMark;
      }

      @Override
      public int hashCode() {
        return NoopCheckpointMark.class.hashCode();
      }
    }
  }

  /**
   * Reads the records of an unbounded source as they become available.
   *
   * <p>Call order: {@link #start()} once, then {@link #advance()} any number of times; each
   * returns true when it made a new record current, and false when no record is available right
   * now (which is not the end: call {@code advance()} again later). The source has no more data
   * once {@link #getWatermark()} reaches {@link BoundedWindow#TIMESTAMP_MAX_VALUE}. Not
   * thread-safe: one thread at a time uses a reader. {@link #close()} releases its resources.
   *
   * @param <T> the type of elements read
   */
  public abstract static class UnboundedReader<T> extends Source.Reader<T> {
    /** What {@link #getSplitBacklogBytes} and {@link #getTotalBacklogBytes} return when unknown. */
    public static final long BACKLOG_UNKNOWN = -1L;

    private static final byte[] NO_ID = new byte[0];

    /** Starts reading; true if a first record is current, false if none is available yet. */
    @Override
    public abstract boolean start() throws IOException;

    /** Moves to the next record; true if one is current, false if none is available yet. */
    @Override
    public abstract boolean advance() throws IOException;

    /** The event time of the current record. */
    @Override
    public abstract Instant getCurrentTimestamp() throws NoSuchElementException;

    /**
     * An id of the current record, equal for every delivery of the same record; needed when the
     * source {@link UnboundedSource#requiresDeduping() requires deduping}.
     *
     * @throws IllegalStateException if the source requires deduping and this method was not
     *     overridden
     */
    public byte[] getCurrentRecordId() throws NoSuchElementException {
      if (getCurrentSource().requiresDeduping()) {
        throw new IllegalStateException(getCurrentSource().getClass().getName() + " requires deduping, but its"
            + " reader does not give record ids. Fix: override UnboundedReader.getCurrentRecordId().");
      }
      return NO_ID;
    }

    /**
     * A lower bound on the timestamps of the records still to come: the reader promises that no
     * later record is earlier (records that are, arrive as late data). Reaching
     * {@link BoundedWindow#TIMESTAMP_MAX_VALUE} means the source is done. May be called before
     * {@link #start()} returned true.
     */
    public abstract Instant getWatermark();

    /**
     * A mark covering every record read so far, from which a reader of the same source can
     * resume; see {@link CheckpointMark} for when the runner finalizes it.
     */
    public abstract CheckpointMark getCheckpointMark();

    /** How many bytes this reader has yet to read, or {@link #BACKLOG_UNKNOWN}. */
    public long getSplitBacklogBytes() {
      return BACKLOG_UNKNOWN;
    }

    /** How many bytes all readers of the source have yet to read, or {@link #BACKLOG_UNKNOWN}. */
    public long getTotalBacklogBytes() {
      return BACKLOG_UNKNOWN;
    }

    @Override
    public abstract UnboundedSource<T, ?> getCurrentSource();
  }
}
