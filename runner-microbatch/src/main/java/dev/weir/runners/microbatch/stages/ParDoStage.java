package dev.weir.runners.microbatch.stages;

import dev.weir.runners.microbatch.execution.BatchData;
import dev.weir.runners.microbatch.execution.FusedStages;
import dev.weir.runners.microbatch.execution.SliceStage;
import dev.weir.runners.microbatch.execution.Stage;
import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runners.microbatch.execution.Workers;
import dev.weir.runtime.dofn.DoFnInstancePool;
import dev.weir.runtime.dofn.OutputManager;
import dev.weir.runtime.dofn.SimpleDoFnRunner;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * Runs a {@code ParDo} whose DoFn keeps no state: the batch's input is cut into at most
 * {@code --parallelism} slices, each one bundle on a worker with a DoFn instance borrowed from the
 * step's {@link DoFnInstancePool}; outputs keep the order of the slices. Without side inputs it
 * usually runs fused with its neighbours ({@link FusedStages}), one bundle per slice just the same.
 *
 * <p>Side inputs: an element is processed in a window once every side input is ready there (see
 * {@link SideInputContainer}); until then it waits here, one element per window, holding the output
 * watermark at its timestamp, and is tried again at the start of every later batch.
 *
 * @param <InputT> the input element type
 * @param <OutputT> the main output element type
 */
public final class ParDoStage<InputT, OutputT> extends Stage implements SliceStage {
  private final ParDo.MultiOutput<InputT, OutputT> parDo;
  private final DoFnInstancePool<InputT, OutputT, Evaluator> instances;
  private final List<PCollectionView<?>> sideInputs;
  /** Elements, one window each, whose side inputs were not ready. */
  private List<WindowedValue<InputT>> waiting = new ArrayList<>();

