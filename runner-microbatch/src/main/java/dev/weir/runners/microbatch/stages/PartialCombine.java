package dev.weir.runners.microbatch.stages;

import dev.weir.runners.microbatch.execution.ShuffleWrite;
import dev.weir.runtime.grouping.AccumulatorPaneContents;
import dev.weir.runtime.grouping.GroupAlsoByWindowSpec;
import dev.weir.runtime.grouping.MapSideCombining;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.runtime.windowing.WindowExpiry;
import dev.weir.sdk.coders.Coder;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToIntFunction;
import org.joda.time.Instant;

/**
 * The map side of a lifted combine (Spark's map-side combine, Beam's partial combining): before
 * the shuffle, what each task produces of the batch's input is combined per key and window into
 * one accumulator of the CombineFn, on its worker, and only these accumulators go to the key
 * partitions, whose cores merge them ({@link AccumulatorPaneContents}).
 *
 * <p>This changes nothing the pipeline outputs only where the core would treat one accumulator
 * like the values it holds, so it is used only for a strategy that {@link #applies} to (the rule
 * of {@link MapSideCombining#preservesPanes}). A value whose window has already expired for the step is not combined but sent on
 * as an accumulator of its own, so the core drops (and counts) each such value as before.
 *
 * <p>Thread-safety: each task's map side ({@link #openWrite}, on its worker) borrows its own copy
 * of the CombineFn.
 *
 * @param <K> the key type
 * @param <InputT> the value type
 * @param <AccumT> the accumulator type
 */
final class PartialCombine<K, InputT, AccumT> {
  private final Coder<K> keyCoder;
  private final GroupAlsoByWindowSpec<K, AccumT, AccumT, ?> spec;
  private final WindowExpiry expiry;
  private final ConcurrentLinkedQueue<CombineFn<InputT, AccumT, ?>> copies = new ConcurrentLinkedQueue<>();

  PartialCombine(GroupAlsoByWindowSpec<K, AccumT, AccumT, ?> spec) {
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

  /** One task's combining map side, with its own copy of the CombineFn. */
  private final class CombiningWrite implements ShuffleWrite {
    private final CombineFn<InputT, AccumT, ?> fn;
    private final ToIntFunction<Object> partitionOf;
    private final Instant actedWatermark;
    private final boolean mayExpire;
    private final List<List<WindowedValue<?>>> parts;
    private final Map<Object, KeyPartials<K, AccumT>> byKey = new HashMap<>();
    private boolean released;

    CombiningWrite(CombineFn<InputT, AccumT, ?> fn, int partitions, ToIntFunction<Object> partitionOf,
        Instant actedWatermark) {
      this.fn = fn;
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
      Object structuralKey = keyCoder.structuralValue(key);
      KeyPartials<K, AccumT> partials = byKey.get(structuralKey);
      if (partials == null) {
        partials = new KeyPartials<>(key, partitionOf.applyAsInt(structuralKey));
        byKey.put(structuralKey, partials);
      }
      for (BoundedWindow window : element.getWindows()) {
        if (mayExpire && expiry.isExpired(window, actedWatermark)) {
          AccumT own = fn.addInput(fn.createAccumulator(), value);
          parts.get(partials.partition)
              .add(WindowedValue.of(KV.of(key, own), element.getTimestamp(), window, element.getPane()));
          continue;
        }
        int slot = partials.slotOf(window, fn);
        partials.accumulators[slot] = fn.addInput(partials.accumulators[slot], value);
      }
    }

    @Override
    public void finish() {
      for (KeyPartials<K, AccumT> partials : byKey.values()) {
        for (int i = 0; i < partials.size; i++) {
          BoundedWindow window = partials.windows[i];
          parts.get(partials.partition).add(WindowedValue.of(KV.of(partials.key, partials.accumulators[i]),
              window.maxTimestamp(), window, PaneInfo.NO_FIRING));
        }
      }
      byKey.clear();
    }

    @Override
    public List<List<WindowedValue<?>>> partitions() {
      return parts;
    }

    @Override
    public void release() {
      if (!released) {
        released = true;
        copies.add(fn);
      }
    }
  }

  /** A copy of the CombineFn for one task: CombineFns, like DoFns, are used by one thread at a time. */
  @SuppressWarnings("unchecked")
  private CombineFn<InputT, AccumT, ?> borrow() {
    CombineFn<InputT, AccumT, ?> fn = copies.poll();
    if (fn != null) {
      return fn;
    }
    return ((AccumulatorPaneContents<InputT, AccumT, ?>) spec.withOwnContents().contents()).fn();
  }

  /**
   * What one key combined so far in a slice: one accumulator per window, in the order the windows
   * first came. A key meets few windows in a slice, and elements that follow each other are mostly
   * in the latest ones, so windows are found by a scan from the latest; only many windows are hashed.
   */
  private static final class KeyPartials<K, AccumT> {
    private static final int SCANNED = 16;
    private final K key;
    private final int partition;
    private BoundedWindow[] windows = new BoundedWindow[4];
    private AccumT[] accumulators = newArray(4);
    private int size;
    private Map<BoundedWindow, Integer> slots;

    KeyPartials(K key, int partition) {
      this.key = key;
      this.partition = partition;
    }

    /** The slot of {@code window}, made with a new accumulator of {@code fn} if the key had none there. */
    int slotOf(BoundedWindow window, CombineFn<?, AccumT, ?> fn) {
      if (slots == null) {
        for (int i = size - 1; i >= 0; i--) {
          if (windows[i].equals(window)) {
            return i;
          }
        }
      } else {
        Integer found = slots.get(window);
        if (found != null) {
          return found;
        }
      }
      if (size == windows.length) {
        windows = Arrays.copyOf(windows, size * 2);
        accumulators = Arrays.copyOf(accumulators, size * 2);
      }
      windows[size] = window;
      accumulators[size] = fn.createAccumulator();
      if (slots == null && size >= SCANNED) {
        slots = new HashMap<>();
        for (int i = 0; i < size; i++) {
          slots.put(windows[i], i);
        }
      }
      if (slots != null) {
        slots.put(window, size);
      }
      return size++;
    }

    @SuppressWarnings("unchecked")
    private static <AccumT> AccumT[] newArray(int length) {
      return (AccumT[]) new Object[length];
    }
  }
}
