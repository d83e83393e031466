package dev.weir.runners.direct.streaming;

import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.runtime.windowing.WindowAssigner;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.transforms.windowing.WindowFn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Executes a {@code Window.Assign} step: each batch becomes one task on a worker that puts its
 * elements into the windows the step's {@link WindowFn} assigns (through the core's
 * {@link WindowAssigner}). A step that only reconfigures triggering (no window function) passes
 * batches on unchanged, on the driver thread.
 *
 * @param <T> the element type
 */
final class WindowAssignExecutor<T> extends StepExecutor {
  private final WindowFn<? super T, ? extends BoundedWindow> windowFn;
  private final Queue<Batch<T>> queued = new ArrayDeque<>();

  @SuppressWarnings("unchecked")
  WindowAssignExecutor(Step step, Driver driver) {
    super(step, driver);
    this.windowFn = ((Window.Assign<T>) step.transform()).getWindowFn();
  }

  @Override
  @SuppressWarnings("unchecked")
  void accept(int inputIndex, Batch<?> batch) {
    if (windowFn == null) {
      driver.emit(step.outputCollection(), batch);
      return;
    }
    queued.add((Batch<T>) batch);
    addPending(batch.minTimestamp());
  }

  @Override
  void dispatchReady() {
    for (Batch<T> batch = queued.poll(); batch != null; batch = queued.poll()) {
      Batch<T> input = batch;
      dispatch(() -> {
        Batch<T> output = assign(input);
        return () -> {
          removePending(input.minTimestamp());
          driver.emit(step.outputCollection(), output);
        };
      });
    }
  }

  private Batch<T> assign(Batch<T> batch) {
    // An assigner per batch: its cache of the last window is for one thread's run of elements.
    WindowAssigner<T, ?> assigner = new WindowAssigner<>(step.fullName(), windowFn);
    List<WindowedValue<T>> elements = new ArrayList<>(batch.elements().size());
    for (WindowedValue<T> element : batch.elements()) {
      context.pool().checkRunning();
      WindowedValue<T> assigned = assigner.assign(element);
      if (assigned != null) {
        elements.add(assigned);
      }
    }
    return Batch.of(elements);
  }
}
