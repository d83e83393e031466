package dev.weir.runtime.timers;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static com.google.common.base.Verify.verify;

import com.google.common.collect.TreeMultiset;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.joda.time.Instant;

/**
 * The timers set and not yet fired, at most one per key, window and timer id, kept in firing
 * order per time domain.
 *
 * <p>What it holds:
 * <ul>
 *   <li>{@code byTime}: per domain, the pending timers by (timestamp, sequence); a timer fires
 *       when the domain's time is strictly after its timestamp, and {@link #pollDue} hands out
 *       the first such timer, so timers set while others fire are seen in order.
 *   <li>{@code byName}: key, window and timer id to the pending timer; setting a timer that is
 *       pending to other times replaces it (with a new sequence number), setting it to the same
 *       times changes nothing, deleting removes it.
 *   <li>{@code outputTimestamps}: per domain, the multiset of pending output timestamps, whose
 *       minimum is the watermark hold of the domain.
 *   <li>{@code nextSequence}: the sequence number the next set timer gets; it only grows.
 * </ul>
 * Invariant: a timer is in {@code byTime}, {@code byName} and {@code outputTimestamps} or in none.
 *
 * <p>Passive and not thread-safe: one thread drives it.
 *
 * @param <KeyT> the type of keys, compared with {@code equals}
 */
public final class PendingTimers<KeyT> {
  private final Map<TimeDomain, NavigableSet<TimerData<KeyT>>> byTime = new EnumMap<>(TimeDomain.class);
  private final Map<KeyT, Map<BoundedWindow, Map<String, TimerData<KeyT>>>> byName = new HashMap<>();
  private final Map<TimeDomain, TreeMultiset<Instant>> outputTimestamps = new EnumMap<>(TimeDomain.class);
  private long nextSequence;
  private int size;

  /** No pending timers. */
  public PendingTimers() {
    for (TimeDomain domain : TimeDomain.values()) {
      byTime.put(domain, new TreeSet<>(TimerData.FIRING_ORDER));
      outputTimestamps.put(domain, TreeMultiset.create());
    }
  }

  /**
   * Sets a timer to fire after {@code timestamp}, replacing any pending one of the same key, window
   * and id; a no-op when that one has the same timestamp and output timestamp.
   */
  public void set(KeyT key, BoundedWindow window, String timerId, TimeDomain domain, Instant timestamp,
      Instant outputTimestamp) {
    TimerData<KeyT> existing = get(key, window, timerId);
    checkArgument(existing == null || existing.domain() == domain,
        "Timer '%s' is pending in %s and cannot be set in %s", timerId, existing == null ? null : existing.domain(),
        domain);
    if (existing != null) {
      if (existing.timestamp().equals(timestamp) && existing.outputTimestamp().equals(outputTimestamp)) {
        // Setting a timer exactly as it is changes nothing, not even its place among equal timestamps.
        return;
      }
      remove(existing);
    }
    add(new TimerData<>(key, window, timerId, domain, timestamp, outputTimestamp, nextSequence++));
  }

  /** The pending timer of {@code key}, {@code window} and {@code timerId}, or null. */
  public TimerData<KeyT> get(KeyT key, BoundedWindow window, String timerId) {
    Map<BoundedWindow, Map<String, TimerData<KeyT>>> windows = byName.get(key);
    Map<String, TimerData<KeyT>> ids = windows == null ? null : windows.get(window);
    return ids == null ? null : ids.get(timerId);
  }

  /** Cancels the pending timer of {@code key}, {@code window} and {@code timerId}, if any. */
  public void delete(KeyT key, BoundedWindow window, String timerId) {
    TimerData<KeyT> existing = get(key, window, timerId);
    if (existing != null) {
      remove(existing);
    }
  }

