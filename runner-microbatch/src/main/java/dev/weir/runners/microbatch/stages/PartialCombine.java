package dev.weir.runners.microbatch.stages;

import dev.weir.runners.microbatch.execution.ShuffleWrite;
import dev.weir.runtime.grouping.AccumulatorPaneContents;
import dev.weir.runtime.grouping.GroupAlsoByWindowSpec;
import dev.weir.runtime.grouping.KeyedAccumulators;
import dev.weir.runtime.grouping.MapSideCombining;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.runtime.windowing.WindowExpiry;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToIntFunction;
import org.joda.time.Instant;

/**
 * The map side of a lifted combine (Spark's map-side combine, Beam's partial combining): before
 * the shuffle, what each task produces of the batch's input is combined per key and window into
 * one accumulator of the CombineFn, on its worker (the core's {@link KeyedAccumulators}), and only
 * these accumulators go to the key partitions, whose cores merge them ({@link AccumulatorPaneContents}).
 *
 * <p>This changes nothing the pipeline outputs only where the core would treat one accumulator
 * like the values it holds, so it is used only for a strategy that {@link #applies} to (the rule
 * of {@link MapSideCombining#preservesPanes}). A value whose window has already expired for the step is not combined but sent on
 * as an accumulator of its own, so the core drops (and counts) each such value as before.
 *
 * <p>Thread-safety: each task's map side ({@link #openWrite}, on its worker) borrows accumulators
 * of its own, with their own copy of the CombineFn. A task that drained them gives them back for a
 * later task: they keep their keys (with the keys' partitions), and each key's lone window, from
 * batch to batch, as a long-lived operator's would.
 *
 * @param <K> the key type
 * @param <InputT> the value type
 * @param <AccumT> the accumulator type
 */
final class PartialCombine<K, InputT, AccumT> {
  private final String stepName;
  private final Coder<K> keyCoder;
  private final GroupAlsoByWindowSpec<K, AccumT, AccumT, ?> spec;
  private final WindowExpiry expiry;
  /** Drained accumulators that no task holds. */
  private final ConcurrentLinkedQueue<KeyedAccumulators<K, InputT, AccumT>> idle = new ConcurrentLinkedQueue<>();

  PartialCombine(GroupAlsoByWindowSpec<K, AccumT, AccumT, ?> spec) {
    this.stepName = spec.stepName();
    this.keyCoder = spec.keyCoder();
    this.spec = spec;
    this.expiry = new WindowExpiry(spec.strategy().getAllowedLateness());
  }

  /** Whether a lifted grouping of an input with {@code strategy} may be combined before its shuffle. */
  static boolean applies(WindowingStrategy<?, ?> strategy) {
    return MapSideCombining.preservesPanes(strategy);
  }

  /**
   * Opens the map side of one task: it combines the values pushed in per key and window, and once
   * finished gives the accumulators by partition ({@code partitionOf} maps a key's structural
   * value), each as a {@code KV<K, AccumT>} in its one window. {@code actedWatermark} is the input
   * watermark the step's cores act on when they get them.
   */
  ShuffleWrite openWrite(int partitions, ToIntFunction<Object> partitionOf, Instant actedWatermark) {
    return new CombiningWrite(borrow(), partitions, partitionOf, actedWatermark);
  }

  /** One task's combining map side, with accumulators of its own. */
  private final class CombiningWrite implements ShuffleWrite {
    private final KeyedAccumulators<K, InputT, AccumT> accumulators;
    private final ToIntFunction<Object> partitionOf;
    private final Instant actedWatermark;
    private final boolean mayExpire;
    private final List<List<WindowedValue<?>>> parts;
    private boolean released;

    CombiningWrite(KeyedAccumulators<K, InputT, AccumT> accumulators, int partitions,
        ToIntFunction<Object> partitionOf, Instant actedWatermark) {
      this.accumulators = accumulators;
      this.partitionOf = partitionOf;
      this.actedWatermark = actedWatermark;
      this.mayExpire = actedWatermark.isAfter(BoundedWindow.TIMESTAMP_MIN_VALUE);
      this.parts = new ArrayList<>(partitions);
      for (int i = 0; i < partitions; i++) {
        parts.add(new ArrayList<>());
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(WindowedValue<?> untyped) {
      WindowedValue<KV<K, InputT>> element = (WindowedValue<KV<K, InputT>>) untyped;
      K key = element.getValue().getKey();
      InputT value = element.getValue().getValue();
      if (!mayExpire || !anyExpired(element.getWindows())) {
        accumulators.add(key, value, element.getWindows());
        return;
      }
      for (BoundedWindow window : element.getWindows()) {
        if (expiry.isExpired(window, actedWatermark)) {
          parts.get(partitionOf.applyAsInt(keyCoder.structuralValue(key))).add(WindowedValue.of(KV.of(key, accumulators.alone(value)),
              element.getTimestamp(), window, element.getPane()));
        } else {
          accumulators.add(key, value, List.of(window));
        }
      }
    }

    private boolean anyExpired(Collection<? extends BoundedWindow> windows) {
      for (BoundedWindow window : windows) {
        if (expiry.isExpired(window, actedWatermark)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void finish() {
      accumulators.drain((key, structuralKey) -> partitionOf.applyAsInt(structuralKey),
          (accumulator, partition) -> parts.get(partition).add(accumulator));
    }

    @Override
    public List<List<WindowedValue<?>>> partitions() {
      return parts;
    }

    @Override
    public void release() {
      // Accumulators a failed task left undrained are dropped with what they hold.
      if (!released && accumulators.size() == 0) {
        idle.add(accumulators);
      }
      released = true;
    }
  }

  /**
   * Accumulators for one task, with a copy of the CombineFn of their own: CombineFns, like DoFns,
   * are used by one thread at a time.
   */
  @SuppressWarnings("unchecked")
  private KeyedAccumulators<K, InputT, AccumT> borrow() {
    KeyedAccumulators<K, InputT, AccumT> accumulators = idle.poll();
    if (accumulators != null) {
      return accumulators;
    }
    CombineFn<InputT, AccumT, ?> fn =
        ((AccumulatorPaneContents<InputT, AccumT, ?>) spec.withOwnContents().contents()).fn();
    return KeyedAccumulators.keepingLoneWindows(stepName, fn, keyCoder);
  }
}
