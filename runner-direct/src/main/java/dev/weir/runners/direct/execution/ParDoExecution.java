package dev.weir.runners.direct.execution;

import dev.weir.runtime.dofn.SideInputReader;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.PValue;
import dev.weir.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code ParDo.MultiOutput} step: one task per input bundle, each evaluating its bundle
 * with a DoFn instance borrowed from the step's {@link DoFnInstancePool}, with the step's metrics
 * container installed around all user code. Each task makes one output bundle per output.
 *
 * <p>Used by the driver thread; the tasks run on the workers.
 *
 * @param <InputT> the input element type
 * @param <OutputT> the main output element type
 */
final class ParDoExecution<InputT, OutputT> {
  private final Step step;
  private final ExecutionContext context;
  private final DoFnInstancePool<InputT, OutputT> instances;

  @SuppressWarnings("unchecked")
  ParDoExecution(Step step, ExecutionContext context, SideInputReader sideInputs) {
    this.step = step;
    this.context = context;
    ParDo.MultiOutput<InputT, OutputT> parDo = (ParDo.MultiOutput<InputT, OutputT>) step.transform();
    this.instances = new DoFnInstancePool<>(
        step.fullName(), parDo.getFn(), context.options(),
        fn -> new ParDoEvaluator<>(step, fn, sideInputs, context.options()));
  }

  /** The step's DoFn instances, to be torn down when the run ends. */
  DoFnInstancePool<InputT, OutputT> instances() {
    return instances;
  }

  /** Evaluates every bundle of {@code input}; returns the bundles of each output, or null if the run stopped. */
  Map<PValue, List<Bundle<?>>> execute(List<Bundle<InputT>> input) {
    List<BundleOutputs> results = Collections.synchronizedList(new ArrayList<>());
    List<WorkerPool.Task> tasks = new ArrayList<>();
    for (Bundle<InputT> bundle : input) {
      tasks.add(() -> results.add(evaluate(bundle)));
    }
    if (!context.pool().runAll(step.fullName(), tasks)) {
      return null;
    }
    Map<PValue, List<Bundle<?>>> outputs = new IdentityHashMap<>();
    step.outputs().values().forEach(output -> outputs.put(output, new ArrayList<>()));
    for (BundleOutputs result : results) {
      for (Map.Entry<TupleTag<?>, ? extends PValue> output : result.collections().entrySet()) {
        List<WindowedValue<?>> elements = result.elementsOf(output.getKey());
        if (!elements.isEmpty()) {
          outputs.get(output.getValue()).add(bundleOf(elements));
        }
      }
    }
    return outputs;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Bundle<?> bundleOf(List<WindowedValue<?>> elements) {
    return new Bundle(elements);
  }

  @SuppressWarnings("try") // the scope only installs the step's metrics container
  private BundleOutputs evaluate(Bundle<InputT> bundle) {
    MetricsContainer container = context.metrics().getContainer(step.fullName());
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      ParDoEvaluator<InputT, OutputT> evaluator = instances.borrow();
      try {
        ElementChecks checks = new ElementChecks(step.fullName(), context);
        BundleOutputs outputs = new BundleOutputs(step.fullName(), step.outputs(), checks);
        evaluator.startBundle(outputs, checks);
        for (WindowedValue<InputT> element : bundle.elements()) {
          context.pool().checkRunning();
          evaluator.processElement(element);
        }
        evaluator.finishBundle();
        return outputs;
      } catch (RuntimeException | Error e) {
        evaluator.abandonBundle();
        throw e;
      } finally {
        instances.release(evaluator);
      }
    }
  }
}
