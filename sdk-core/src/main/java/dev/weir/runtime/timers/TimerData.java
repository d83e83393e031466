package dev.weir.runtime.timers;

import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.Comparator;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * One pending timer: which timer of which key and window, when it fires, and the output
 * timestamp it holds.
 *
 * @param key the key the timer belongs to; compared with {@code equals}, so a structural key
 * @param window the window the timer was set in
 * @param timerId the timer's id
 * @param domain the time domain of {@code timestamp}
 * @param timestamp when the timer fires: once the domain's time is after it
 * @param outputTimestamp the default timestamp of the timer's outputs; for event-time timers
 *     also the point the step's output watermark is held at until the timer fires
 * @param sequence the order in which timers were set, which breaks ties between equal
 *     timestamps: earlier set, earlier fired
 * @param <KeyT> the type of the key
 */
public record TimerData<KeyT>(
    KeyT key,
    BoundedWindow window,
    String timerId,
    TimeDomain domain,
    Instant timestamp,
    Instant outputTimestamp,
    long sequence) {

  /** Firing order within one time domain: by timestamp, then by sequence. */
  static final Comparator<TimerData<?>> FIRING_ORDER =
      Comparator.<TimerData<?>, Instant>comparing(TimerData::timestamp).thenComparingLong(TimerData::sequence);

  public TimerData {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(timerId, "timerId");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(outputTimestamp, "outputTimestamp");
  }
}
