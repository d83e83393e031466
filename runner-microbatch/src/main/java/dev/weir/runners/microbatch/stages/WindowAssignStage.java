package dev.weir.runners.microbatch.stages;

import dev.weir.runners.microbatch.execution.Stage;
import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runners.microbatch.execution.BatchData;
import dev.weir.runners.microbatch.execution.Workers;
import dev.weir.runners.microbatch.execution.SlicePass;
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
import java.util.function.Consumer;
import java.util.function.Function;
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
  private final WindowFn<? super T, ? extends BoundedWindow> windowFn;

  @SuppressWarnings("unchecked")
  public WindowAssignStage(Step step, StageContext context) {
    super(step, context);
    this.windowFn = ((Window.Assign<T>) step.transform()).getWindowFn();
  }

  @Override
  public boolean isFusible() {
    return true;
  }

  @Override
  public boolean passesElementsOn() {
    return WindowAssigner.leavesElementsUnchanged(windowFn, step.mainInput().getWindowingStrategy().getWindowFn());
  }

  @Override
  @SuppressWarnings("unchecked")
  public SlicePass openPass(Function<PCollection<?>, Consumer<WindowedValue<?>>> outputs) {
    Consumer<WindowedValue<?>> out = outputs.apply(step.outputCollection());
    if (passesElementsOn()) {
      return out::accept;
    }
    // An assigner per pass: its cache of the last window is for one thread's run of elements.
    WindowAssigner<T, ?> assigner = new WindowAssigner<>(step.fullName(), windowFn);
    return element -> {
      WindowedValue<T> windowed = assigner.assign((WindowedValue<T>) element);
      if (windowed != null) {
        out.accept(windowed);
      }
    };
  }

  @Override
  protected void run(List<WindowedValue<?>> input, Instant processingTime, BatchData outputs) {
    if (passesElementsOn() || input.isEmpty()) {
      outputs.emit(step.outputCollection(), input);
      return;
    }
    List<Workers.Task<List<WindowedValue<?>>>> task = List.of(() -> {
      List<WindowedValue<?>> assigned = new ArrayList<>(input.size());
      SlicePass pass = openPass(collection -> assigned::add);
      for (WindowedValue<?> element : input) {
        context.workers().checkRunning();
        pass.process(element);
      }
      return assigned;
    });
    outputs.emit(step.outputCollection(),
        context.workers().runAll(step.fullName(), context.metricsOf(step.fullName()), task).get(0));
  }
}
