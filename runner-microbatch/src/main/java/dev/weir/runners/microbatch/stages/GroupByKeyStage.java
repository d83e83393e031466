package dev.weir.runners.microbatch.stages;

import static com.google.common.base.Verify.verify;

import dev.weir.runners.microbatch.execution.ShuffleWrite;
import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runtime.graph.CombinableGrouping;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.grouping.AccumulatorPaneContents;
import dev.weir.runtime.grouping.BatchGroupAlsoByWindow;
import dev.weir.runtime.grouping.GroupAlsoByWindowCore;
import dev.weir.runtime.grouping.GroupAlsoByWindowSpec;
import dev.weir.runtime.grouping.MapSideCombining;
import dev.weir.runtime.grouping.PaneContents;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.time.Instant;

/**
 * Runs a {@code GroupByKey} step with the execution core's {@link GroupAlsoByWindowCore}, one per
 * key partition (see {@link KeyedStage}): triggers, panes, accumulation, lateness and merging
 * windows are the core's; this class feeds it one call per key of each batch, in the order the
 * keys first appear.
 *
 * <p>A grouping the graph marks as a {@link CombinableGrouping} (that of a {@code Combine.perKey})
 * is lifted: windows keep one accumulator ({@link PaneContents#combining}) and the combined values
 * go straight to the output of the composite's {@code GroupedValues} step, whose own stage then
 * only relays the watermark. Each partition gets its own copy of the CombineFn.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <AccumT> what a window keeps
 * @param <OutputT> what a pane holds
 */
public final class GroupByKeyStage<K, V, AccumT, OutputT> extends KeyedStage<K, V> {
  private final GroupAlsoByWindowSpec<K, V, AccumT, OutputT> spec;
  private final PCollection<?> output;
  private final boolean lifted;
  /** The map side of a lifted grouping whose values are combined before the shuffle; null if they are not. */
  private final PartialCombine<K, ?, ?> partial;
  /** Whether partitions group with the core's bounded path, all at once at the end of the input. */
  private final boolean batch;

  @SuppressWarnings({"unchecked", "rawtypes"})
  private GroupByKeyStage(Step step, StageContext context, KvCoder<K, V> inputCoder,
      PaneContents<V, AccumT, OutputT> contents, PCollection<?> output, boolean lifted) {
    super(step, context, inputCoder.getKeyCoder());
    this.spec = GroupAlsoByWindowSpec.of(step.fullName(), inputCoder.getKeyCoder(), contents,
        step.mainInput().getWindowingStrategy());
    this.output = output;
    this.lifted = lifted;
    // As in the direct runner, a bounded input is grouped once it has all arrived, where that gives
    // the panes the streaming core would.
    this.batch = step.mainInput().isBounded() == PCollection.IsBounded.BOUNDED
        && BatchGroupAlsoByWindow.supports(spec.strategy());
    this.partial = contents instanceof AccumulatorPaneContents ? new PartialCombine<>((GroupAlsoByWindowSpec) spec) : null;
  }

  /** The stage of the grouping {@code step}, lifted if {@code combinable} is present. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static GroupByKeyStage<?, ?, ?, ?> create(Step step, StageContext context, Optional<CombinableGrouping> combinable) {
    KvCoder<Object, Object> inputCoder = GroupByKey.getInputKvCoder((PCollection<KV<Object, Object>>) step.mainInput());
    if (combinable.isEmpty()) {
      return new GroupByKeyStage<>(step, context, inputCoder, PaneContents.buffering(inputCoder.getValueCoder()),
          step.outputCollection(), false);
    }
    CombineFn fn = combinable.get().fn();
    Coder accumulatorCoder = combinable.get().accumulatorCoder();
    // Combined before the shuffle where that cannot change the panes: the core then merges accumulators.
    PaneContents<Object, Object, Object> contents = PartialCombine.applies(step.mainInput().getWindowingStrategy())
        ? PaneContents.mergingAccumulators(fn, accumulatorCoder)
        : PaneContents.combining(fn, accumulatorCoder);
    return new GroupByKeyStage<>(step, context, inputCoder, contents, combinable.get().output(), true);
  }

  /** The spec a new partition's core uses: with its own copy of the user's CombineFn, if any. */
  @SuppressWarnings("unchecked")
  private GroupAlsoByWindowSpec<K, V, AccumT, OutputT> partitionSpec() {
    if (!lifted) {
      return spec;
    }
    return spec.withOwnContents();
  }

  /** Per record unless the combine is lifted: then one accumulator per key and window of a task. */
  @Override
  public boolean writesPerRecord() {
    return partial == null;
  }

  /** The map side of one task: where values are combined before the shuffle, their accumulators by partition. */
  @Override
  public ShuffleWrite openShuffleWrite() {
    if (partial == null) {
      return super.openShuffleWrite();
    }
    // The accumulators travel as the values of the core's input: its contents merge them.
    return partial.openWrite(partitionCount(), this::partitionOfStructural, actedWatermark());
  }

  @Override
  PartitionCore<K, V> newCore(byte[] snapshot) {
    return batch ? new BatchPartition(snapshot) : new GroupingPartition(snapshot);
  }

  /** A partition's grouping, with the panes it emitted since they were last taken. */
  private abstract class Emitting implements PartitionCore<K, V> {
    private List<WindowedValue<?>> emitted = new ArrayList<>();

    final void emit(WindowedValue<?> pane) {
      emitted.add(pane);
    }

    @Override
    public final Map<PCollection<?>, List<WindowedValue<?>>> takeOutputs() {
      List<WindowedValue<?>> taken = emitted;
      emitted = new ArrayList<>();
      return taken.isEmpty() ? Map.of() : Map.of(output, taken);
    }
  }

