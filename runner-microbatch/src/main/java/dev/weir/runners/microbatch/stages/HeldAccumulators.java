package dev.weir.runners.microbatch.stages;

import dev.weir.runtime.grouping.PaneContents;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * The accumulators of a map-side-combined grouping (see {@link PartialCombine}) that one key
 * partition holds back from its core while the step's input watermark stands still, merged per key
 * and window, and hands over in the first batch that moves the watermark. Used only where a window
 * that has not ended fires only when the watermark moves
 * ({@code MapSideCombining.unendedWindowsWaitForTheWatermark}), so an accumulator of such a window
 * is handed to the core in time however long it is held; the core then gets
 * one call per key when the watermark moves instead of one per key and batch (a bounded input,
 * whose watermark stays at the beginning of time until its last batch, is grouped in one call per
 * key). Accumulators of windows that have ended are never held, so late panes fire in their batch.
 *
 * <p>What is held is not in the core's snapshots, so a partition holds nothing where state is
 * checkpointed. Used by one partition task at a time.
 *
 * @param <K> the key type
 * @param <AccumT> the accumulator type
 */
final class HeldAccumulators<K, AccumT> {
  private final Coder<K> keyCoder;
  private final PaneContents<AccumT, AccumT, ?> contents;
  private final Map<HeldKey, Held<K, AccumT>> held = new LinkedHashMap<>();
  /** The earliest max timestamp of a window held; null if nothing is held. */
  private Instant earliestWindowEnd;

  HeldAccumulators(Coder<K> keyCoder, PaneContents<AccumT, AccumT, ?> contents) {
    this.keyCoder = keyCoder;
    this.contents = contents;
  }

  /**
   * Holds back the accumulators of {@code elements} (each in one window) whose windows cannot fire
   * while the input watermark stays at {@code watermark}, and returns the others, in order.
   */
  List<WindowedValue<KV<K, AccumT>>> holdBack(List<WindowedValue<KV<K, AccumT>>> elements, Instant watermark) {
    List<WindowedValue<KV<K, AccumT>>> rest = new ArrayList<>();
    for (WindowedValue<KV<K, AccumT>> element : elements) {
      BoundedWindow window = element.getWindows().iterator().next();
      // A window fires once the watermark is after its max timestamp.
      if (window.maxTimestamp().isBefore(watermark)) {
        rest.add(element);
        continue;
      }
      K key = element.getValue().getKey();
      HeldKey heldKey = new HeldKey(keyCoder.structuralValue(key), window);
      Held<K, AccumT> before = held.get(heldKey);
      if (before == null) {
        held.put(heldKey, new Held<>(key, window, element.getValue().getValue()));
      } else {
        before.accumulator = contents.merge(Arrays.asList(before.accumulator, element.getValue().getValue()));
      }
      if (earliestWindowEnd == null || window.maxTimestamp().isBefore(earliestWindowEnd)) {
        earliestWindowEnd = window.maxTimestamp();
      }
    }
    return rest;
  }

  /** Everything held, one accumulator per key and window in the order they first came; then holds nothing. */
  List<WindowedValue<KV<K, AccumT>>> release() {
    List<WindowedValue<KV<K, AccumT>>> released = new ArrayList<>(held.size());
    for (Held<K, AccumT> one : held.values()) {
      released.add(WindowedValue.of(KV.of(one.key, one.accumulator), one.window.maxTimestamp(), one.window,
          PaneInfo.NO_FIRING));
    }
    held.clear();
    earliestWindowEnd = null;
    return released;
  }

  boolean isEmpty() {
    return held.isEmpty();
  }

  /**
   * The earliest max timestamp of a window held (the core would hold the output watermark there,
   * and fire the window once the watermark is after it); null if nothing is held.
   */
  Instant earliestWindowEnd() {
    return earliestWindowEnd;
  }

  /** A key, by its structural value, in one window. */
  private record HeldKey(Object structuralKey, BoundedWindow window) {}

  /** What is held for one key and window. */
  private static final class Held<K, AccumT> {
    private final K key;
    private final BoundedWindow window;
    private AccumT accumulator;

    Held(K key, BoundedWindow window, AccumT accumulator) {
      this.key = key;
      this.window = window;
      this.accumulator = accumulator;
    }
  }
}