  @SuppressWarnings("unchecked")
  public ParDoStage(Step step, StageContext context) {
    super(step, context);
    this.parDo = (ParDo.MultiOutput<InputT, OutputT>) step.transform();
    this.sideInputs = List.copyOf(step.sideInputs());
    this.instances = new DoFnInstancePool<>(step.fullName(), parDo.getFn(), context.options(), Evaluator::new,
        Evaluator::fn);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected void run(List<WindowedValue<?>> input, Instant processingTime, BatchData outputs) {
    List<WindowedValue<InputT>> todo = new ArrayList<>();
    if (sideInputs.isEmpty()) {
      todo = (List) input;
    } else {
      List<WindowedValue<InputT>> stillWaiting = new ArrayList<>();
      for (WindowedValue<InputT> element : waiting) {
        (isReady(element) ? todo : stillWaiting).add(element);
      }
      for (WindowedValue<?> element : input) {
        for (WindowedValue<InputT> inOneWindow : ((WindowedValue<InputT>) element).explodeWindows()) {
          (isReady(inOneWindow) ? todo : stillWaiting).add(inOneWindow);
        }
      }
      waiting = stillWaiting;
    }
    if (todo.isEmpty()) {
      return;
    }
    List<Workers.Task<Map<TupleTag<?>, List<WindowedValue<?>>>>> tasks = new ArrayList<>();
    for (List<WindowedValue<InputT>> slice : FusedStages.slices(todo, context.options().getParallelism())) {
      tasks.add(() -> evaluate(slice));
    }
    List<Map<TupleTag<?>, List<WindowedValue<?>>>> results =
        context.workers().runAll(step.fullName(), context.metricsOf(step.fullName()), tasks);
    for (Map<TupleTag<?>, List<WindowedValue<?>>> result : results) {
      result.forEach((tag, elements) -> outputs.emit((PCollection<?>) step.outputs().get(tag), elements));
    }
  }

  private boolean isReady(WindowedValue<InputT> inOneWindow) {
    BoundedWindow window = inOneWindow.getWindows().iterator().next();
    return context.sideInputs().allReady(sideInputs, window);
  }

  @Override
  public boolean isFusible() {
    return sideInputs.isEmpty();
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Map<PCollection<?>, List<WindowedValue<?>>> processSlice(List<WindowedValue<?>> slice) {
    Map<PCollection<?>, List<WindowedValue<?>>> byCollection = new HashMap<>();
    Map<TupleTag<?>, List<WindowedValue<?>>> byTag = evaluate((List<WindowedValue<InputT>>) (List) slice);
    for (Map.Entry<TupleTag<?>, List<WindowedValue<?>>> output : byTag.entrySet()) {
      byCollection.put((PCollection<?>) step.outputs().get(output.getKey()), output.getValue());
    }
    return byCollection;
  }

  private Map<TupleTag<?>, List<WindowedValue<?>>> evaluate(List<WindowedValue<InputT>> slice) {
    Evaluator evaluator = instances.borrow();
    boolean finished = false;
    try {
      Map<TupleTag<?>, List<WindowedValue<?>>> result = evaluator.bundle(slice);
      finished = true;
      return result;
    } finally {
      if (finished) {
        instances.release(evaluator);
      } else {
        evaluator.abandon();
        instances.release(evaluator);
      }
    }
  }

  @Override
  protected Instant hold() {
    Instant hold = BoundedWindow.TIMESTAMP_MAX_VALUE;
    for (WindowedValue<InputT> element : waiting) {
      hold = earliest(hold, element.getTimestamp());
    }
    return hold;
  }

  @Override
  protected long stateRows() {
    return waiting.size();
  }

  /** The elements waiting for side inputs, for a checkpoint. */
  public List<WindowedValue<InputT>> waiting() {
    return waiting;
  }

  /** Puts back elements that were waiting for side inputs when the checkpoint was taken. */
  public void restoreWaiting(List<WindowedValue<InputT>> elements) {
    waiting = new ArrayList<>(elements);
  }

  @Override
  protected void close() {
    instances.teardownAll(context.metricsOf(step.fullName()))
        .forEach(failure -> System.getLogger(ParDoStage.class.getName())
            .log(System.Logger.Level.WARNING, "A DoFn's @Teardown failed; teardown is best effort", failure));
  }

  /** One set-up DoFn instance and its runner; one bundle at a time, on one thread. */
  private final class Evaluator {
    private final DoFn<InputT, OutputT> fn;
    private final SimpleDoFnRunner<InputT, OutputT> runner;
    private final TupleTag<OutputT> mainTag = parDo.getMainOutputTag();
    private Map<TupleTag<?>, List<WindowedValue<?>>> outputs;
    /** The main output of the bundle, kept apart from the map: nearly every output goes there. */
    private List<WindowedValue<?>> mainOutputs;

    Evaluator(DoFn<InputT, OutputT> fn) {
      this.fn = fn;
      OutputManager collect = new OutputManager() {
        @Override
        public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
          if (tag == mainTag || tag.equals(mainTag)) {
            mainOutputs.add(output);
          } else {
            outputs.computeIfAbsent(tag, t -> new ArrayList<>()).add(output);
          }
        }
      };
      this.runner = new SimpleDoFnRunner<>(context.options(), fn, context.sideInputs(), collect,
          parDo.getMainOutputTag(), List.copyOf(parDo.getAdditionalOutputTags().getAll()),
          ((PCollection<InputT>) step.mainInput()).getWindowingStrategy(), parDo.getSideInputs(), step.fullName());
    }

    DoFn<InputT, OutputT> fn() {
      return fn;
    }

    Map<TupleTag<?>, List<WindowedValue<?>>> bundle(List<WindowedValue<InputT>> elements) {
      outputs = new HashMap<>();
      mainOutputs = new ArrayList<>(elements.size());
      runner.startBundle();
      for (WindowedValue<InputT> element : elements) {
        context.workers().checkRunning();
        runner.processElement(element);
      }
      runner.finishBundle();
      Map<TupleTag<?>, List<WindowedValue<?>>> taken = outputs;
      if (!mainOutputs.isEmpty()) {
        taken.put(mainTag, mainOutputs);
      }
      abandon();
      return taken;
    }

    void abandon() {
      outputs = null;
      mainOutputs = null;
    }
  }
}
