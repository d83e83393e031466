package dev.weir.runners.continuous;

import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.graph.CombinableGrouping;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.grouping.PaneContents;
import dev.weir.runtime.triggers.TriggerStateMachines;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.SerializableCoder;
import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
  private final MetricsContainer container;
  private final Map<GroupKey, Partial> partials = new LinkedHashMap<>();

  private PartialCombiner(String stepName, CombineFn<Object, Object, Object> fn, Coder<Object> keyCoder,
      MetricsContainer container) {
    this.stepName = stepName;
    this.fn = fn;
    this.keyCoder = keyCoder;
    this.container = container;
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
    WindowingStrategy<?, ?> strategy = step.mainInput().getWindowingStrategy();
    return strategy.getWindowFn().isNonMerging()
        && strategy.getTimestampCombiner() == TimestampCombiner.END_OF_WINDOW
        && !TriggerStateMachines.countsElements(strategy.getTrigger());
  }

  /** A combiner for records bound for the grouping {@code step}, which {@link #appliesTo}. */
  @SuppressWarnings("unchecked")
  static PartialCombiner of(Job job, Step step, Coder<?> keyCoder) {
    CombinableGrouping grouping = job.plan().graph.combinableGroupingOf(step).orElseThrow();
    return new PartialCombiner(step.fullName(), (CombineFn<Object, Object, Object>) ownCopy(step, grouping.fn()),
        (Coder<Object>) keyCoder, job.metrics().getContainer(step.fullName()));
  }

  /**
   * The pane contents of the grouping {@code step} whose inputs are this class's accumulators: they
   * are merged into the window's accumulator; everything else is the CombineFn's, as with
   * {@link PaneContents#combining}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static PaneContents<Object, Object, Object> mergingContents(Job job, Step step) {
    CombinableGrouping grouping = job.plan().graph.combinableGroupingOf(step).orElseThrow();
    return new MergingContents((CombineFn) grouping.fn(), (Coder) grouping.accumulatorCoder());
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
  @SuppressWarnings("try")
  void add(WindowedValue<?> element) {
    KV<?, ?> kv = (KV<?, ?>) element.getValue();
    Object structuralKey = keyCoder.structuralValue(kv.getKey());
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      for (BoundedWindow window : element.getWindows()) {
        GroupKey groupKey = new GroupKey(structuralKey, window);
        Partial partial = partials.get(groupKey);
        if (partial == null) {
          partial = new Partial(kv.getKey(), window, fn.createAccumulator());
          partials.put(groupKey, partial);
        }
        partial.accumulator = fn.addInput(partial.accumulator, kv.getValue());
      }
    } catch (RuntimeException e) {
      throw new UserCodeException(stepName, e);
    }
  }

  /** How many accumulators wait. */
  int size() {
    return partials.size();
  }

  /** Hands every accumulator, as {@code KV<key, accumulator>} in its window, to {@code output} and forgets them. */
  void drain(Consumer<WindowedValue<?>> output) {
    if (partials.isEmpty()) {
      return;
    }
    List<Partial> all = new ArrayList<>(partials.values());
    partials.clear();
    for (Partial partial : all) {
      output.accept(WindowedValue.of(KV.of(partial.key, partial.accumulator), partial.window.maxTimestamp(),
          partial.window, PaneInfo.NO_FIRING));
    }
  }

  private record GroupKey(Object structuralKey, BoundedWindow window) {}

  /** One key's accumulator in one window. */
  private static final class Partial {
    private final Object key;
    private final BoundedWindow window;
    private Object accumulator;

    Partial(Object key, BoundedWindow window, Object accumulator) {
      this.key = key;
      this.window = window;
      this.accumulator = accumulator;
    }
  }

  /** Pane contents whose inputs are accumulators of the CombineFn, merged in arrival order. */
  private static final class MergingContents implements PaneContents<Object, Object, Object> {
    private static final long serialVersionUID = 1L;

    private final CombineFn<Object, Object, Object> fn;
    private final PaneContents<Object, Object, Object> combining;

    MergingContents(CombineFn<Object, Object, Object> fn, Coder<Object> accumulatorCoder) {
      this.fn = fn;
      this.combining = PaneContents.combining(fn, accumulatorCoder);
    }

    @Override
    public Object createEmpty() {
      return fn.createAccumulator();
    }

    @Override
    public Object add(Object accumulator, Object partial) {
      return fn.mergeAccumulators(Arrays.asList(accumulator, partial));
    }

    @Override
    public Object merge(List<Object> accumulators) {
      return fn.mergeAccumulators(accumulators);
    }

    @Override
    public Object extract(Object accumulator) {
      return combining.extract(accumulator);
    }

    @Override
    public Object extractLast(Object accumulator) {
      return combining.extractLast(accumulator);
    }

    @Override
    public Coder<Object> accumulatorCoder() {
      return combining.accumulatorCoder();
    }

    @Override
    public String toString() {
      return "merging(" + fn.getClass().getName() + ")";
    }
  }
}
