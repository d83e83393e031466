package dev.weir.runners.microbatch.stages;

import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runtime.dofn.DoFnInstancePool;
import dev.weir.runtime.dofn.OutputManager;
import dev.weir.runtime.graph.Step;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * Runs a {@code ParDo} whose DoFn has state, timers or {@code @OnWindowExpiration} with the
 * execution core's {@link StatefulDoFnCore}, one per key partition (see {@link KeyedStage}). Each
 * partition owns one DoFn instance, set up when the partition first runs and torn down when the
 * run ends; each batch is one bundle of it. State, timers, holds and expiry are the core's.
 *
 * @param <K> the key type
 * @param <V> the input value type
 * @param <OutputT> the main output type
 */
public final class StatefulParDoStage<K, V, OutputT> extends KeyedStage<K, V> {
  private final ParDo.MultiOutput<KV<K, V>, OutputT> parDo;
  private final KvCoder<K, V> inputCoder;
  private final DoFnInstancePool<KV<K, V>, OutputT, Void> instances;

  @SuppressWarnings("unchecked")
  public StatefulParDoStage(Step step, StageContext context) {
    super(step, context, ((KvCoder<K, V>) step.mainInput().getCoder()).getKeyCoder());
    this.parDo = (ParDo.MultiOutput<KV<K, V>, OutputT>) step.transform();
    this.inputCoder = (KvCoder<K, V>) step.mainInput().getCoder();
    this.instances = DoFnInstancePool.ofOwnedInstances(step.fullName(), parDo.getFn(), context.options());
  }

  @Override
  PartitionCore<K, V> newCore(byte[] snapshot) {
    DoFn<KV<K, V>, OutputT> fn = instances.newInstance();
    try {
      return new StatefulPartition(fn, snapshot);
    } catch (RuntimeException | Error e) {
      // The instance was set up: it is torn down even though it never ran a bundle.
      Throwable teardown = instances.tearDown(fn, context.metricsOf(step.fullName()));
      if (teardown != null) {
        e.addSuppressed(teardown);
      }
      throw e;
    }
  }

  /** One partition's core and DoFn instance, with the outputs of its current batch. */
  private final class StatefulPartition implements PartitionCore<K, V> {
    private final DoFn<KV<K, V>, OutputT> fn;
    private final StatefulDoFnCore<K, V, OutputT> core;
    private Map<TupleTag<?>, List<WindowedValue<?>>> outputs = new HashMap<>();

    @SuppressWarnings("unchecked")
    StatefulPartition(DoFn<KV<K, V>, OutputT> fn, byte[] snapshot) {
      this.fn = fn;
      OutputManager collect = new OutputManager() {
        @Override
        public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
          outputs.computeIfAbsent(tag, t -> new ArrayList<>()).add(output);
        }
      };
      StatefulStep<K, V, OutputT> statefulStep = new StatefulStep<>(step.fullName(), fn, inputCoder,
          ((PCollection<KV<K, V>>) step.mainInput()).getWindowingStrategy(), parDo.getMainOutputTag(),
          List.copyOf(parDo.getAdditionalOutputTags().getAll()), parDo.getSideInputs(), context.options());
      this.core = snapshot == null
          ? new StatefulDoFnCore<>(statefulStep, collect, context.sideInputs())
          : StatefulDoFnCore.restore(statefulStep, collect, context.sideInputs(), snapshot);
    }

    @Override
    public void startTask(Instant watermark) {
      core.startBundle();
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
    public void process(List<WindowedValue<KV<K, V>>> elements) {
      for (WindowedValue<KV<K, V>> element : elements) {
        core.processElement(element);
      }
    }

    @Override
    public void advanceInputWatermark(Instant watermark) {
      if (watermark.isAfter(core.getInputWatermark())) {
        core.advanceInputWatermark(watermark);
      }
    }

    @Override
    public void finishTask() {
      core.finishBundle();
    }

    @Override
    public Map<PCollection<?>, List<WindowedValue<?>>> takeOutputs() {
      Map<PCollection<?>, List<WindowedValue<?>>> taken = new HashMap<>();
      outputs.forEach((tag, elements) -> taken.put((PCollection<?>) step.outputs().get(tag), elements));
      outputs = new HashMap<>();
      return taken;
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
    public Instant currentInputWatermark() {
      return core.getInputWatermark();
    }

    @Override
    public byte[] snapshot() {
      return core.snapshot();
    }

    @Override
    public void close() {
      Throwable failure = instances.tearDown(fn, context.metricsOf(step.fullName()));
      if (failure != null) {
        System.getLogger(StatefulParDoStage.class.getName())
            .log(System.Logger.Level.WARNING, "A DoFn's @Teardown failed; teardown is best effort", failure);
      }
    }
  }
}
