package dev.weir.runners.continuous;

import dev.weir.runtime.dofn.DoFnInstancePool;
import dev.weir.runtime.dofn.OutputManager;
import dev.weir.runtime.dofn.SimpleDoFnRunner;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sideinputs.SideInputContainer;
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
import org.joda.time.Instant;

/**
 * A subtask of a stateless {@code ParDo} that reads side inputs: the side inputs arrive on their
 * own (broadcast) channels into this subtask's {@link SideInputContainer}; a main-input element is
 * processed in a window once every side input is ready there, and waits until then.
 */
final class SideInputParDoHead extends Head {
  private final DoFnInstancePool<Object, Object, DoFn<Object, Object>> pool;
  private final DoFn<Object, Object> fn;
  private final SimpleDoFnRunner<Object, Object> runner;
  private final WaitingElements waiting;
  private boolean inBundle;

  @SuppressWarnings("unchecked")
  SideInputParDoHead(Job job, Step step, SideInputContainer sideInputs, Function<PCollection<?>, Receiver> receivers) {
    ParDo.MultiOutput<Object, Object> parDo = (ParDo.MultiOutput<Object, Object>) step.transform();
    Map<TupleTag<?>, Receiver> outputs = new HashMap<>();
    for (Map.Entry<TupleTag<?>, PValue> output : step.outputs().entrySet()) {
      outputs.put(output.getKey(), receivers.apply((PCollection<?>) output.getValue()));
    }
    OutputManager forward = new OutputManager() {
      @Override
      public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
        Handoff.to(outputs.get(tag), output);
      }
    };
    this.pool = job.pool(step);
    this.fn = pool.borrow();
    this.runner = new SimpleDoFnRunner<>(job.options(), fn, sideInputs, forward, parDo.getMainOutputTag(),
        List.copyOf(parDo.getAdditionalOutputTags().getAll()), step.mainInput().getWindowingStrategy(),
        parDo.getSideInputs(), step.fullName());
    this.waiting = new WaitingElements(step.sideInputs(), sideInputs);
  }

  @Override
  void finishBundle() {
    if (inBundle) {
      inBundle = false;
      runner.finishBundle();
    }
  }

  @Override
  void process(WindowedValue<?> element) {
    waiting.offer(element, this::processNow);
  }

  @SuppressWarnings("unchecked")
  private void processNow(WindowedValue<?> element) {
    if (!inBundle) {
      inBundle = true;
      runner.startBundle();
    }
    runner.processElement((WindowedValue<Object>) element);
  }

  @Override
  void retryWaiting() {
    waiting.retry(this::processNow);
  }

  @Override
  Instant pendingMinimum() {
    return waiting.minimum();
  }

  @Override
  WaitingElements waiting() {
    return waiting;
  }

  @Override
  void close() {
    pool.release(fn);
  }
}
