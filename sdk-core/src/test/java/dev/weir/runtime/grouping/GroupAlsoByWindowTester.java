package dev.weir.runtime.grouping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableMultiset;
import dev.weir.runtime.triggers.TriggerStateMachine;
import dev.weir.runtime.triggers.TriggerStateMachines;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.joda.time.Instant;

/**
 * Drives a {@link GroupAlsoByWindowCore} through a script of elements and time advances and
 * collects its panes: a buffering one (a {@code GroupByKey}), or a summing one (a lifted
 * {@code Sum.integersPerKey()}, whose panes read as the one value they hold). By default, after
 * every step it snapshots the core, restores a new core from the bytes and continues with that
 * one, so every test written with it also proves that snapshots hold everything (checking on the
 * way that the restored core snapshots to the same bytes and reports the same holds, wake-ups,
 * clocks and counters).
 *
 * <p>Elements get their windows from the strategy's window function, as upstream
 * {@code Window.Assign} would give them.
 */
final class GroupAlsoByWindowTester<K, V> {
  private final GroupAlsoByWindowSpec<K, V, ?, ?> spec;
  /** How the contents of a pane read as values. */
  private final Function<Object, Iterable<V>> paneValues;
  private final boolean restoreEveryStep;
  private final List<WindowedValue<KV<K, Iterable<V>>>> output = new ArrayList<>();
  private final Consumer<Object> collector = this::collect;
  private GroupAlsoByWindowCore<K, V, ?, ?> core;
  private int restores;

  private GroupAlsoByWindowTester(
      GroupAlsoByWindowSpec<K, V, ?, ?> spec, Function<Object, Iterable<V>> paneValues, boolean restoreEveryStep) {
    this.spec = spec;
    this.paneValues = paneValues;
    this.restoreEveryStep = restoreEveryStep;
    this.core = newCore(spec, collector);
  }

  /**
   * A tester of a {@code GroupByKey} of an input with {@code strategy}, running the strategy's
   * trigger, that restores the core from its snapshot after every step.
   */
  static <K, V> GroupAlsoByWindowTester<K, V> of(Coder<K> keyCoder, Coder<V> valueCoder, WindowingStrategy<?, ?> strategy) {
    return of(keyCoder, valueCoder, strategy,
        TriggerStateMachines.forTrigger(strategy.getTrigger(), strategy.getWindowFn()));
  }

  /**
   * Like {@link #of(Coder, Coder, WindowingStrategy)}, with {@code machine} in place of the
   * strategy's trigger.
   */
  @SuppressWarnings("unchecked")
  static <K, V> GroupAlsoByWindowTester<K, V> of(
      Coder<K> keyCoder, Coder<V> valueCoder, WindowingStrategy<?, ?> strategy, TriggerStateMachine machine) {
    return new GroupAlsoByWindowTester<>(
        new GroupAlsoByWindowSpec<>("Test/GroupByKey", keyCoder, PaneContents.buffering(valueCoder), strategy, machine),
        contents -> (Iterable<V>) contents,
        true);
  }

  /**
   * A tester of a lifted {@code Sum.integersPerKey()} over an input with {@code strategy}: windows
   * keep a sum, and each pane reads as the one value it holds, its sum.
   */
  static <K> GroupAlsoByWindowTester<K, Integer> summing(Coder<K> keyCoder, WindowingStrategy<?, ?> strategy) {
    return summing(keyCoder, strategy, TriggerStateMachines.forTrigger(strategy.getTrigger(), strategy.getWindowFn()));
  }

  /**
   * Like {@link #summing(Coder, WindowingStrategy)}, with {@code machine} in place of the
   * strategy's trigger.
   */
  static <K> GroupAlsoByWindowTester<K, Integer> summing(
      Coder<K> keyCoder, WindowingStrategy<?, ?> strategy, TriggerStateMachine machine) {
    CombineFn<Integer, int[], Integer> sum = Sum.ofIntegers();
    Coder<int[]> accumulatorCoder;
    try {
      accumulatorCoder = sum.getAccumulatorCoder(CoderRegistry.createDefault(), VarIntCoder.of());
    } catch (CannotProvideCoderException e) {
      throw new IllegalStateException(e);
    }
    return new GroupAlsoByWindowTester<>(
        new GroupAlsoByWindowSpec<>(
            "Test/Sum", keyCoder, PaneContents.combining(sum, accumulatorCoder), strategy, machine),
        contents -> List.of((Integer) contents),
        true);
  }

  /** A fresh tester for the same spec that keeps one core throughout. */
  GroupAlsoByWindowTester<K, V> withoutRestoring() {
    return new GroupAlsoByWindowTester<>(spec, paneValues, false);
  }

  GroupAlsoByWindowSpec<K, V, ?, ?> spec() {
    return spec;
  }

  /** The core in use now (a different object after each restore). */
  GroupAlsoByWindowCore<K, V, ?, ?> core() {
    return core;
  }

  /** How many times the core was restored from a snapshot. */
  int restores() {
    return restores;
  }

  @SafeVarargs
  final GroupAlsoByWindowTester<K, V> addElements(K key, TimestampedValue<V>... values) {
    List<WindowedValue<V>> windowed = new ArrayList<>();
    for (TimestampedValue<V> value : values) {
      windowed.add(WindowedValue.of(
          value.getValue(), value.getTimestamp(), assignWindows(value), PaneInfo.NO_FIRING));
    }
    core.processElements(key, windowed);
    return afterStep();
  }

