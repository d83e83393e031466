package dev.weir.runners.direct.streaming;

import dev.weir.runners.direct.execution.ElementChecks;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sources.BoundedSourceSplits;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.BoundedSource.BoundedReader;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * Executes a {@code Read.Bounded} step: one task splits the source into a few parts per worker,
 * as its size estimate allows (a source of unknown size, an estimate of zero or less, is read
 * whole); then each part is read in chunks, one task per chunk, each chunk making one batch of up
 * to {@value #MAX_ELEMENTS_PER_CHUNK} elements in the global window at the reader's timestamps.
 *
 * <p>A part's next chunk is dispatched only after its previous one was committed, and, as for
 * unbounded reads, only while the pipeline is not backlogged ({@link Driver#isBacklogged()}), so
 * that a large source never sits in memory ahead of a slower pipeline.
 *
 * <p>The watermark stays at the beginning of time until every part is read to its end, then jumps
 * to the end of time, as for any bounded input. Readers still open when the run ends (it failed
 * or was cancelled) are closed, best effort.
 *
 * @param <T> the type of elements read
 */
final class ReadBoundedExecutor<T> extends StepExecutor {
  static final int MAX_ELEMENTS_PER_CHUNK = 8192;

  private final BoundedSource<T> source;
  private final PCollection<T> output;
  private boolean started;
  /** The parts being read; null until the source is split. */
  private List<Part<T>> parts;
  /** How many parts are not yet read to their end; meaningful once {@link #parts} is set. */
  private int unread;

  @SuppressWarnings("unchecked")
  ReadBoundedExecutor(Step step, Driver driver) {
    super(step, driver);
    this.source = ((Read.Bounded<T>) step.transform()).getSource();
    this.output = (PCollection<T>) step.outputCollection();
  }

  @Override
  Instant sourceWatermark() {
    return parts != null && unread == 0 ? BoundedWindow.TIMESTAMP_MAX_VALUE : BoundedWindow.TIMESTAMP_MIN_VALUE;
  }

  @Override
  void dispatchReady() {
    if (!started) {
      started = true;
      dispatch(() -> {
        List<? extends BoundedSource<T>> split =
            BoundedSourceSplits.split(source, context.desiredParts(), context.options());
        return () -> {
          List<Part<T>> made = new ArrayList<>();
          split.forEach(s -> made.add(new Part<>(s)));
          unread = made.size();
          parts = made;
        };
      });
      return;
    }
    if (parts == null) {
      return;
    }
    for (Part<T> part : parts) {
      if (!part.busy && !part.done && !driver.isBacklogged()) {
        dispatchChunk(part);
      }
    }
  }

  private void dispatchChunk(Part<T> part) {
    part.busy = true;
    dispatch(() -> {
      Chunk<T> chunk = read(part);
      return () -> {
        part.busy = false;
        if (chunk.last()) {
          part.done = true;
          unread--;
        }
        driver.emit(output, chunk.batch());
      };
    });
  }

  /** Reads the next chunk of {@code part}: on a worker, the only thread touching its reader now. */
  private Chunk<T> read(Part<T> part) throws Exception {
    boolean available;
    if (part.reader == null) {
      part.reader = part.source.createReader(context.options());
      available = part.reader.start();
    } else {
      available = part.reader.advance();
    }
    List<WindowedValue<T>> elements = new ArrayList<>();
    ElementChecks checks = new ElementChecks(step.fullName(), context);
    while (available) {
      context.pool().checkRunning();
      T value = part.reader.getCurrent();
      checks.onOutput(output, value);
      elements.add(WindowedValue.timestampedValueInGlobalWindow(value, part.reader.getCurrentTimestamp()));
      if (elements.size() >= MAX_ELEMENTS_PER_CHUNK) {
        break;
      }
      available = part.reader.advance();
    }
    checks.afterBundle();
    if (!available) {
      BoundedReader<T> finished = part.reader;
      part.reader = null;
      finished.close();
    }
    return new Chunk<>(Batch.of(elements), !available);
  }

  @Override
  void close() {
    if (parts != null) {
      parts.forEach(Part::closeQuietly);
    }
  }

  /**
   * What one task read of a part.
   *
   * @param batch the elements read
   * @param last whether the part's reader reached its end (and was closed)
   */
  private record Chunk<T>(Batch<T> batch, boolean last) {}

  /** One part of the source and its reader, opened by its first chunk; used by one task at a time. */
  private static final class Part<T> {
    private final BoundedSource<T> source;
    private BoundedReader<T> reader;
    private boolean busy;
    private boolean done;

    Part(BoundedSource<T> source) {
      this.source = source;
    }

    void closeQuietly() {
      BoundedReader<T> open = reader;
      reader = null;
      if (open != null) {
        try {
          open.close();
        } catch (Exception | LinkageError e) {
          // Best effort: the run is over, and a failure to close cannot change its outcome.
          System.getLogger(ReadBoundedExecutor.class.getName())
              .log(System.Logger.Level.WARNING, "Closing a reader of " + source + " failed", e);
        }
      }
    }
  }
}
