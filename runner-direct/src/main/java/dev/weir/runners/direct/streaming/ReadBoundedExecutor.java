package dev.weir.runners.direct.streaming;

import dev.weir.runners.direct.execution.ElementChecks;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * Executes a {@code Read.Bounded} step: one task splits the source into a few parts per worker,
 * as its size estimate allows (a source of unknown size, an estimate of zero or less, is read
 * whole); then one task per part reads it into one batch, in the global window at the reader's
 * timestamps. The watermark stays at the beginning of time until every part is read, then jumps
 * to the end of time, as for any bounded input.
 *
 * @param <T> the type of elements read
 */
final class ReadBoundedExecutor<T> extends StepExecutor {
  private final BoundedSource<T> source;
  private final PCollection<T> output;
  private boolean started;
  private int unread = -1;

  @SuppressWarnings("unchecked")
  ReadBoundedExecutor(Step step, Driver driver) {
    super(step, driver);
    this.source = ((Read.Bounded<T>) step.transform()).getSource();
    this.output = (PCollection<T>) step.outputCollection();
  }

  @Override
  Instant sourceWatermark() {
    return unread == 0 ? BoundedWindow.TIMESTAMP_MAX_VALUE : BoundedWindow.TIMESTAMP_MIN_VALUE;
  }

  @Override
  void dispatchReady() {
    if (started) {
      return;
    }
    started = true;
    dispatch(() -> {
      List<? extends BoundedSource<T>> parts = split();
      return () -> {
        unread = parts.size();
        parts.forEach(this::dispatchRead);
      };
    });
  }

  private List<? extends BoundedSource<T>> split() throws Exception {
    long size = source.getEstimatedSizeBytes(context.options());
    if (size <= 0) {
      return List.of(source);
    }
    long desiredBytes = Math.max(1, size / context.desiredParts());
    return source.split(desiredBytes, context.options());
  }

  private void dispatchRead(BoundedSource<T> part) {
    dispatch(() -> {
      Batch<T> batch = read(part);
      return () -> {
        unread--;
        driver.emit(output, batch);
      };
    });
  }

  private Batch<T> read(BoundedSource<T> part) throws Exception {
    List<WindowedValue<T>> elements = new ArrayList<>();
    ElementChecks checks = new ElementChecks(step.fullName(), context);
    try (BoundedSource.BoundedReader<T> reader = part.createReader(context.options())) {
      for (boolean more = reader.start(); more; more = reader.advance()) {
        context.pool().checkRunning();
        T value = reader.getCurrent();
        checks.onOutput(output, value);
        elements.add(WindowedValue.timestampedValueInGlobalWindow(value, reader.getCurrentTimestamp()));
      }
    }
    checks.afterBundle();
    return Batch.of(elements);
  }
}
