package dev.weir.runners.continuous;

import static com.google.common.base.Verify.verify;

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
 * {@link GroupAlsoByWindowCore}. Triggers, panes, lateness and merging windows are the core's.
 *
 * <p>How records reach the core: one at a time when the trigger counts elements, so that a count
 * trigger fires on the record that completes its count; per buffer under a {@code TestStream}.
 * Otherwise records are <em>pending</em> for a while (Flink's mini-batch): kept per key and handed
 * to the core one call per key, which costs the core far less than a call per record, when the
 * input watermark advances, before a checkpoint, once {@value #BATCH_MILLIS} ms of processing time
 * passed since the first of them arrived, or once there are many of them. To the core this is as if
 * they had arrived later and together, which no trigger that does not count elements can tell from
 * a slower channel; the watermark is never advanced past pending records, and a new element's
 * watermark hold is never before the input watermark, so the output watermark is what the core
 * would give anyway.
 *
 * <p>A grouping the graph marks as a {@link CombinableGrouping} (that of a {@code Combine.perKey})
 * keeps one accumulator per key and window ({@link PaneContents#combining}, with this subtask's own
 * copy of the CombineFn) and emits the combined values to the composite's output; when its
 * producers combine records before shipping them ({@link PartialCombiner}), it merges their
 * accumulators instead.
 */
final class GroupingHead extends Head {
  /** How long records may be pending before they reach the core, in processing time (milliseconds). */
  static final long BATCH_MILLIS = 100;
  /** Pending records, in buffers' worth, that make a flush. */
  private static final int PENDING_BUFFERS = 128;

  private final GroupAlsoByWindowCore<Object, Object, Object, Object> core;
  private final Coder<Object> keyCoder;
  /** Whether records reach the core one by one: for triggers that count elements, except under a TestStream. */
  private final boolean recordAtATime;
  /** Whether records wait in {@link #pending} before they reach the core: unless record at a time or under a TestStream. */
  private final boolean batching;
  /**
   * Records that arrived but have not reached the core, by key structural value, each key's in arrival order.
   * A key's entry (and its list's capacity) stays across flushes while the key keeps receiving
   * records: growing a fresh list per key and flush cost more than the records' grouping.
   */
  private final Map<Object, KeyValues> pending = new LinkedHashMap<>();
  /** Whether {@link #pending} holds records; its entries may all be empty. */
  private boolean anyPending;
  private final int pendingLimit;
  private final String stepName;
  private int pendingCount;
  /** The processing time by which the pending records must reach the core; null while none is pending. */
  private Instant pendingDue;

  /** The head of {@code step} emitting to {@code output}, restored from {@code state} unless it is null. */
  GroupingHead(Job job, Step step, Receiver output, byte[] state) {
    // Per record costs a core call per element; it changes panes only for triggers that count elements.
    this.recordAtATime = job.manualClock() == null
        && TriggerStateMachines.countsElements(step.mainInput().getWindowingStrategy().getTrigger());
    this.batching = !recordAtATime && job.manualClock() == null;
    this.pendingLimit = PENDING_BUFFERS * job.options().getBufferSize();
    this.stepName = step.fullName();
    GroupAlsoByWindowSpec<Object, Object, Object, Object> spec = spec(job, step);
    this.keyCoder = spec.keyCoder();
    this.core = state == null
        ? new GroupAlsoByWindowCore<>(spec, element -> Handoff.to(output, element))
        : GroupAlsoByWindowCore.restore(spec, state, element -> Handoff.to(output, element));
  }

  /** The output collection of the grouping {@code step}: the combined values' when it is lifted. */
  static PCollection<?> outputOf(Job job, Step step) {
    Optional<CombinableGrouping> combinable = job.plan().graph.combinableGroupingOf(step);
    return combinable.isPresent() ? combinable.get().output() : step.outputCollection();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static GroupAlsoByWindowSpec<Object, Object, Object, Object> spec(Job job, Step step) {
    KvCoder<Object, Object> inputCoder = GroupByKey.getInputKvCoder((PCollection<KV<Object, Object>>) step.mainInput());
    Optional<CombinableGrouping> combinable = job.plan().graph.combinableGroupingOf(step);
    PaneContents<Object, Object, Object> contents;
    if (PartialCombiner.appliesTo(job, step)) {
      contents = PartialCombiner.mergingContents(job, step);
    } else if (combinable.isPresent()) {
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
   * so that a count trigger fires on the record that completes the count. Under a
   * {@code TestStream} grouped by key per buffer, one call per key: an event's elements form one
   * bundle that a trigger sees together, as Beam's TestStream semantics (and the validation suite)
   * want. Otherwise they join the pending records (see the class documentation), which reach the
   * core grouped by key, one call per key, at the next flush.
   */
  @Override
  void processAll(List<WindowedValue<?>> elements) {
    if (recordAtATime) {
      for (WindowedValue<?> element : elements) {
        Map<Object, KeyValues> one = new LinkedHashMap<>();
        addTo(one, element);
        feed(one);
      }
    } else if (!batching) {
      Map<Object, KeyValues> byKey = new LinkedHashMap<>();
      elements.forEach(element -> addTo(byKey, element));
      feed(byKey);
    } else {
      if (!anyPending) {
        anyPending = true;
        pendingDue = core.currentProcessingTime().plus(BATCH_MILLIS);
      }
      elements.forEach(element -> pendingCount += addTo(pending, element));
      if (pendingCount >= pendingLimit) {
        flushPending();
      }
    }
  }

  /** Adds {@code element} to its key's values in {@code byKey}, once per window; returns how many it added. */
  @SuppressWarnings("unchecked")
  private int addTo(Map<Object, KeyValues> byKey, WindowedValue<?> element) {
    WindowedValue<KV<Object, Object>> kv = (WindowedValue<KV<Object, Object>>) element;
    Object key = kv.getValue().getKey();
    List<WindowedValue<Object>> values =
        byKey.computeIfAbsent(keyCoder.structuralValue(key), k -> new KeyValues(key, new ArrayList<>())).values();
    if (kv.getWindows().size() == 1) {
      values.add(kv.withValue(kv.getValue().getValue()));
      return 1;
    }
    int added = 0;
    for (WindowedValue<KV<Object, Object>> inOneWindow : kv.explodeWindows()) {
      values.add(inOneWindow.withValue(inOneWindow.getValue().getValue()));
      added++;
    }
    return added;
  }

  private void feed(Map<Object, KeyValues> byKey) {
    for (KeyValues group : byKey.values()) {
      if (!group.values().isEmpty()) {
        core.processElements(group.key(), group.values());
      }
    }
  }

  /**
   * Hands the pending records to the core, which emits the panes they complete. Keys that had no
   * record since the previous flush are forgotten; the others keep their emptied lists.
   */
  @Override
  void flushPending() {
    if (anyPending) {
      feed(pending);
      pending.values().removeIf(group -> {
        boolean idle = group.values().isEmpty();
        group.values().clear();
        return idle;
      });
      anyPending = false;
      pendingCount = 0;
      pendingDue = null;
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
    if (pendingDue != null && !now.isBefore(pendingDue)) {
      flushPending();
    }
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
      flushPending();
      core.advanceInputWatermark(watermark);
    }
  }

  @Override
  Instant outputHold() {
    return core.getOutputWatermarkHold();
  }

  @Override
  Instant nextWakeUp() {
    return earlier(earlier(core.nextProcessingTimeWakeUp(), core.nextSynchronizedProcessingTimeWakeUp()), pendingDue);
  }

  /** The core's state, encoded through its coders. */
  @Override
  byte[] snapshot() {
    verify(!anyPending, "records of '%s' still pending at a snapshot", stepName);
    return core.snapshot();
  }
}