  /**
   * One partition of a bounded input, grouped all at once by the core's
   * {@link BatchGroupAlsoByWindow} when the input watermark reaches the end of time (the panes of the
   * default trigger); until then it holds the output watermark at the beginning of time. Its
   * snapshot is the grouping's.
   */
  private final class BatchPartition extends Emitting {
    private final BatchGroupAlsoByWindow<K, V, AccumT, OutputT> grouping = new BatchGroupAlsoByWindow<>(
        spec.stepName(), spec.keyCoder(), partitionSpec().contents(), spec.strategy());
    private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

    BatchPartition(byte[] snapshot) {
      if (snapshot != null) {
        grouping.restore(snapshot);
      }
    }

    @Override
    public void advanceProcessingTime(Instant now) {}

    @Override
    public void process(List<WindowedValue<KV<K, V>>> elements) {
      for (WindowedValue<KV<K, V>> element : elements) {
        grouping.processElement(element);
      }
    }

    @Override
    public void advanceInputWatermark(Instant to) {
      watermark = to.isAfter(watermark) ? to : watermark;
    }

    /** Groups everything once the input has ended, after the elements of the same task. */
    @Override
    public void finishTask() {
      grouping.finishAtEndOfInput(watermark, this::emit);
    }

    @Override
    public Instant outputWatermarkHold() {
      return grouping.outputWatermarkHold();
    }

    @Override
    public Instant nextProcessingTimeWakeUp() {
      return null;
    }

    @Override
    public Instant currentInputWatermark() {
      return watermark;
    }

    @Override
    public byte[] snapshot() {
      return grouping.snapshot();
    }
  }

  /** One partition's grouping core, with the panes it emitted since they were last taken. */
  private final class GroupingPartition extends Emitting {
    private final GroupAlsoByWindowCore<K, V, AccumT, OutputT> core;
    /**
     * Accumulators held back while the watermark stands still; null where state is checkpointed, the
     * input is not combined map-side, or a window may fire before the watermark moves.
     */
    private final HeldAccumulators<K, Object> held;
    /** The input watermark at the end of the running batch. */
    private Instant target = BoundedWindow.TIMESTAMP_MIN_VALUE;

    @SuppressWarnings({"unchecked", "rawtypes"})
    GroupingPartition(byte[] snapshot) {
      GroupAlsoByWindowSpec<K, V, AccumT, OutputT> own = partitionSpec();
      this.core = snapshot == null
          ? new GroupAlsoByWindowCore<>(own, this::emit)
          : GroupAlsoByWindowCore.restore(own, snapshot, this::emit);
      this.held = partial == null || context.options().getCheckpointDir() != null
          || !MapSideCombining.unendedWindowsWaitForTheWatermark(own.strategy()) ? null
          : new HeldAccumulators<>(own.keyCoder(), (PaneContents) own.contents());
    }

    @Override
    public void startTask(Instant watermark) {
      target = watermark;
    }

    @Override
    public void advanceProcessingTime(Instant now) {
      if (now.isAfter(core.currentProcessingTime())) {
        core.advanceProcessingTime(now);
      }
      if (now.isAfter(core.currentSynchronizedProcessingTime())) {
        core.advanceSynchronizedProcessingTime(now);
      }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void process(List<WindowedValue<KV<K, V>>> elements) {
      if (held != null) {
        Instant watermark = core.currentInputWatermark();
        if (!target.isAfter(watermark)) {
          elements = (List) held.holdBack((List) elements, watermark);
        } else if (!held.isEmpty()) {
          List<WindowedValue<KV<K, V>>> all = (List) held.release();
          all.addAll(elements);
          elements = all;
        }
      }
      Map<Object, KeyValues<K, V>> byKey = new LinkedHashMap<>();
      for (WindowedValue<KV<K, V>> element : elements) {
        K key = element.getValue().getKey();
        byKey.computeIfAbsent(spec.keyCoder().structuralValue(key), k -> new KeyValues<>(key, new ArrayList<>()))
            .values().add(element.withValue(element.getValue().getValue()));
      }
      for (KeyValues<K, V> group : byKey.values()) {
        core.processElements(group.key(), group.values());
      }
    }

    @Override
    public void advanceInputWatermark(Instant watermark) {
      if (watermark.isAfter(core.currentInputWatermark())) {
        core.advanceInputWatermark(watermark);
      }
    }

    @Override
    public Instant outputWatermarkHold() {
      Instant hold = core.getOutputWatermarkHold();
      Instant heldBack = held == null ? null : held.earliestWindowEnd();
      return heldBack != null && heldBack.isBefore(hold) ? heldBack : hold;
    }

    @Override
    public Instant nextProcessingTimeWakeUp() {
      Instant processing = core.nextProcessingTimeWakeUp();
      Instant synchronizedTime = core.nextSynchronizedProcessingTimeWakeUp();
      if (processing == null) {
        return synchronizedTime;
      }
      return synchronizedTime == null || processing.isBefore(synchronizedTime) ? processing : synchronizedTime;
    }

    @Override
    public Instant currentInputWatermark() {
      return core.currentInputWatermark();
    }

    @Override
    public byte[] snapshot() {
      verify(held == null || held.isEmpty(), "a partition of %s holds accumulators back from a snapshot",
          step.fullName());
      return core.snapshot();
    }
  }

  /** The values of one key in a batch, in arrival order. */
  private record KeyValues<K, V>(K key, List<WindowedValue<V>> values) {}
}
