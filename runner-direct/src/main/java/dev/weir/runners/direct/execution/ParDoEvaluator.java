package dev.weir.runners.direct.execution;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.runtime.dofn.OutputManager;
import dev.weir.runtime.dofn.SideInputReader;
import dev.weir.runtime.dofn.SimpleDoFnRunner;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TupleTag;
import java.util.List;

/**
 * Evaluates bundles of one ParDo step with one set-up DoFn instance: elements are pushed in with
 * {@link #processElement} between {@link #startBundle} and {@link #finishBundle}, and outputs go
 * to the bundle's {@link BundleOutputs}.
 *
 * <p>Owns its DoFn instance's bundle calls; {@code @Setup} and {@code @Teardown} are its pool's
 * business ({@link dev.weir.runtime.dofn.DoFnInstancePool}). Not thread-safe: one thread at a time evaluates a bundle,
 * as a DoFn instance requires. User exceptions come out as {@code UserCodeException}s naming the
 * step; check violations as described in {@link ElementChecks}.
 *
 * @param <InputT> the input element type
 * @param <OutputT> the main output element type
 */
public final class ParDoEvaluator<InputT, OutputT> {
  private final DoFn<InputT, OutputT> fn;
  private final PCollection<InputT> input;
  private final SimpleDoFnRunner<InputT, OutputT> runner;
  /** The outputs of the bundle being evaluated; null between bundles. */
  private BundleOutputs outputs;
  private ElementChecks checks;

  @SuppressWarnings("unchecked")
  public ParDoEvaluator(Step step, DoFn<InputT, OutputT> fn, SideInputReader sideInputs, PipelineOptions options) {
    ParDo.MultiOutput<InputT, OutputT> parDo = (ParDo.MultiOutput<InputT, OutputT>) step.transform();
    this.fn = fn;
    this.input = (PCollection<InputT>) step.mainInput();
    OutputManager forward = new OutputManager() {
      @Override
      public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
        checkState(outputs != null, "Step '%s' output outside a bundle", step.fullName());
        outputs.output(tag, output);
      }
    };
    this.runner = new SimpleDoFnRunner<>(
        options, fn, sideInputs, forward, parDo.getMainOutputTag(),
        List.copyOf(parDo.getAdditionalOutputTags().getAll()), input.getWindowingStrategy(),
        parDo.getSideInputs(), step.fullName());
  }

  /** The DoFn instance, set up by the pool. */
  public DoFn<InputT, OutputT> fn() {
    return fn;
  }

  /** Starts a bundle whose outputs go to {@code bundleOutputs}, checked by {@code bundleChecks}. */
  public void startBundle(BundleOutputs bundleOutputs, ElementChecks bundleChecks) {
    checkState(outputs == null, "startBundle called twice without finishBundle");
    this.outputs = bundleOutputs;
    this.checks = bundleChecks;
    runner.startBundle();
  }

  /** Processes one element of the bundle. */
  public void processElement(WindowedValue<InputT> element) {
    ElementChecks.Checked<InputT> checked = checks.beforeInput(input, element.getValue());
    runner.processElement(element);
    checks.afterInput(checked);
  }

  /** Finishes the bundle; its outputs are complete and checked when this returns. */
  public void finishBundle() {
    try {
      runner.finishBundle();
      checks.afterBundle();
    } finally {
      outputs = null;
      checks = null;
    }
  }

  /** Forgets a bundle that failed part way, so that the instance can start another. */
  public void abandonBundle() {
    outputs = null;
    checks = null;
  }
}
