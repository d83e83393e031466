package dev.weir.runners.continuous;

import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.graph.CombinableGrouping;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.grouping.MapSideCombining;
import dev.weir.runtime.grouping.PaneContents;
import dev.weir.runtime.metrics.ChainContainers;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.SerializableCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Owned by one producing thread, with its own copy of the CombineFn. An accumulator handed out
 * by {@link #drain} is never touched again here.
 */
final class PartialCombiner {
  private final String stepName;
  private final CombineFn<Object, Object, Object> fn;
  private final Coder<Object> keyCoder;
  private final ChainContainers containers;
  private final int index;
  /** The entries of the keys seen since the drain before the last one, by structural key. */
  private final Map<Object, KeyPartials> keys = new HashMap<>();
  /** The keys with accumulators, in the order of their first record since the last drain. */
  private List<KeyPartials> order = new ArrayList<>();
  private int size;

  /** Whether panes fire only as the watermark moves: see {@link #waitsForWatermark}. */
  private final boolean waitsForWatermark;

  private PartialCombiner(String stepName, CombineFn<Object, Object, Object> fn, Coder<Object> keyCoder,
      ChainContainers containers, int index, boolean waitsForWatermark) {
    this.stepName = stepName;
    this.waitsForWatermark = waitsForWatermark;
    this.fn = fn;
    this.keyCoder = keyCoder;
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
    Object structuralKey = keyCoder.structuralValue(kv.getKey());
    KeyPartials key = keys.get(structuralKey);
    if (key == null) {
      key = new KeyPartials(kv.getKey());
      keys.put(structuralKey, key);
      order.add(key);
    } else if (key.size == 0) {
      order.add(key);
    }
    int previous = containers.enter(index);
    try {
      for (BoundedWindow window : element.getWindows()) {
        int index = key.indexOf(window);
        if (index < 0) {
          index = key.add(window, fn.createAccumulator());
          size++;
        }
        key.accumulators[index] = fn.addInput(key.accumulators[index], kv.getValue());
      }
    } catch (RuntimeException e) {
      throw new UserCodeException(stepName, e);
    } finally {
      containers.exit(previous);
    }
  }

  /** How many accumulators wait. */
  int size() {
    return size;
  }

  /**
   * Hands every accumulator, as {@code KV<key, accumulator>} in its window, to {@code output} with
   * the subtask {@code subtaskOfKey} gives its key (asked once while the key stays known), and
   * forgets them. Keys that had none since the previous drain are forgotten too, so that only the
   * keys seen lately keep their (reused) entries.
   */
  void drain(ToIntFunction<Object> subtaskOfKey, ObjIntConsumer<WindowedValue<?>> output) {
    if (size == 0) {
      return;
    }
    if (keys.size() > order.size()) {
      keys.values().removeIf(key -> key.size == 0);
    }
    List<KeyPartials> draining = order;
    order = new ArrayList<>(draining.size());
    size = 0;
    for (KeyPartials key : draining) {
      if (key.subtask < 0) {
        key.subtask = subtaskOfKey.applyAsInt(key.key);
      }
      for (int i = 0; i < key.size; i++) {
        BoundedWindow window = key.windows[i];
        output.accept(WindowedValue.of(KV.of(key.key, key.accumulators[i]), window.maxTimestamp(), window,
            PaneInfo.NO_FIRING), key.subtask);
        key.windows[i] = null;
        key.accumulators[i] = null;
      }
      key.size = 0;
    }
  }

  /**
   * One key's accumulators, one per window, in the order their windows first came. Windows are
   * found by a scan of a few primitives rather than a hash lookup per window: an element's windows
   * are freshly made objects, and comparing them with stored ones (a memory access each) cost more
   * than the combining. A window is compared by its hash held here, then by {@code equals}.
   */
  private static final class KeyPartials {
    private final Object key;
    /** The downstream subtask of the key, or -1 until {@link #drain} asked. */
    private int subtask = -1;
    private BoundedWindow[] windows = new BoundedWindow[4];
    private Object[] accumulators = new Object[4];
    /** Per window, its hash: compared first, so that only a likely match is read from memory. */
    private int[] hashes = new int[4];
    private int size;

    KeyPartials(Object key) {
      this.key = key;
    }

    int indexOf(BoundedWindow window) {
      int hash = window.hashCode();
      for (int i = 0; i < size; i++) {
        if (hashes[i] == hash && windows[i].equals(window)) {
          return i;
        }
      }
      return -1;
    }

    int add(BoundedWindow window, Object accumulator) {
      if (size == windows.length) {
        windows = Arrays.copyOf(windows, size * 2);
        accumulators = Arrays.copyOf(accumulators, size * 2);
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      windows[size] = window;
      accumulators[size] = accumulator;
      hashes[size] = window.hashCode();
      return size++;
    }
  }
}
