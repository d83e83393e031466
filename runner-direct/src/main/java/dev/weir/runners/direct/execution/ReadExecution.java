package dev.weir.runners.direct.execution;

import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a {@code Read.Bounded} step: splits the source into a few parts per worker, as its size
 * estimate allows, and reads each part into one bundle on a worker.
 *
 * <p>Elements are in the global window at the reader's timestamps. A source whose size is
 * unknown (an estimate of zero or less) is read whole. Failures of the source's code fail the
 * step. Used by the driver thread; the read tasks run on the workers.
 *
 * @param <T> the type of elements read
 */
final class ReadExecution<T> {
  private final Step step;
  private final BoundedSource<T> source;
  private final PCollection<T> output;
  private final ExecutionContext context;

  @SuppressWarnings("unchecked")
  ReadExecution(Step step, ExecutionContext context) {
    this.step = step;
    this.source = ((Read.Bounded<T>) step.transform()).getSource();
    this.output = (PCollection<T>) step.outputCollection();
    this.context = context;
  }

  /** Reads the source; returns its bundles, or null if the run stopped. */
  List<Bundle<T>> execute() throws Exception {
    List<? extends BoundedSource<T>> parts = split();
    List<Bundle<T>> bundles = Collections.synchronizedList(new ArrayList<>());
    List<WorkerPool.Task> tasks = new ArrayList<>();
    for (BoundedSource<T> part : parts) {
      tasks.add(() -> bundles.add(read(part)));
    }
    return context.pool().runAll(step.fullName(), tasks) ? List.copyOf(bundles) : null;
  }

  @SuppressWarnings("try") // the scope only installs the step's metrics container
  private List<? extends BoundedSource<T>> split() throws Exception {
    PipelineOptions options = context.options();
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container())) {
      long size = source.getEstimatedSizeBytes(options);
      if (size <= 0) {
        return List.of(source);
      }
      long desiredBytes = Math.max(1, size / context.desiredParts());
      return source.split(desiredBytes, options);
    }
  }

  @SuppressWarnings("try") // the scope only installs the step's metrics container
  private Bundle<T> read(BoundedSource<T> part) throws Exception {
    List<WindowedValue<T>> elements = new ArrayList<>();
    ElementChecks checks = new ElementChecks(step.fullName(), context);
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container());
        BoundedSource.BoundedReader<T> reader = part.createReader(context.options())) {
      for (boolean more = reader.start(); more; more = reader.advance()) {
        context.pool().checkRunning();
        T value = reader.getCurrent();
        checks.onOutput(output, value);
        elements.add(WindowedValue.timestampedValueInGlobalWindow(value, reader.getCurrentTimestamp()));
      }
    }
    checks.afterBundle();
    return new Bundle<>(elements);
  }

  private MetricsContainer container() {
    return context.metrics().getContainer(step.fullName());
  }
}
