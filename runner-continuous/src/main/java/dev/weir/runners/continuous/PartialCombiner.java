package dev.weir.runners.continuous;

import dev.weir.runtime.graph.CombinableGrouping;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.grouping.KeyedAccumulators;
import dev.weir.runtime.grouping.MapSideCombining;
import dev.weir.runtime.grouping.PaneContents;
import dev.weir.runtime.metrics.ChainContainers;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.SerializableCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

/**
 * The producing side of a lifted {@code Combine.perKey}: while records wait to be shipped to the
 * grouping, those of one key and window are added into one accumulator of the CombineFn, and the
 * accumulators travel instead of the records (Flink's local aggregation, Beam's partial combine).
 * The grouping subtask merges them into its windows' accumulators through {@link #mergingContents}.
 *
 * <p>Only where it cannot change a pane ({@link #appliesTo}): the trigger counts no elements (an
 * accumulator arrives as one element), the windows do not merge, and the timestamp combiner is
 * {@code END_OF_WINDOW}, so an element's own timestamp decides nothing (each accumulator carries its
 * window's max timestamp). Elements of one window share their lateness and their window's state, so
 * the grouping drops, holds and fires exactly as for the records one by one, as if they had
 * arrived together, which buffering already allows.
 *
 * <p>Owned by one producing thread, with its own copy of the CombineFn; the accumulators are the
 * core's {@link KeyedAccumulators}, which the micro-batch runner's map side uses too. An
 * accumulator handed out by {@link #drain} is never touched again here.
 */
final class PartialCombiner {
  private final KeyedAccumulators<Object, Object, Object> accumulators;
  private final ChainContainers containers;
  private final int index;
  /** Whether panes fire only as the watermark moves: see {@link #waitsForWatermark}. */
  private final boolean waitsForWatermark;

  private PartialCombiner(String stepName, CombineFn<Object, Object, Object> fn, Coder<Object> keyCoder,
      ChainContainers containers, int index, boolean waitsForWatermark) {
    this.accumulators = new KeyedAccumulators<>(stepName, fn, keyCoder);
    this.waitsForWatermark = waitsForWatermark;
    this.containers = containers;
    this.index = index;
  }

  /**
   * Whether records bound for the grouping {@code step} are combined before they are shipped: it is
   * a lifted combine, processing time is the system clock (under a TestStream an event's elements
   * must reach the trigger as they are), and its strategy is one where that changes no pane.
   */
  static boolean appliesTo(Job job, Step step) {
    if (job.manualClock() != null || job.plan().graph.combinableGroupingOf(step).isEmpty()) {
      return false;
    }
    return MapSideCombining.preservesPanes(step.mainInput().getWindowingStrategy());
  }

  /** A combiner for records bound for the grouping {@code step}, which {@link #appliesTo}. */
  @SuppressWarnings("unchecked")
  static PartialCombiner of(Job job, Step step, Coder<?> keyCoder, ChainContainers containers) {
    CombinableGrouping grouping = job.plan().graph.combinableGroupingOf(step).orElseThrow();
    return new PartialCombiner(step.fullName(), (CombineFn<Object, Object, Object>) ownCopy(step, grouping.fn()),
        (Coder<Object>) keyCoder, containers, job.stepIndex(step),
        firesOnlyOnWatermark(step.mainInput().getWindowingStrategy()));
  }

  /**
   * Whether a pane of a grouping with {@code strategy} (one this class {@link #appliesTo}) can fire
   * only when its input watermark moves: its trigger has no processing-time part and no element is
   * ever accepted after its window's end (no allowed lateness), so no pane fires as elements arrive.
   */
  static boolean firesOnlyOnWatermark(WindowingStrategy<?, ?> strategy) {
    return strategy.getAllowedLateness().getMillis() == 0
        && MapSideCombining.unendedWindowsWaitForTheWatermark(strategy);
  }

  /**
   * Whether the accumulators may wait beyond the buffer timeout, until the producer sends a
   * watermark, barrier, idleness or the end, runs out of input, or holds too many: true when the
   * grouping's panes fire only as its watermark moves, which is always after the accumulators
   * (a channel keeps its order), so waiting delays no pane and lets more records meet in one
   * accumulator.
   */
  boolean waitsForWatermark() {
    return waitsForWatermark;
  }

  /**
   * The pane contents of the grouping {@code step} whose inputs are this class's accumulators: they
   * are merged into the window's accumulator; everything else is the CombineFn's, as with
   * {@link PaneContents#combining}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static PaneContents<Object, Object, Object> mergingContents(Job job, Step step) {
    CombinableGrouping grouping = job.plan().graph.combinableGroupingOf(step).orElseThrow();
    return PaneContents.mergingAccumulators((CombineFn) grouping.fn(), (Coder) grouping.accumulatorCoder());
  }

  private static CombineFn<?, ?, ?> ownCopy(Step step, CombineFn<?, ?, ?> fn) {
    try {
      return CoderUtils.clone(SerializableCoder.of(CombineFn.class), fn);
    } catch (CoderException e) {
      throw new IllegalStateException("The CombineFn of '" + step.fullName() + "' could not be copied by"
          + " serialization: " + e + ". Fix: make its fields serializable or transient.", e);
    }
  }

  /** Adds the value of the keyed {@code element} to its key's accumulator in each of its windows. */
  void add(WindowedValue<?> element) {
    KV<?, ?> kv = (KV<?, ?>) element.getValue();
    int previous = containers.enter(index);
    try {
      accumulators.add(kv.getKey(), kv.getValue(), element.getWindows());
    } finally {
      containers.exit(previous);
    }
  }

  /** How many accumulators wait. */
  int size() {
    return accumulators.size();
  }

  /**
   * Hands every accumulator, as {@code KV<key, accumulator>} in its window, to {@code output} with
   * the subtask {@code subtaskOfKey} gives its key (asked once while the key stays known), and
   * forgets them.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void drain(ToIntFunction<Object> subtaskOfKey, ObjIntConsumer<WindowedValue<?>> output) {
    accumulators.drain((key, structuralKey) -> subtaskOfKey.applyAsInt(key), (ObjIntConsumer) output);
  }
}