  GroupAlsoByWindowTester<K, V> addElement(K key, V value, long timestampMillis) {
    return addElements(key, TimestampedValue.of(value, new Instant(timestampMillis)));
  }

  GroupAlsoByWindowTester<K, V> advanceInputWatermark(long millis) {
    return advanceInputWatermark(new Instant(millis));
  }

  GroupAlsoByWindowTester<K, V> advanceInputWatermark(Instant watermark) {
    core.advanceInputWatermark(watermark);
    return afterStep();
  }

  GroupAlsoByWindowTester<K, V> advanceProcessingTime(long millis) {
    core.advanceProcessingTime(new Instant(millis));
    return afterStep();
  }

  GroupAlsoByWindowTester<K, V> advanceSynchronizedProcessingTime(long millis) {
    core.advanceSynchronizedProcessingTime(new Instant(millis));
    return afterStep();
  }

  /** The panes emitted since the last call, in emission order. */
  List<Pane<K, V>> extractPanes() {
    List<Pane<K, V>> panes = new ArrayList<>();
    for (WindowedValue<KV<K, Iterable<V>>> value : extractOutput()) {
      panes.add(new Pane<>(
          value.getValue().getKey(),
          value.getWindows().iterator().next(),
          value.getTimestamp(),
          value.getPane(),
          ImmutableMultiset.copyOf(value.getValue().getValue())));
    }
    return panes;
  }

  /** The raw output since the last call, in emission order. */
  List<WindowedValue<KV<K, Iterable<V>>>> extractOutput() {
    List<WindowedValue<KV<K, Iterable<V>>>> result = List.copyOf(output);
    output.clear();
    return result;
  }

  private GroupAlsoByWindowTester<K, V> afterStep() {
    if (!restoreEveryStep) {
      return this;
    }
    byte[] bytes = core.snapshot();
    Observed before = Observed.of(core);
    core = restoredCore(spec, bytes, collector);
    restores++;
    assertArrayEquals(bytes, core.snapshot(), "a restored core must snapshot to the bytes it was restored from");
    assertEquals(before, Observed.of(core), "a restored core must report what the original reported");
    return this;
  }

  @SuppressWarnings("unchecked")
  private void collect(Object emitted) {
    WindowedValue<KV<K, Object>> pane = (WindowedValue<KV<K, Object>>) emitted;
    KV<K, Iterable<V>> keyed = KV.of(pane.getValue().getKey(), paneValues.apply(pane.getValue().getValue()));
    output.add(pane.withValue(keyed));
  }

  private static <K, V, A, O> GroupAlsoByWindowCore<K, V, A, O> newCore(
      GroupAlsoByWindowSpec<K, V, A, O> spec, Consumer<Object> output) {
    return new GroupAlsoByWindowCore<>(spec, output);
  }

  private static <K, V, A, O> GroupAlsoByWindowCore<K, V, A, O> restoredCore(
      GroupAlsoByWindowSpec<K, V, A, O> spec, byte[] snapshot, Consumer<Object> output) {
    return GroupAlsoByWindowCore.restore(spec, snapshot, output);
  }

  private Collection<? extends BoundedWindow> assignWindows(TimestampedValue<V> value) {
    @SuppressWarnings("unchecked")
    WindowFn<Object, BoundedWindow> fn = (WindowFn<Object, BoundedWindow>) spec.strategy().getWindowFn();
    try {
      return fn.assignWindows(fn.new AssignContext() {
        @Override
        public Object element() {
          return value.getValue();
        }

        @Override
        public Instant timestamp() {
          return value.getTimestamp();
        }

        @Override
        public BoundedWindow window() {
          return GlobalWindow.INSTANCE;
        }
      });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One emitted pane, in a form that compares well in assertions: its values as a multiset, since
   * the order of values within a pane is not part of the model.
   */
  record Pane<K, V>(K key, BoundedWindow window, Instant timestamp, PaneInfo pane, ImmutableMultiset<V> values) {
    @SafeVarargs
    static <K, V> Pane<K, V> of(K key, BoundedWindow window, long timestamp, PaneInfo pane, V... values) {
      return new Pane<>(key, window, new Instant(timestamp), pane, ImmutableMultiset.copyOf(Arrays.asList(values)));
    }
  }

  /** What a core reports from outside, to compare a core with its restored copy. */
  private record Observed(
      Instant hold, Instant nextEvent, Instant nextProcessing, Instant nextSynchronized, Instant input,
      Instant processing, Instant synchronizedProcessing, long lateness, long closed, boolean empty) {
    static Observed of(GroupAlsoByWindowCore<?, ?, ?, ?> core) {
      return new Observed(
          core.getOutputWatermarkHold(), core.nextEventTimeWakeUp(), core.nextProcessingTimeWakeUp(),
          core.nextSynchronizedProcessingTimeWakeUp(), core.currentInputWatermark(), core.currentProcessingTime(),
          core.currentSynchronizedProcessingTime(), core.droppedDueToLateness(), core.droppedDueToClosedWindow(),
          core.isEmpty());
    }
  }
}
