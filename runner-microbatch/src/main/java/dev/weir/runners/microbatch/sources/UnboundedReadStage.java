package dev.weir.runners.microbatch.sources;

import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runners.microbatch.durability.SourceOffset;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.io.UnboundedSource;
import dev.weir.sdk.io.UnboundedSource.CheckpointMark;
import dev.weir.sdk.io.UnboundedSource.UnboundedReader;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.joda.time.Instant;

/**
 * Runs a {@code Read.Unbounded} step with one reader. A batch's range starts at the checkpoint
 * mark that ended the previous batch and ends at the mark taken after its last record, both
 * encoded with the source's checkpoint mark coder in the offset log; a re-run batch creates a
 * reader over its range ({@link UnboundedSource#createReader(dev.weir.sdk.options.PipelineOptions,
 * CheckpointMark, CheckpointMark)}, from its start mark to its end mark) and reads exactly its count
 * of records again, which a replayable source gives back unchanged. The batch runs under the watermark the reader reported after the
 * previous batch; the source is exhausted once that reached the end of time. The mark of a batch
 * is finalized once the batch is committed. Records of a source that requires deduping are dropped
 * if their id was delivered in the last ten minutes of this run (a range's record count includes
 * them, so that a re-run reads the same range).
 *
 * @param <T> the type of the records
 * @param <MarkT> the source's checkpoint mark
 */
public final class UnboundedReadStage<T, MarkT extends CheckpointMark> extends SourceStage<T> {
  /** How long a replayed range may take to become readable again before the run fails. */
  private static final long REPLAY_PATIENCE_MILLIS = 60_000;

  private final UnboundedSource<T, MarkT> source;
  private final Coder<MarkT> markCoder;
  private UnboundedReader<T> reader;
  private boolean started;
  private boolean hasCurrent;
  /** The ids of records delivered lately, for a source that requires deduping; else null. */
  private final Cache<ByteBuffer, Boolean> seenIds;
  /** How many records the last read took from the reader, duplicates included. */
  private long consumed;
  private byte[] position = new byte[0];
  private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  /** The mark ending the last planned batch, finalized when that batch commits. */
  private CheckpointMark toFinalize;

  @SuppressWarnings("unchecked")
  public UnboundedReadStage(Step step, StageContext context) {
    super(step, context);
    this.source = (UnboundedSource<T, MarkT>) ((Read.Unbounded<T>) step.transform()).getSource();
    this.markCoder = source.getCheckpointMarkCoder();
    this.seenIds = source.requiresDeduping()
        ? CacheBuilder.newBuilder().expireAfterWrite(10, TimeUnit.MINUTES).<ByteBuffer, Boolean>build()
        : null;
  }

  @Override
  public SourceOffset plan(long maxRecords) throws IOException {
    byte[] start = position;
    Instant batchWatermark = watermark;
    List<WindowedValue<T>> read = read(maxRecords, false);
    keep(read, batchWatermark);
    CheckpointMark mark = reader.getCheckpointMark();
    position = encode(mark);
    toFinalize = mark;
    watermark = reader.getWatermark();
    return new SourceOffset(step.fullName(), start, position, consumed, batchWatermark, watermark);
  }

  @Override
  public void replay(SourceOffset offset) throws IOException {
    close();
    MarkT start = offset.start().length == 0 ? null : decode(offset.start());
    // A reader bounded by both marks gives back exactly the logged range, even where the source's
    // order depends on timing (several partitions of a topic, say).
    reader = source.createReader(context.options(), start, decode(offset.end()));
    started = false;
    hasCurrent = false;
    List<WindowedValue<T>> read = read(offset.records(), true);
    keep(read, offset.watermark());
    toFinalize = reader.getCheckpointMark();
    position = offset.end();
    watermark = reader.getWatermark().isAfter(offset.nextWatermark()) ? reader.getWatermark() : offset.nextWatermark();
  }

  @Override
  public void resumeAfter(SourceOffset offset) throws IOException {
    keep(List.of(), offset.watermark());
    openAt(offset.end());
    position = offset.end();
    watermark = offset.nextWatermark();
  }

  private void openAt(byte[] mark) throws IOException {
    close();
    reader = source.createReader(context.options(), mark.length == 0 ? null : decode(mark));
    started = false;
    hasCurrent = false;
  }

  /** Reads up to {@code count} records; with {@code exactly}, waits for that many to become readable. */
  private List<WindowedValue<T>> read(long count, boolean exactly) throws IOException {
    if (reader == null) {
      reader = source.createReader(context.options(), null);
    }
    List<WindowedValue<T>> read = new ArrayList<>();
    long deadline = System.currentTimeMillis() + REPLAY_PATIENCE_MILLIS;
    consumed = 0;
    while (consumed < count) {
      context.workers().checkRunning();
      if (!hasCurrent) {
        boolean available = started ? reader.advance() : reader.start();
        started = true;
        if (!available) {
          if (!exactly) {
            break;
          }
          if (System.currentTimeMillis() > deadline) {
            throw new IllegalStateException("Source '" + step.fullName() + "' gave " + consumed + " of the " + count
                + " records the offset log holds for a batch being re-run; the source must be replayable from"
                + " its checkpoint marks for the micro-batch runner to recover.");
          }
          Thread.onSpinWait();
          continue;
        }
        hasCurrent = true;
      }
      hasCurrent = false;
      consumed++;
      if (seenIds == null || seenIds.asMap().putIfAbsent(ByteBuffer.wrap(reader.getCurrentRecordId()), true) == null) {
        read.add(WindowedValue.timestampedValueInGlobalWindow(reader.getCurrent(), reader.getCurrentTimestamp()));
      }
    }
    return read;
  }

  @Override
  public void committed(SourceOffset offset) throws Exception {
    CheckpointMark mark = toFinalize;
    toFinalize = null;
    if (mark != null) {
      mark.finalizeCheckpoint();
    }
  }

  @Override
  public Instant upcomingWatermark() {
    return watermark;
  }

  @Override
  public boolean isExhausted() {
    return !watermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE);
  }

  @SuppressWarnings("unchecked")
  private byte[] encode(CheckpointMark mark) {
    try {
      return CoderUtils.encodeToByteArray(markCoder, (MarkT) mark);
    } catch (CoderException e) {
      throw new IllegalStateException("The checkpoint mark " + mark + " of source '" + step.fullName()
          + "' cannot be encoded with " + markCoder + ": " + e + ". Fix the source's getCheckpointMarkCoder().", e);
    }
  }

  private MarkT decode(byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(markCoder, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("A checkpoint mark of source '" + step.fullName() + "' in the offset log does"
          + " not decode with " + markCoder + ": " + e, e);
    }
  }

  @Override
  protected void close() {
    UnboundedReader<T> open = reader;
    reader = null;
    if (open != null) {
      try {
        open.close();
      } catch (IOException | RuntimeException e) {
        // Best effort: the run is over, and a failure to close cannot change its outcome.
        System.getLogger(UnboundedReadStage.class.getName())
            .log(System.Logger.Level.WARNING, "Closing a reader of " + source + " failed", e);
      }
    }
  }
}
