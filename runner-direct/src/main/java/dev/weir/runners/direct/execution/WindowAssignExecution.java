package dev.weir.runners.direct.execution;

import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.runtime.windowing.WindowAssigner;
import dev.weir.sdk.metrics.MetricsEnvironment;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.transforms.windowing.WindowFn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a {@code Window.Assign} step: each input bundle becomes one output bundle, its elements in
 * the windows the step's {@link WindowFn} assigns (through the core's {@link WindowAssigner}).
 *
 * <p>Used by the driver thread; one task per bundle runs on the workers.
 *
 * @param <T> the element type
 */
final class WindowAssignExecution<T> {
  private final Step step;
  private final ExecutionContext context;
  private final WindowAssigner<T, ?> assigner;

  @SuppressWarnings("unchecked")
  WindowAssignExecution(Step step, ExecutionContext context) {
    this.step = step;
    this.context = context;
    WindowFn<? super T, ? extends BoundedWindow> windowFn = ((Window.Assign<T>) step.transform()).getWindowFn();
    this.assigner = windowFn == null ? null : new WindowAssigner<>(step.fullName(), windowFn);
  }

  /** Assigns windows to every element of {@code input}; returns the bundles, or null if the run stopped. */
  List<Bundle<T>> execute(List<Bundle<T>> input) {
    if (assigner == null) {
      return input;
    }
    List<Bundle<T>> bundles = Collections.synchronizedList(new ArrayList<>());
    List<WorkerPool.Task> tasks = new ArrayList<>();
    for (Bundle<T> bundle : input) {
      tasks.add(() -> bundles.add(assign(bundle)));
    }
    return context.pool().runAll(step.fullName(), tasks) ? List.copyOf(bundles) : null;
  }

  @SuppressWarnings("try") // the scope only installs the step's metrics container
  private Bundle<T> assign(Bundle<T> bundle) {
    List<WindowedValue<T>> elements = new ArrayList<>(bundle.elements().size());
    try (MetricsEnvironment.Scope scope =
        MetricsEnvironment.scopedContainer(context.metrics().getContainer(step.fullName()))) {
      for (WindowedValue<T> element : bundle.elements()) {
        context.pool().checkRunning();
        WindowedValue<T> assigned = assigner.assign(element);
        if (assigned != null) {
          elements.add(assigned);
        }
      }
    }
    return new Bundle<>(elements);
  }
}
