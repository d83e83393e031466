package dev.weir.runners.direct.streaming;

import dev.weir.runners.direct.execution.ElementChecks;
import dev.weir.runtime.graph.CombinableGrouping;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.grouping.BatchGroupAlsoByWindow;
import dev.weir.runtime.grouping.GroupAlsoByWindowCore;
import dev.weir.runtime.grouping.GroupAlsoByWindowSpec;
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
 * Executes a {@code GroupByKey} step with the execution core's {@link GroupAlsoByWindowCore}, one
 * per partition of keys (see {@link KeyedExecutor}): triggers, panes, accumulation, allowed
 * lateness and merging windows are the core's; this class only feeds it, one call per key of each
 * batch, in the order the keys first appear in the batch.
 *
 * <p>A bounded input whose windows do not merge and whose trigger fires once at the end of the
 * window is grouped by the core's {@link BatchGroupAlsoByWindow} instead, which gives the same
 * groups (the streaming core's once the watermark reaches the end of time) at a fraction of the
 * cost: it buffers until the step's input watermark reaches the end of time, holding the step's
 * output watermark at the beginning of time meanwhile, so that nothing downstream sees a watermark
 * its groups are behind.
 *
 * <p>A grouping the graph marks as a {@link CombinableGrouping} (that of a {@code Combine.perKey})
 * is lifted: its windows keep one accumulator of the CombineFn ({@link PaneContents#combining})
 * instead of the values, and it emits the combined {@code KV<K, OutputT>} straight to the output
 * of the composite's {@code GroupedValues} step, which a {@link LiftedAwayExecutor} then stands for.
 * Each partition gets its own deserialized copy of the CombineFn, as each ParDo worker gets its own
 * DoFn.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <AccumT> what a window keeps: the values, or an accumulator
 * @param <OutputT> what a pane holds: the values, or the combined value
 */
final class GroupByKeyExecutor<K, V, AccumT, OutputT> extends KeyedExecutor<K, V> {
  private final GroupAlsoByWindowSpec<K, V, AccumT, OutputT> spec;
  private final PCollection<?> output;
  private final boolean batch;
  /** Whether this grouping is lifted: its contents hold a CombineFn (one copy per partition), its output is checked. */
  private final boolean lifted;

  private GroupByKeyExecutor(Step step, Driver driver, KvCoder<K, V> inputCoder,
      PaneContents<V, AccumT, OutputT> contents, PCollection<?> output, boolean lifted) {
    super(step, driver, inputCoder.getKeyCoder());
    this.spec = GroupAlsoByWindowSpec.of(step.fullName(), inputCoder.getKeyCoder(), contents,
        step.mainInput().getWindowingStrategy());
    this.output = output;
    this.lifted = lifted;
    this.batch = step.mainInput().isBounded() == PCollection.IsBounded.BOUNDED
        && BatchGroupAlsoByWindow.supports(spec.strategy());
  }

  /** The executor of the grouping {@code step}, lifted if {@code combinable} is present. */
  static GroupByKeyExecutor<?, ?, ?, ?> create(Step step, Driver driver, Optional<CombinableGrouping> combinable) {
    KvCoder<Object, Object> inputCoder = inputCoder(step);
    if (combinable.isEmpty()) {
      return new GroupByKeyExecutor<>(step, driver, inputCoder, PaneContents.buffering(inputCoder.getValueCoder()),
          step.outputCollection(), false);
    }
    return new GroupByKeyExecutor<>(step, driver, inputCoder, combiningContents(combinable.get()),
        combinable.get().output(), true);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static PaneContents<Object, Object, Object> combiningContents(CombinableGrouping grouping) {
    return PaneContents.combining((CombineFn) grouping.fn(), (Coder) grouping.accumulatorCoder());
  }

  @SuppressWarnings("unchecked")
  private static <K, V> KvCoder<K, V> inputCoder(Step step) {
    return GroupByKey.getInputKvCoder((PCollection<KV<K, V>>) step.mainInput());
  }

  /** The spec a new partition's core uses: with its own copy of the user's CombineFn, if any. */
  @SuppressWarnings("unchecked")
  private GroupAlsoByWindowSpec<K, V, AccumT, OutputT> partitionSpec() {
    if (!lifted) {
      return spec;
    }
    return spec.withOwnContents();
  }

  /** Both grouping cores place an element in each of its windows themselves. */
  @Override
  boolean takesElementsInManyWindows() {
    return true;
  }

  @Override
  PartitionCore<K, V> newCore() {
    return batch ? new BatchPartition() : new GroupingPartition();
  }

  /**
   * {@code emitted}, after the element checks that the skipped {@code GroupedValues} step would
   * have made on its outputs (encodability with the output's coder), when this grouping is lifted.
   */
  @SuppressWarnings("unchecked")
  private List<WindowedValue<?>> checkedIfLifted(List<WindowedValue<?>> emitted) {
    if (lifted) {
      ElementChecks checks = new ElementChecks(step.fullName(), context);
      for (WindowedValue<?> value : emitted) {
        checks.onOutput((PCollection<Object>) output, value.getValue());
      }
      checks.afterBundle();
    }
    return emitted;
  }

  /** One partition of a bounded input, grouped all at once when its watermark reaches the end of time. */
  private final class BatchPartition implements PartitionCore<K, V> {
    private final BatchGroupAlsoByWindow<K, V, AccumT, OutputT> grouping =
        new BatchGroupAlsoByWindow<>(spec.stepName(), spec.keyCoder(), partitionSpec().contents(), spec.strategy());
    private final List<WindowedValue<?>> emitted = new ArrayList<>();
    private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

    @Override
    public void advanceProcessingTime(Instant now) {}

    @Override
    public void advanceInputWatermark(Instant to) {
      watermark = to.isAfter(watermark) ? to : watermark;
    }

    @Override
    public void process(List<WindowedValue<KV<K, V>>> elements) {
      for (WindowedValue<KV<K, V>> element : elements) {
        grouping.processElement(element);
      }
    }

    /** Groups everything once the input has ended, after the elements of the same task. */
    @Override
    public void finishTask() {
      grouping.finishAtEndOfInput(watermark, emitted::add);
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
    public Map<PCollection<?>, List<WindowedValue<?>>> takeOutputs() {
      if (emitted.isEmpty()) {
        return Map.of();
      }
      Map<PCollection<?>, List<WindowedValue<?>>> taken = Map.of(output, checkedIfLifted(List.copyOf(emitted)));
      emitted.clear();
      return taken;
    }
  }

  /** One partition's grouping core, with the panes it emitted since they were last taken. */
  private final class GroupingPartition implements PartitionCore<K, V> {
    private List<WindowedValue<?>> emitted = new ArrayList<>();
    private final GroupAlsoByWindowCore<K, V, AccumT, OutputT> core =
        new GroupAlsoByWindowCore<>(partitionSpec(), pane -> emitted.add(pane));
    private final Coder<K> keyCoder = spec.keyCoder();

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
    public void advanceInputWatermark(Instant watermark) {
      if (watermark.isAfter(core.currentInputWatermark())) {
        core.advanceInputWatermark(watermark);
      }
    }

    @Override
    public void process(List<WindowedValue<KV<K, V>>> elements) {
      Map<Object, KeyValues<K, V>> byKey = new LinkedHashMap<>();
      for (WindowedValue<KV<K, V>> element : elements) {
        K key = element.getValue().getKey();
        byKey.computeIfAbsent(keyCoder.structuralValue(key), k -> new KeyValues<>(key, new ArrayList<>()))
            .values().add(element.withValue(element.getValue().getValue()));
      }
      for (KeyValues<K, V> group : byKey.values()) {
        core.processElements(group.key(), group.values());
      }
    }

    @Override
    public Instant outputWatermarkHold() {
      return core.getOutputWatermarkHold();
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
    public Map<PCollection<?>, List<WindowedValue<?>>> takeOutputs() {
      List<WindowedValue<?>> taken = emitted;
      emitted = new ArrayList<>();
      return taken.isEmpty() ? Map.of() : Map.of(output, checkedIfLifted(taken));
    }
  }

  /** The values of one key in a batch, in arrival order. */
  private record KeyValues<K, V>(K key, List<WindowedValue<V>> values) {}
}
