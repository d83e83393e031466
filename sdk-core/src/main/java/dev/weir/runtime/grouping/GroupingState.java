package dev.weir.runtime.grouping;

import static com.google.common.base.Verify.verify;

import dev.weir.runtime.grouping.WakeUps.WakeUp;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
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
  final WakeUps eventTime = new WakeUps();
  final WakeUps processingTime = new WakeUps();
  final WakeUps synchronizedProcessingTime = new WakeUps();
  /** How many windows hold at each instant. */
  private final TreeMap<Instant, Integer> holdCounts = new TreeMap<>();

  /** The state of {@code key}, made empty if it has none. */
  KeyState<K, AccumT> keyState(K key, EncodedBytes keyBytes) {
    return keys.computeIfAbsent(keyBytes, bytes -> new KeyState<>(key, bytes));
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
    eventTime.remove(state.eventWakeUp);
    processingTime.remove(state.processingWakeUp);
    synchronizedProcessingTime.remove(state.synchronizedWakeUp);
    state.eventWakeUp = add(eventTime, keyState, state, event);
    state.processingWakeUp = add(processingTime, keyState, state, processing);
    state.synchronizedWakeUp = add(synchronizedProcessingTime, keyState, state, synchronizedProcessing);
  }

  private static <AccumT> WakeUp add(WakeUps wakeUps, KeyState<?, AccumT> keyState, WindowState<AccumT> state,
      Instant time) {
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
    if (old != null) {
      holdCounts.computeIfPresent(old, (instant, count) -> count == 1 ? null : count - 1);
    }
    state.holds = holds;
    Instant now = holds.combined();
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
    }
  }
}