  /** Cancels every pending timer of {@code key} in {@code window}. */
  public void deleteWindow(KeyT key, BoundedWindow window) {
    Map<BoundedWindow, Map<String, TimerData<KeyT>>> windows = byName.get(key);
    Map<String, TimerData<KeyT>> ids = windows == null ? null : windows.get(window);
    if (ids != null) {
      for (TimerData<KeyT> timer : new ArrayList<>(ids.values())) {
        remove(timer);
      }
    }
  }

  /**
   * Removes and returns the first timer of {@code domain} due at {@code now} (its timestamp is
   * before {@code now}), or null when none is due.
   */
  public TimerData<KeyT> pollDue(TimeDomain domain, Instant now) {
    NavigableSet<TimerData<KeyT>> timers = byTime.get(domain);
    if (timers.isEmpty() || !timers.first().timestamp().isBefore(now)) {
      return null;
    }
    TimerData<KeyT> timer = timers.first();
    remove(timer);
    return timer;
  }

  /** When the next timer of {@code domain} fires (it fires once the time is after this), or null. */
  public Instant nextTimestamp(TimeDomain domain) {
    NavigableSet<TimerData<KeyT>> timers = byTime.get(domain);
    return timers.isEmpty() ? null : timers.first().timestamp();
  }

  /** The smallest output timestamp of the pending timers of {@code domain}, or null when none is pending. */
  public Instant minOutputTimestamp(TimeDomain domain) {
    TreeMultiset<Instant> timestamps = outputTimestamps.get(domain);
    return timestamps.isEmpty() ? null : timestamps.firstEntry().getElement();
  }

  /** The number of pending timers. */
  public int size() {
    return size;
  }

  /** The sequence number the next timer set will get. */
  public long nextSequence() {
    return nextSequence;
  }

  /** Every pending timer: domain by domain in declaration order, each in firing order. */
  public List<TimerData<KeyT>> all() {
    List<TimerData<KeyT>> result = new ArrayList<>(size);
    for (NavigableSet<TimerData<KeyT>> timers : byTime.values()) {
      result.addAll(timers);
    }
    return result;
  }

  /**
   * Puts back timers saved with {@link #all()} and {@link #nextSequence()}, keeping their sequence
   * numbers.
   *
   * @throws IllegalStateException if timers are pending
   * @throws IllegalArgumentException if two timers share key, window and id, or a sequence number
   *     is not below {@code nextSequence}
   */
  public void restore(List<TimerData<KeyT>> timers, long nextSequence) {
    checkState(size == 0, "Timers can only be restored into an empty PendingTimers, not one holding %s", size);
    for (TimerData<KeyT> timer : timers) {
      checkArgument(get(timer.key(), timer.window(), timer.timerId()) == null,
          "Two saved timers share key %s, window %s and id '%s'", timer.key(), timer.window(), timer.timerId());
      checkArgument(timer.sequence() < nextSequence,
          "Saved timer %s has a sequence number not below the saved next sequence %s", timer, nextSequence);
      add(timer);
    }
    this.nextSequence = nextSequence;
  }

  private void add(TimerData<KeyT> timer) {
    verify(byTime.get(timer.domain()).add(timer), "timer %s was already queued", timer);
    byName.computeIfAbsent(timer.key(), k -> new HashMap<>())
        .computeIfAbsent(timer.window(), w -> new HashMap<>())
        .put(timer.timerId(), timer);
    outputTimestamps.get(timer.domain()).add(timer.outputTimestamp());
    size++;
  }

  private void remove(TimerData<KeyT> timer) {
    verify(byTime.get(timer.domain()).remove(timer), "timer %s was not queued", timer);
    Map<BoundedWindow, Map<String, TimerData<KeyT>>> windows = byName.get(timer.key());
    Map<String, TimerData<KeyT>> ids = windows.get(timer.window());
    ids.remove(timer.timerId());
    if (ids.isEmpty()) {
      windows.remove(timer.window());
      if (windows.isEmpty()) {
        byName.remove(timer.key());
      }
    }
    outputTimestamps.get(timer.domain()).remove(timer.outputTimestamp());
    size--;
  }
}
