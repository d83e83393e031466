package dev.weir.runners.microbatch.stages;

import dev.weir.runners.microbatch.execution.BatchData;
import dev.weir.runners.microbatch.execution.FusedStages;
import dev.weir.runners.microbatch.execution.SlicePass;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
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
    List<Workers.Task<Map<PCollection<?>, List<WindowedValue<?>>>>> tasks = new ArrayList<>();
    for (List<WindowedValue<InputT>> slice : FusedStages.slices(todo, context.options().getParallelism())) {
      tasks.add(() -> evaluate(slice));
    }
    for (Map<PCollection<?>, List<WindowedValue<?>>> result
        : context.workers().runAll(step.fullName(), context.metricsOf(step.fullName()), tasks)) {
      result.forEach(outputs::emit);
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
  @SuppressWarnings("unchecked")
  public SlicePass openPass(Function<PCollection<?>, Consumer<WindowedValue<?>>> outputs) {
    Evaluator evaluator = instances.borrow();
    try {
      evaluator.start(outputs);
    } catch (RuntimeException | Error e) {
      evaluator.abandon();
      instances.release(evaluator);
      throw e;
    }
    return new SlicePass() {
      @Override
      public void process(WindowedValue<?> element) {
        evaluator.runner.processElement((WindowedValue<InputT>) element);
      }

      @Override
      public void finish() {
        evaluator.runner.finishBundle();
      }

      @Override
      public void release() {
        evaluator.abandon();
        instances.release(evaluator);
      }
    };
  }

  /** Runs {@code slice} as one bundle on this worker and returns what it output, by collection. */
  private Map<PCollection<?>, List<WindowedValue<?>>> evaluate(List<WindowedValue<InputT>> slice) {
    Map<PCollection<?>, List<WindowedValue<?>>> collected = new LinkedHashMap<>();
    SlicePass pass = openPass(collection -> collected.computeIfAbsent(collection, c -> new ArrayList<>())::add);
    try {
      for (WindowedValue<InputT> element : slice) {
        context.workers().checkRunning();
        pass.process(element);
      }
      pass.finish();
    } finally {
      pass.release();
    }
    return collected;
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
    /** The receivers of the bundle's outputs, by tag, asked of the chain as outputs first come. */
    private final Map<TupleTag<?>, Consumer<WindowedValue<?>>> receivers = new HashMap<>();
    private Function<PCollection<?>, Consumer<WindowedValue<?>>> outputs;
    /** The main output's receiver, kept apart from the map: nearly every output goes there. */
    private Consumer<WindowedValue<?>> mainReceiver;

    Evaluator(DoFn<InputT, OutputT> fn) {
      this.fn = fn;
      OutputManager route = new OutputManager() {
        @Override
        public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
          if (tag == mainTag || tag.equals(mainTag)) {
            mainReceiver.accept(output);
          } else {
            receivers.computeIfAbsent(tag, t -> outputs.apply((PCollection<?>) step.outputs().get(t))).accept(output);
          }
        }
      };
      this.runner = new SimpleDoFnRunner<>(context.options(), fn, context.sideInputs(), route,
          parDo.getMainOutputTag(), List.copyOf(parDo.getAdditionalOutputTags().getAll()),
          ((PCollection<InputT>) step.mainInput()).getWindowingStrategy(), parDo.getSideInputs(), step.fullName());
    }

    DoFn<InputT, OutputT> fn() {
      return fn;
    }

    /** Starts a bundle whose outputs go where {@code outputs} says. */
    void start(Function<PCollection<?>, Consumer<WindowedValue<?>>> outputs) {
      this.outputs = outputs;
      this.mainReceiver = outputs.apply((PCollection<?>) step.outputs().get(mainTag));
      runner.startBundle();
    }

    void abandon() {
      outputs = null;
      mainReceiver = null;
      receivers.clear();
    }
  }
}
