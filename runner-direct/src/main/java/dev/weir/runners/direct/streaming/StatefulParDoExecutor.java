package dev.weir.runners.direct.streaming;

import dev.weir.runners.direct.execution.BundleOutputs;
import dev.weir.runners.direct.execution.ElementChecks;
import dev.weir.runtime.dofn.DoFnInstancePool;
import dev.weir.runtime.dofn.OutputManager;
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
import dev.weir.sdk.values.TupleTag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * Executes a {@code ParDo} step whose DoFn has state, timers or {@code @OnWindowExpiration}, with
 * the execution core's {@link StatefulDoFnCore}, one per partition of keys (see
 * {@link KeyedExecutor}). Each partition owns one DoFn instance, set up when the partition first
 * runs and torn down when the run ends; each of its tasks is one bundle of that instance. State,
 * timers, their firing order, holds and window expiry are the core's; this class feeds it and
 * routes its outputs, with the run's element checks.
 *
 * @param <K> the key type
 * @param <V> the value type of the input
 * @param <OutputT> the main output type
 */
final class StatefulParDoExecutor<K, V, OutputT> extends KeyedExecutor<K, V> {
  private static final System.Logger LOG = System.getLogger(StatefulParDoExecutor.class.getName());

  private final ParDo.MultiOutput<KV<K, V>, OutputT> parDo;
  private final KvCoder<K, V> inputCoder;
  private final PCollection<KV<K, V>> input;
  private final DoFnInstancePool<KV<K, V>, OutputT, Void> instances;
  private final SideInputContainer container;

  StatefulParDoExecutor(Step step, Driver driver) {
    this(step, driver, StatefulParDoExecutor.<K, V>inputCoder(step));
  }

  @SuppressWarnings("unchecked")
  private StatefulParDoExecutor(Step step, Driver driver, KvCoder<K, V> inputCoder) {
    super(step, driver, inputCoder.getKeyCoder());
    this.parDo = (ParDo.MultiOutput<KV<K, V>, OutputT>) step.transform();
    this.inputCoder = inputCoder;
    this.input = (PCollection<KV<K, V>>) step.mainInput();
    this.instances = DoFnInstancePool.ofOwnedInstances(step.fullName(), parDo.getFn(), context.options());
    this.container = driver.sideInputs();
  }

  @SuppressWarnings("unchecked")
  private static <K, V> KvCoder<K, V> inputCoder(Step step) {
    return (KvCoder<K, V>) step.mainInput().getCoder();
  }

  @Override
  PartitionCore<K, V> newCore() {
    DoFn<KV<K, V>, OutputT> fn = instances.newInstance();
    try {
      return new StatefulPartition(fn);
    } catch (RuntimeException | Error e) {
      // The instance was set up: it is torn down even though it never ran a bundle.
      Throwable teardown = instances.tearDown(fn, context.metrics().getContainer(step.fullName()));
      if (teardown != null) {
        e.addSuppressed(teardown);
      }
      throw e;
    }
  }

  /** One partition's core and DoFn instance, with the outputs and checks of its current task. */
  private final class StatefulPartition implements PartitionCore<K, V> {
    private final DoFn<KV<K, V>, OutputT> fn;
    private final StatefulDoFnCore<K, V, OutputT> core;
    private BundleOutputs outputs;
    private ElementChecks checks;

    StatefulPartition(DoFn<KV<K, V>, OutputT> fn) {
      this.fn = fn;
      OutputManager forward = new OutputManager() {
        @Override
        public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
          outputs.output(tag, output);
        }
      };
      StatefulStep<K, V, OutputT> statefulStep = new StatefulStep<>(step.fullName(), fn, inputCoder,
          input.getWindowingStrategy(), parDo.getMainOutputTag(), List.copyOf(parDo.getAdditionalOutputTags().getAll()),
          parDo.getSideInputs(), context.options());
      this.core = new StatefulDoFnCore<>(statefulStep, forward, container);
    }

    @Override
    public void startTask() {
      checks = new ElementChecks(step.fullName(), context);
      outputs = new BundleOutputs(step.fullName(), step.outputs(), checks);
      core.startBundle();
    }

    @Override
    public void finishTask() {
      core.finishBundle();
      checks.afterBundle();
    }

    @Override
    public void advanceProcessingTime(Instant now) {
      if (now.isAfter(core.getProcessingTime())) {
        core.advanceProcessingTime(now);
      }
      if (now.isAfter(core.getSynchronizedProcessingTime())) {
        core.advanceSynchronizedProcessingTime(now);
      }
    }

    @Override
    public void advanceInputWatermark(Instant watermark) {
      if (watermark.isAfter(core.getInputWatermark())) {
        core.advanceInputWatermark(watermark);
      }
    }

    @Override
    public void process(List<WindowedValue<KV<K, V>>> elements) {
      for (WindowedValue<KV<K, V>> element : elements) {
        ElementChecks.Checked<KV<K, V>> checked = checks.beforeInput(input, element.getValue());
        core.processElement(element);
        checks.afterInput(checked);
      }
    }

    @Override
    public Instant outputWatermarkHold() {
      return core.getOutputWatermarkHold();
    }

    @Override
    public Instant nextProcessingTimeWakeUp() {
      Instant processing = core.getNextTimerTimestamp(TimeDomain.PROCESSING_TIME);
      Instant synchronizedTime = core.getNextTimerTimestamp(TimeDomain.SYNCHRONIZED_PROCESSING_TIME);
      if (processing == null) {
        return synchronizedTime;
      }
      return synchronizedTime == null || processing.isBefore(synchronizedTime) ? processing : synchronizedTime;
    }

    @Override
    public Map<PCollection<?>, List<WindowedValue<?>>> takeOutputs() {
      Map<PCollection<?>, List<WindowedValue<?>>> taken = new HashMap<>();
      outputs.collections().forEach((tag, collection) -> {
        List<WindowedValue<?>> elements = outputs.elementsOf(tag);
        if (!elements.isEmpty()) {
          taken.put(collection, elements);
        }
      });
      return taken;
    }

    @Override
    public void close() {
      Throwable failure = instances.tearDown(fn, context.metrics().getContainer(step.fullName()));
      if (failure != null) {
        LOG.log(System.Logger.Level.WARNING, "A DoFn's @Teardown failed; teardown is best effort", failure);
      }
    }
  }
}
