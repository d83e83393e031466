package dev.weir.runtime.grouping;

import static com.google.common.base.Verify.verify;

import dev.weir.runtime.grouping.WakeUps.WakeUp;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.joda.time.Instant;

/**
 * What a {@link GroupAlsoByWindowCore} keeps between calls: the windows of every key, and two
 * indexes derived from them, kept in step here: the pending wake-ups per time domain and the
 * multiset of window holds. The core decides what changes; this class only keeps the indexes true.
 * Mutable; not thread-safe.
 */
final class GroupingState<K, AccumT> {
  /** Keys with at least one active or closed window, by key encoding. */
  final Map<EncodedBytes, KeyState<K, AccumT>> keys = new HashMap<>();
  /**
   * The same key states by the key coder's structural value, so that finding a known key costs no
   * encoding when the coder is consistent with equals (its structural value is the key itself).
   */
  private final Map<Object, KeyState<K, AccumT>> byStructuralValue = new HashMap<>();
  final WakeUps eventTime = new WakeUps();
  final WakeUps processingTime = new WakeUps();
  final WakeUps synchronizedProcessingTime = new WakeUps();
  /** How many windows hold at each instant. */
  private final TreeMap<Instant, Integer> holdCounts = new TreeMap<>();

  /**
   * The state of {@code key}, whose structural value is {@code structuralKey}, made empty if it has
   * none; {@code encode} gives the key's encoding, asked only for a key without state.
   */
  KeyState<K, AccumT> keyState(K key, Object structuralKey, Supplier<EncodedBytes> encode) {
    KeyState<K, AccumT> known = byStructuralValue.get(structuralKey);
    if (known != null) {
      return known;
    }
    EncodedBytes keyBytes = encode.get();
    KeyState<K, AccumT> keyState = keys.computeIfAbsent(keyBytes, bytes -> new KeyState<>(key, structuralKey, bytes));
    byStructuralValue.put(keyState.structuralKey, keyState);
    return keyState;
  }


  /** Makes {@code state} one of the key's active windows (it must not be closed). */
  void putActive(KeyState<K, AccumT> keyState, WindowState<AccumT> state) {
    verify(!keyState.closed.containsKey(state.window), "window %s is both active and closed", state.window);
    keyState.active.put(state.window, state);
  }

  /** Forgets an active window with its wake-ups and holds. */
  void removeActive(KeyState<K, AccumT> keyState, WindowState<AccumT> state) {
    keyState.active.remove(state.window);
    setWakeUps(keyState, state, null, null, null);
    setHolds(state, Holds.NONE);
  }

  /** Remembers {@code window} as closed until {@code garbageCollectionTime} passes. */
  void putClosed(KeyState<K, AccumT> keyState, BoundedWindow window, EncodedBytes windowBytes, Instant gcTime) {
    verify(!keyState.active.containsKey(window), "window %s is both active and closed", window);
    WakeUp gc = new WakeUp(gcTime, keyState.keyBytes, windowBytes, window);
    keyState.closed.put(window, gc);
    eventTime.add(gc);
  }

  /** Forgets that {@code window} was closed, if it was. */
  void removeClosed(KeyState<K, AccumT> keyState, BoundedWindow window) {
    eventTime.remove(keyState.closed.remove(window));
  }

  /** Replaces the window's wake-ups; null for none in a domain. */
  void setWakeUps(
      KeyState<K, AccumT> keyState, WindowState<AccumT> state, Instant event, Instant processing,
      Instant synchronizedProcessing) {
    state.eventWakeUp = replace(eventTime, state.eventWakeUp, keyState, state, event);
    state.processingWakeUp = replace(processingTime, state.processingWakeUp, keyState, state, processing);
    state.synchronizedWakeUp =
        replace(synchronizedProcessingTime, state.synchronizedWakeUp, keyState, state, synchronizedProcessing);
  }

  /** The window's wake-up at {@code time} (null for none) in {@code wakeUps}, in place of {@code old}. */
  private static <AccumT> WakeUp replace(WakeUps wakeUps, WakeUp old, KeyState<?, AccumT> keyState,
      WindowState<AccumT> state, Instant time) {
    // Most elements leave a window's wake-up where it was: then the index needs no change.
    if (old != null && time != null && old.time().getMillis() == time.getMillis()) {
      return old;
    }
    wakeUps.remove(old);
    if (time == null) {
      return null;
    }
    WakeUp wakeUp = new WakeUp(time, keyState.keyBytes, state.windowBytes, state.window);
    wakeUps.add(wakeUp);
    return wakeUp;
  }

  /** Replaces the window's holds. */
  void setHolds(WindowState<AccumT> state, Holds holds) {
    Instant old = state.holds.combined();
    Instant now = holds.combined();
    state.holdMillis = now == null ? Long.MAX_VALUE : now.getMillis();
    if (old != null && now != null && old.getMillis() == now.getMillis()) {
      state.holds = holds;
      return;
    }
    if (old != null) {
      holdCounts.computeIfPresent(old, (instant, count) -> count == 1 ? null : count - 1);
    }
    state.holds = holds;
    if (now != null) {
      holdCounts.merge(now, 1, Integer::sum);
    }
  }

  /** The earliest hold of any window, or null if none holds. */
  Instant earliestHold() {
    return holdCounts.isEmpty() ? null : holdCounts.firstKey();
  }

  /** Forgets {@code keyState} if it has no window left. */
  void dropIfEmpty(KeyState<K, AccumT> keyState) {
    if (keyState.isEmpty()) {
      keys.remove(keyState.keyBytes);
      byStructuralValue.remove(keyState.structuralKey);
    }
  }
}
