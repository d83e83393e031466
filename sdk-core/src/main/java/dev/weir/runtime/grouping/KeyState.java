package dev.weir.runtime.grouping;

import dev.weir.runtime.grouping.WakeUps.WakeUp;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.HashMap;
import java.util.Map;

/**
 * The windows of one key: the active ones with their state, and the closed ones (their trigger
 * finished), remembered only so that late elements for them are dropped, until they are
 * garbage-collected. A window is never both. Mutable, owned by one core; not thread-safe.
 */
final class KeyState<K, AccumT> {
  final K key;
  final EncodedBytes keyBytes;
  final Map<BoundedWindow, WindowState<AccumT>> active = new HashMap<>();
  /** Each closed window with its garbage-collection wake-up. */
  final Map<BoundedWindow, WakeUp> closed = new HashMap<>();

  KeyState(K key, EncodedBytes keyBytes) {
    this.key = key;
    this.keyBytes = keyBytes;
  }

  boolean isEmpty() {
    return active.isEmpty() && closed.isEmpty();
  }
}
