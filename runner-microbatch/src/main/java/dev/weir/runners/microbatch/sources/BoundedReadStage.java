package dev.weir.runners.microbatch.sources;

import dev.weir.runners.microbatch.execution.StageContext;
import static com.google.common.base.Verify.verify;

import dev.weir.runners.microbatch.durability.SourceOffset;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.BoundedSource.BoundedReader;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * Runs a {@code Read.Bounded} step: one reader over the whole source, its position the number of
 * records read so far. Without {@code --maxRecordsPerBatch} the first batch reads everything; with
 * it, each batch reads up to that many. The watermark stays at the beginning of time until the
 * reader reached its end, then the next batch runs at the end of time. After a restart the reader
 * is opened again and skips the records of the committed batches.
 *
 * @param <T> the type of the records
 */
public final class BoundedReadStage<T> extends SourceStage<T> {
  private final BoundedSource<T> source;
  private BoundedReader<T> reader;
  private boolean started;
  /** Whether the reader's current record was read but not yet taken into a batch. */
  private boolean hasCurrent;
  private boolean exhausted;
  private long position;

  @SuppressWarnings("unchecked")
  public BoundedReadStage(Step step, StageContext context) {
    super(step, context);
    this.source = ((Read.Bounded<T>) step.transform()).getSource();
  }

  @Override
  public SourceOffset plan(long maxRecords) throws IOException {
    long start = position;
    Instant watermark = exhausted ? BoundedWindow.TIMESTAMP_MAX_VALUE : BoundedWindow.TIMESTAMP_MIN_VALUE;
    List<WindowedValue<T>> read = read(maxRecords);
    keep(read, watermark);
    Instant next = exhausted ? BoundedWindow.TIMESTAMP_MAX_VALUE : BoundedWindow.TIMESTAMP_MIN_VALUE;
    return new SourceOffset(step.fullName(), encodeLong(start), encodeLong(position), read.size(), watermark, next);
  }

  @Override
  public void replay(SourceOffset offset) throws IOException {
    resumeAt(decodeLong("position of " + step.fullName(), offset.start()));
    List<WindowedValue<T>> read = read(offset.records());
    verify(read.size() == offset.records(), "Source '%s' gave %s records where the offset log of the batch holds %s;"
        + " a bounded source must read the same records every time", step.fullName(), read.size(), offset.records());
    keep(read, offset.watermark());
  }

  @Override
  public void resumeAfter(SourceOffset offset) throws IOException {
    keep(List.of(), offset.watermark());
    resumeAt(decodeLong("position of " + step.fullName(), offset.end()));
    if (!offset.nextWatermark().isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
      exhausted = true;
      close();
    }
  }

  private void resumeAt(long target) throws IOException {
    close();
    started = false;
    hasCurrent = false;
    exhausted = false;
    position = 0;
    List<WindowedValue<T>> skipped = read(target);
    verify(skipped.size() == target, "Source '%s' has %s records, but the offset log says %s were read before",
        step.fullName(), skipped.size(), target);
  }

  private List<WindowedValue<T>> read(long maxRecords) throws IOException {
    List<WindowedValue<T>> read = new ArrayList<>();
    while (!exhausted && read.size() < maxRecords) {
      context.workers().checkRunning();
      if (!hasCurrent) {
        if (reader == null) {
          reader = source.createReader(context.options());
        }
        boolean available = started ? reader.advance() : reader.start();
        started = true;
        if (!available) {
          exhausted = true;
          close();
          break;
        }
        hasCurrent = true;
      }
      read.add(WindowedValue.timestampedValueInGlobalWindow(reader.getCurrent(), reader.getCurrentTimestamp()));
      hasCurrent = false;
      position++;
    }
    return read;
  }

  @Override
  public Instant upcomingWatermark() {
    return exhausted ? BoundedWindow.TIMESTAMP_MAX_VALUE : BoundedWindow.TIMESTAMP_MIN_VALUE;
  }

  @Override
  public boolean isExhausted() {
    return exhausted;
  }

  @Override
  protected void close() {
    BoundedReader<T> open = reader;
    reader = null;
    if (open != null) {
      try {
        open.close();
      } catch (IOException | RuntimeException e) {
        // Best effort: what was read is read, and a failure to close cannot change it.
        System.getLogger(BoundedReadStage.class.getName())
            .log(System.Logger.Level.WARNING, "Closing a reader of " + source + " failed", e);
      }
    }
  }
}
