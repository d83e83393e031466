package dev.weir.runners.direct.streaming;

import dev.weir.runners.direct.execution.BundleOutputs;
import dev.weir.runners.direct.execution.ElementChecks;
import dev.weir.runners.direct.execution.ParDoEvaluator;
import dev.weir.runtime.dofn.DoFnInstancePool;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TupleTag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Executes a {@code ParDo.MultiOutput} step whose DoFn keeps no state: each batch is one bundle,
 * evaluated by a task on a worker with a DoFn instance borrowed from the step's
 * {@link DoFnInstancePool}; each output gets one batch per bundle.
 *
 * <p>Side inputs: an element is processed in a window only once every side input is ready in that
 * window (see {@link SideInputContainer}); until then it waits here, as one element per window,
 * holding the step's input watermark back at its timestamp, and is processed in a later bundle
 * once the side inputs changed and are ready. This is Beam's "push back" of main-input elements.
 *
 * @param <InputT> the input element type
 * @param <OutputT> the main output element type
 */
final class ParDoExecutor<InputT, OutputT> extends StepExecutor {
  private final DoFnInstancePool<InputT, OutputT, ParDoEvaluator<InputT, OutputT>> instances;
  private final List<PCollectionView<?>> sideInputs;
  private final SideInputContainer container;
  private final Queue<Batch<InputT>> queued = new ArrayDeque<>();
  /** Elements, one window each, whose side inputs were not ready when they were last tried. */
  private final List<WindowedValue<InputT>> waiting = new ArrayList<>();
  /** The side-input version when {@link #waiting} was last scanned; -1 to scan on the next pass. */
  private long scannedVersion = -1;

  @SuppressWarnings("unchecked")
  ParDoExecutor(Step step, Driver driver) {
    super(step, driver);
    ParDo.MultiOutput<InputT, OutputT> parDo = (ParDo.MultiOutput<InputT, OutputT>) step.transform();
    this.sideInputs = List.copyOf(step.sideInputs());
    this.container = driver.sideInputs();
    this.instances = new DoFnInstancePool<>(
        step.fullName(), parDo.getFn(), context.options(),
        fn -> new ParDoEvaluator<>(step, fn, container, context.options()), ParDoEvaluator::fn);
  }

  @Override
  @SuppressWarnings("unchecked")
  void accept(int inputIndex, Batch<?> batch) {
    queued.add((Batch<InputT>) batch);
    addPending(batch.minTimestamp());
  }

  @Override
  void dispatchReady() {
    retryWaiting();
    for (Batch<InputT> batch = queued.poll(); batch != null; batch = queued.poll()) {
      Batch<InputT> input = batch;
      dispatch(() -> {
        BundleResult<InputT> result = evaluate(input);
        return () -> commit(input, result);
      });
    }
  }

  private void retryWaiting() {
    long version = container.version();
    if (waiting.isEmpty() || version == scannedVersion) {
      return;
    }
    scannedVersion = version;
    List<WindowedValue<InputT>> ready = new ArrayList<>();
    for (Iterator<WindowedValue<InputT>> it = waiting.iterator(); it.hasNext(); ) {
      WindowedValue<InputT> element = it.next();
      if (container.allReady(sideInputs, element.getWindows().iterator().next())) {
        it.remove();
        removePending(element.getTimestamp());
        ready.add(element);
      }
    }
    if (!ready.isEmpty()) {
      accept(0, Batch.of(ready));
    }
  }

  private void commit(Batch<InputT> input, BundleResult<InputT> result) {
    removePending(input.minTimestamp());
    for (Map.Entry<TupleTag<?>, PCollection<?>> output : result.outputs().collections().entrySet()) {
      driver.emit(output.getValue(), batchOf(result.outputs().elementsOf(output.getKey())));
    }
    for (WindowedValue<InputT> element : result.pushedBack()) {
      waiting.add(element);
      addPending(element.getTimestamp());
    }
    if (!result.pushedBack().isEmpty()) {
      scannedVersion = -1;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Batch<?> batchOf(List<WindowedValue<?>> elements) {
    return Batch.of((List) elements);
  }

  private BundleResult<InputT> evaluate(Batch<InputT> batch) {
    ParDoEvaluator<InputT, OutputT> evaluator = instances.borrow();
    try {
      ElementChecks checks = new ElementChecks(step.fullName(), context);
      BundleOutputs outputs = new BundleOutputs(step.fullName(), step.outputs(), checks);
      List<WindowedValue<InputT>> pushedBack = new ArrayList<>();
      evaluator.startBundle(outputs, checks);
      for (WindowedValue<InputT> element : batch.elements()) {
        context.pool().checkRunning();
        if (sideInputs.isEmpty()) {
          evaluator.processElement(element);
        } else {
          processWhenReady(evaluator, element, pushedBack);
        }
      }
      evaluator.finishBundle();
      return new BundleResult<>(outputs, pushedBack);
    } catch (RuntimeException | Error e) {
      evaluator.abandonBundle();
      throw e;
    } finally {
      instances.release(evaluator);
    }
  }

  private void processWhenReady(
      ParDoEvaluator<InputT, OutputT> evaluator, WindowedValue<InputT> element, List<WindowedValue<InputT>> later) {
    for (WindowedValue<InputT> inOneWindow : element.explodeWindows()) {
      BoundedWindow window = inOneWindow.getWindows().iterator().next();
      if (container.allReady(sideInputs, window)) {
        evaluator.processElement(inOneWindow);
      } else {
        later.add(inOneWindow);
      }
    }
  }

  @Override
  void tearDown() {
    tearDownAll(instances);
  }

  /**
   * What one bundle produced.
   *
   * @param outputs the elements output, per output
   * @param pushedBack the elements (one window each) whose side inputs were not ready
   */
  private record BundleResult<InputT>(BundleOutputs outputs, List<WindowedValue<InputT>> pushedBack) {}
}
