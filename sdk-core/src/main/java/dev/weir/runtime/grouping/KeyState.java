package dev.weir.runtime.grouping;

import dev.weir.runtime.grouping.WakeUps.WakeUp;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.joda.time.Instant;

/**
 * The windows of one key: the active ones with their state, and the closed ones (their trigger
 * finished), remembered only so that late elements for them are dropped, until they are
 * garbage-collected. A window is never both. Mutable, owned by one core; not thread-safe.
 */
final class KeyState<K, AccumT> {
  final K key;
  /** The key coder's structural value of the key. */
  final Object structuralKey;
  final EncodedBytes keyBytes;
  final Map<BoundedWindow, WindowState<AccumT>> active = new LinkedHashMap<>();
  /** Each closed window with its garbage-collection wake-up. */
  final Map<BoundedWindow, WakeUp> closed = new HashMap<>();

  /**
   * The output watermark of the key during the core call numbered {@link #outputWatermarkCall};
   * see {@code GroupAlsoByWindowCore#outputWatermark}.
   */
  Instant outputWatermark;
  long outputWatermarkCall = -1;

  KeyState(K key, Object structuralKey, EncodedBytes keyBytes) {
    this.key = key;
    this.structuralKey = structuralKey;
    this.keyBytes = keyBytes;
  }

  boolean isEmpty() {
    return active.isEmpty() && closed.isEmpty();
  }
}
