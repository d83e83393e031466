package dev.weir.runners.continuous;

import dev.weir.runtime.dofn.DoFnInstancePool;
import dev.weir.runtime.dofn.OutputManager;
import dev.weir.runtime.dofn.SideInputReader;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.runtime.state.StatefulDoFnCore;
import dev.weir.runtime.state.StatefulStep;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PValue;
import dev.weir.sdk.values.TupleTag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.joda.time.Instant;

/**
 * A subtask of a stateful {@code ParDo}: the keys routed to it, with their state and timers kept by
 * the execution core's {@link StatefulDoFnCore} and one DoFn instance of its own (set up when the
 * subtask starts, torn down when it ends). Each input message is one bundle. Elements whose side
 * inputs are not ready wait, holding the input watermark back.
 */
final class StatefulHead extends Head {
  private static final System.Logger LOG = System.getLogger(StatefulHead.class.getName());

  private final Job job;
  private final Step step;
  private final DoFnInstancePool<KV<Object, Object>, Object, Void> instances;
  private final DoFn<KV<Object, Object>, Object> fn;
  private final StatefulDoFnCore<Object, Object, Object> core;
  private final WaitingElements waiting;
  private boolean inBundle;

  @SuppressWarnings("unchecked")
  StatefulHead(Job job, Step step, SideInputContainer sideInputs, Function<PCollection<?>, Receiver> receivers,
      byte[] state) {
    this.job = job;
    this.step = step;
    ParDo.MultiOutput<KV<Object, Object>, Object> parDo = (ParDo.MultiOutput<KV<Object, Object>, Object>) step.transform();
    PCollection<KV<Object, Object>> input = (PCollection<KV<Object, Object>>) step.mainInput();
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
    this.instances = DoFnInstancePool.ofOwnedInstances(step.fullName(), parDo.getFn(), job.options());
    this.fn = instances.newInstance();
    StatefulStep<Object, Object, Object> statefulStep = new StatefulStep<>(step.fullName(), fn,
        (KvCoder<Object, Object>) input.getCoder(), input.getWindowingStrategy(), parDo.getMainOutputTag(),
        List.copyOf(parDo.getAdditionalOutputTags().getAll()), parDo.getSideInputs(), job.options());
    SideInputReader reader = sideInputs == null ? SideInputReader.empty() : sideInputs;
    try {
      this.core = state == null
          ? new StatefulDoFnCore<>(statefulStep, forward, reader)
          : StatefulDoFnCore.restore(statefulStep, forward, reader, state);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
    this.waiting = sideInputs == null ? null : new WaitingElements(step.sideInputs(), sideInputs);
  }

  @Override
  void startBundle() {
    if (!inBundle) {
      inBundle = true;
      core.startBundle();
    }
  }

  @Override
  void finishBundle() {
    if (inBundle) {
      inBundle = false;
      core.finishBundle();
    }
  }

  @Override
  void process(WindowedValue<?> element) {
    if (waiting == null) {
      for (WindowedValue<?> inOneWindow : element.getWindows().size() == 1 ? List.of(element) : element.explodeWindows()) {
        processNow(inOneWindow);
      }
    } else {
      waiting.offer(element, this::processNow);
    }
  }

  @SuppressWarnings("unchecked")
  private void processNow(WindowedValue<?> element) {
    core.processElement((WindowedValue<KV<Object, Object>>) element);
  }

  @Override
  void retryWaiting() {
    if (waiting != null) {
      waiting.retry(this::processNow);
    }
  }

  @Override
  Instant pendingMinimum() {
    return waiting == null ? super.pendingMinimum() : waiting.minimum();
  }

  @Override
  void advanceProcessingTime(Instant now) {
    if (now.isAfter(core.getProcessingTime())) {
      core.advanceProcessingTime(now);
    }
    if (now.isAfter(core.getSynchronizedProcessingTime())) {
      core.advanceSynchronizedProcessingTime(now);
    }
  }

  @Override
  void advanceInputWatermark(Instant watermark) {
    if (watermark.isAfter(core.getInputWatermark())) {
      core.advanceInputWatermark(watermark);
    }
  }

  @Override
  Instant outputHold() {
    return core.getOutputWatermarkHold();
  }

  @Override
  Instant nextWakeUp() {
    return earlier(core.getNextTimerTimestamp(TimeDomain.PROCESSING_TIME),
        core.getNextTimerTimestamp(TimeDomain.SYNCHRONIZED_PROCESSING_TIME));
  }

  /** The core's state and timers, encoded through their coders; call between bundles. */
  @Override
  byte[] snapshot() {
    return core.snapshot();
  }

  @Override
  WaitingElements waiting() {
    return waiting;
  }

  @Override
  void close() {
    Throwable failure = instances.tearDown(fn, job.metrics().getContainer(step.fullName()));
    if (failure != null) {
      LOG.log(System.Logger.Level.WARNING, "A DoFn's @Teardown failed; teardown is best effort", failure);
    }
  }
}
