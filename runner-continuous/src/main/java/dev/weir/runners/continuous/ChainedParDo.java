package dev.weir.runners.continuous;

import dev.weir.runtime.dofn.DoFnInstancePool;
import dev.weir.runtime.dofn.OutputManager;
import dev.weir.runtime.dofn.SideInputReader;
import dev.weir.runtime.dofn.SimpleDoFnRunner;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.metrics.ChainContainers;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PValue;
import dev.weir.sdk.values.TupleTag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A stateless {@code ParDo} without side inputs, chained into a subtask's thread: each element is
 * processed as it arrives, its outputs go straight on to the receivers of the output collections.
 *
 * <p>Owned by one thread. The DoFn instance is borrowed from the step's pool at the first element
 * (so a step that sees no element sets up nothing) and given back by {@link #release}. A bundle
 * opens at the first element after the previous one finished.
 */
final class ChainedParDo implements Receiver {
  private final Job job;
  private final Step step;
  private final ParDo.MultiOutput<Object, Object> parDo;
  private final ChainContainers containers;
  private final int index;
  private final Map<TupleTag<?>, Receiver> outputs = new HashMap<>();
  private DoFnInstancePool<Object, Object, DoFn<Object, Object>> pool;
  private DoFn<Object, Object> fn;
  private SimpleDoFnRunner<Object, Object> runner;
  private boolean inBundle;

  @SuppressWarnings("unchecked")
  ChainedParDo(Job job, Step step, Function<PCollection<?>, Receiver> receivers, ChainContainers containers) {
    this.job = job;
    this.step = step;
    this.parDo = (ParDo.MultiOutput<Object, Object>) step.transform();
    this.containers = containers;
    this.index = job.stepIndex(step);
    for (Map.Entry<TupleTag<?>, PValue> output : step.outputs().entrySet()) {
      outputs.put(output.getKey(), receivers.apply((PCollection<?>) output.getValue()));
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void accept(WindowedValue<?> element) {
    int previous = containers.enter(index);
    try {
      if (!inBundle) {
        startBundle();
      }
      runner.processElement((WindowedValue<Object>) element);
    } finally {
      containers.exit(previous);
    }
  }

  // Apart from accept: bundles start every few hundred records, so the JIT compiles this call in;
  // a test of its own for the first element, taken once per step, would be compiled out, and a
  // step whose first element comes late (after a grouping) would throw the compiled chain away.
  private void startBundle() {
    if (runner == null) {
      start();
    }
    inBundle = true;
    runner.startBundle();
  }

  private void start() {
    pool = job.pool(step);
    fn = pool.borrow();
    TupleTag<Object> mainTag = parDo.getMainOutputTag();
    Receiver main = outputs.get(mainTag);
    OutputManager forward = new OutputManager() {
      @Override
      public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
        // Most outputs go to the main output: spares hashing the tag.
        Handoff.to(tag == mainTag ? main : outputs.get(tag), output);
      }
    };
    runner = new SimpleDoFnRunner<>(job.options(), fn, SideInputReader.empty(), forward, parDo.getMainOutputTag(),
        List.copyOf(parDo.getAdditionalOutputTags().getAll()), step.mainInput().getWindowingStrategy(),
        parDo.getSideInputs(), step.fullName());
  }

  /** Finishes the open bundle, if any; its {@code @FinishBundle} outputs go downstream. */
  void finishBundle() {
    if (inBundle) {
      inBundle = false;
      int previous = containers.enter(index);
      try {
        runner.finishBundle();
      } finally {
        containers.exit(previous);
      }
    }
  }

  /** Gives the DoFn instance back to its pool, which tears it down when the job ends. */
  void release() {
    if (fn != null) {
      pool.release(fn);
      fn = null;
    }
  }
}
