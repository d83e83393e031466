package dev.weir.runners.continuous;

import dev.weir.runtime.graph.CombinableGrouping;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.grouping.GroupAlsoByWindowCore;
import dev.weir.runtime.grouping.GroupAlsoByWindowSpec;
import dev.weir.runtime.grouping.PaneContents;
import dev.weir.runtime.triggers.TriggerStateMachines;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.time.Instant;

/**
 * A subtask of a {@code GroupByKey}: the keys routed to it, grouped by the execution core's
 * {@link GroupAlsoByWindowCore}, fed one record at a time, so that a count trigger fires on the
 * record that completes its count. Triggers, panes, lateness and merging windows are the core's.
 *
 * <p>A grouping the graph marks as a {@link CombinableGrouping} (that of a {@code Combine.perKey})
 * keeps one accumulator per key and window ({@link PaneContents#combining}, with this subtask's own
 * copy of the CombineFn) and emits the combined values to the composite's output.
 */
final class GroupingHead extends Head {
  private final GroupAlsoByWindowCore<Object, Object, Object, Object> core;
  private final Coder<Object> keyCoder;
  /** Whether records reach the core one by one: for triggers that count elements, except under a TestStream. */
  private final boolean recordAtATime;

  /** The head of {@code step} emitting to {@code output}, restored from {@code state} unless it is null. */
  GroupingHead(Job job, Step step, Receiver output, byte[] state) {
    // Per record costs a core call per element; it changes panes only for triggers that count elements.
    this.recordAtATime = job.manualClock() == null
        && TriggerStateMachines.countsElements(step.mainInput().getWindowingStrategy().getTrigger());
    GroupAlsoByWindowSpec<Object, Object, Object, Object> spec = spec(job, step);
    this.keyCoder = spec.keyCoder();
    this.core = state == null
        ? new GroupAlsoByWindowCore<>(spec, output::accept)
        : GroupAlsoByWindowCore.restore(spec, state, output::accept);
  }

  /** The output collection of the grouping {@code step}: the combined values' when it is lifted. */
  static PCollection<?> outputOf(Job job, Step step) {
    Optional<CombinableGrouping> combinable = job.plan().graph.combinableGroupingOf(step);
    return combinable.isPresent() ? combinable.get().output() : step.outputCollection();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static GroupAlsoByWindowSpec<Object, Object, Object, Object> spec(Job job, Step step) {
    KvCoder<Object, Object> inputCoder = GroupByKey.getInputKvCoder((PCollection<KV<Object, Object>>) step.mainInput());
    Optional<CombinableGrouping> combinable = job.plan().graph.combinableGroupingOf(step);
    PaneContents<Object, Object, Object> contents;
    if (combinable.isPresent()) {
      contents = PaneContents.combining((CombineFn) combinable.get().fn(), (Coder) combinable.get().accumulatorCoder());
    } else {
      contents = (PaneContents) PaneContents.buffering(inputCoder.getValueCoder());
    }
    GroupAlsoByWindowSpec<Object, Object, Object, Object> spec = GroupAlsoByWindowSpec.of(step.fullName(),
        inputCoder.getKeyCoder(), contents, step.mainInput().getWindowingStrategy());
    // Each subtask has its own copy of the user's CombineFn.
    return combinable.isPresent() ? spec.withOwnContents() : spec;
  }

  /**
   * Hands the core the records of one buffer. Record at a time when the trigger counts elements,
   * so that a count trigger fires on the record that completes the count. Otherwise grouped by key,
   * one call per key (as the direct runner does per bundle), which gives the same panes at less
   * cost; and always grouped under a {@code TestStream}, whose event's elements form one bundle
   * that a trigger sees together, as Beam's TestStream semantics (and the validation suite) want.
   */
  @Override
  void processAll(List<WindowedValue<?>> elements) {
    if (recordAtATime) {
      for (WindowedValue<?> element : elements) {
        processGrouped(List.of(element));
      }
    } else {
      processGrouped(elements);
    }
  }

  @SuppressWarnings("unchecked")
  private void processGrouped(List<WindowedValue<?>> elements) {
    Map<Object, KeyValues> byKey = new LinkedHashMap<>();
    for (WindowedValue<?> element : elements) {
      WindowedValue<KV<Object, Object>> kv = (WindowedValue<KV<Object, Object>>) element;
      Object key = kv.getValue().getKey();
      List<WindowedValue<Object>> values =
          byKey.computeIfAbsent(keyCoder.structuralValue(key), k -> new KeyValues(key, new ArrayList<>())).values();
      if (kv.getWindows().size() == 1) {
        values.add(kv.withValue(kv.getValue().getValue()));
      } else {
        for (WindowedValue<KV<Object, Object>> inOneWindow : kv.explodeWindows()) {
          values.add(inOneWindow.withValue(inOneWindow.getValue().getValue()));
        }
      }
    }
    for (KeyValues group : byKey.values()) {
      core.processElements(group.key(), group.values());
    }
  }

  @Override
  void process(WindowedValue<?> element) {
    processAll(List.of(element));
  }

  /** The values of one key in a buffer, in arrival order. */
  private record KeyValues(Object key, List<WindowedValue<Object>> values) {}

  @Override
  void advanceProcessingTime(Instant now) {
    if (now.isAfter(core.currentProcessingTime())) {
      core.advanceProcessingTime(now);
    }
    if (now.isAfter(core.currentSynchronizedProcessingTime())) {
      core.advanceSynchronizedProcessingTime(now);
    }
  }

  @Override
  void advanceInputWatermark(Instant watermark) {
    if (watermark.isAfter(core.currentInputWatermark())) {
      core.advanceInputWatermark(watermark);
    }
  }

  @Override
  Instant outputHold() {
    return core.getOutputWatermarkHold();
  }

  @Override
  Instant nextWakeUp() {
    return earlier(core.nextProcessingTimeWakeUp(), core.nextSynchronizedProcessingTimeWakeUp());
  }

  /** The core's state, encoded through its coders. */
  @Override
  byte[] snapshot() {
    return core.snapshot();
  }
}
