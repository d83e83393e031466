package dev.weir.runners.microbatch.sources;

import dev.weir.runners.microbatch.execution.Stage;
import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runners.microbatch.execution.BatchData;
import dev.weir.runners.microbatch.durability.SourceOffset;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.List;
import org.joda.time.Instant;

/**
 * Runs a source step: before a batch the loop {@link #plan plans} it (reads the records of the
 * batch and says where they start and end) or {@link #replay replays} a range the offset log
 * holds; when the batch runs, the records go downstream, and the step's watermark is the one the
 * batch runs under for this source.
 *
 * @param <T> the type of the records
 */
public abstract class SourceStage<T> extends Stage {
  private List<? extends WindowedValue<?>> records = List.of();
  private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

  SourceStage(Step step, StageContext context) {
    super(step, context);
  }

  /**
   * Reads the next range, at most {@code maxRecords} records, for the next batch and returns it;
   * the records are kept for {@link #run}. Called on a worker.
   */
  public abstract SourceOffset plan(long maxRecords) throws Exception;

  /** Reads exactly the range {@code offset} again, after a restart, and keeps its records for {@link #run}. */
  public abstract void replay(SourceOffset offset) throws Exception;

  /** The watermark the next planned batch will run under for this source, as known now. */
  public abstract Instant upcomingWatermark();

  /** Whether the source will never produce records again and its watermark reached the end of time. */
  public abstract boolean isExhausted();

  /**
   * Sets the source's position after the range {@code offset}, the last one committed, after a
   * restart; the watermark that batch ran under becomes the planned one until the next plan.
   */
  public abstract void resumeAfter(SourceOffset offset) throws Exception;

  /**
   * How many records the batch just run read from this source in the range {@code offset}: the
   * range's own count, unless the source plans at most so many and learns the number by reading.
   */
  public long recordsOf(SourceOffset offset) {
    return offset.records();
  }

  /** Called once batch {@code offset}'s outputs are committed: a source may then forget what it kept. */
  public void committed(SourceOffset offset) throws Exception {}

  /** Keeps {@code read}, which the caller gives up, for the next batch, which runs under {@code batchWatermark} for this source. */
  protected final void keep(List<WindowedValue<T>> read, Instant batchWatermark) {
    records = read;
    watermark = batchWatermark;
  }

  /** The watermark the planned batch runs under for this source. */
  public final Instant plannedWatermark() {
    return watermark;
  }

  @Override
  protected final void run(List<WindowedValue<?>> input, Instant processingTime, BatchData outputs) {
    outputs.emit(step.outputCollection(), records);
    records = List.of();
  }

  static byte[] encodeLong(long value) {
    try {
      return CoderUtils.encodeToByteArray(VarLongCoder.of(), value);
    } catch (CoderException e) {
      throw new IllegalStateException(e);
    }
  }

  static long decodeLong(String what, byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(VarLongCoder.of(), bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("Unreadable " + what + " in the offset log: " + e, e);
    }
  }
}
