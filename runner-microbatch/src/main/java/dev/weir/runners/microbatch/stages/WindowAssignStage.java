package dev.weir.runners.microbatch.stages;

import dev.weir.runners.microbatch.execution.Stage;
import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runners.microbatch.execution.BatchData;
import dev.weir.runners.microbatch.execution.Workers;
import dev.weir.runners.microbatch.execution.SliceStage;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.runtime.windowing.WindowAssigner;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * Runs a {@code Window.Assign} step: puts each element of the batch into the windows the step's
 * {@link WindowFn} assigns, through the core's {@link WindowAssigner}, in one task on a worker (so
 * that a failing window function fails the step like any user code). A step that only changes
 * triggering (no window function) passes elements on unchanged.
 *
 * @param <T> the element type
 */
public final class WindowAssignStage<T> extends Stage implements SliceStage {
  private final WindowAssigner<T, ?> assigner;

  @SuppressWarnings("unchecked")
  public WindowAssignStage(Step step, StageContext context) {
    super(step, context);
    WindowFn<? super T, ? extends BoundedWindow> windowFn = ((Window.Assign<T>) step.transform()).getWindowFn();
    this.assigner = windowFn == null ? null : new WindowAssigner<>(step.fullName(), windowFn);
  }

  @Override
  public boolean isFusible() {
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<PCollection<?>, List<WindowedValue<?>>> processSlice(List<WindowedValue<?>> slice) {
    if (assigner == null) {
      return Map.of(step.outputCollection(), slice);
    }
    List<WindowedValue<?>> assigned = new ArrayList<>(slice.size());
    for (WindowedValue<?> element : slice) {
      context.workers().checkRunning();
      WindowedValue<T> windowed = assigner.assign((WindowedValue<T>) element);
      if (windowed != null) {
        assigned.add(windowed);
      }
    }
    return Map.of(step.outputCollection(), assigned);
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void run(List<WindowedValue<?>> input, Instant processingTime, BatchData outputs) {
    if (assigner == null || input.isEmpty()) {
      outputs.emit(step.outputCollection(), input);
      return;
    }
    List<Workers.Task<List<WindowedValue<T>>>> task = List.of(() -> {
      List<WindowedValue<T>> assigned = new ArrayList<>(input.size());
      for (WindowedValue<?> element : input) {
        context.workers().checkRunning();
        WindowedValue<T> windowed = assigner.assign((WindowedValue<T>) element);
        if (windowed != null) {
          assigned.add(windowed);
        }
      }
      return assigned;
    });
    outputs.emit(step.outputCollection(),
        context.workers().runAll(step.fullName(), context.metricsOf(step.fullName()), task).get(0));
  }
}
