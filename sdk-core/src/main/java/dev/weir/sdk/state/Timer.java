package dev.weir.sdk.state;

import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * A timer of a stateful {@code DoFn}, declared with {@code @TimerId} on a {@link TimerSpec} field
 * and received as a {@code @TimerId} parameter. When it fires, the runner calls the DoFn's
 * {@code @OnTimer} method of the same id, for the key and window the timer was set in.
 *
 * <p>There is at most one pending firing per timer id, key and window: setting a timer again
 * replaces the earlier setting, and {@link #clear()} cancels it. A timer fires once the time of
 * its domain is past its timestamp: the input watermark for {@link TimeDomain#EVENT_TIME}, the
 * runner's clock otherwise. Timers fire in timestamp order; a timer set while timers are firing
 * fires in the same round when it is already due. As in Beam, a timer may be set behind the
 * current time of its domain; it then fires at the next advance of that time.
 *
 * <p>Each timer has an output timestamp: what outputs of its {@code @OnTimer} method get by
 * default; for an event-time timer it also holds the step's output watermark until the timer
 * fires. It defaults to the firing timestamp for event-time timers and to the timestamp of the
 * element (or timer) being processed for the others; {@link #withOutputTimestamp} sets it.
 *
 * <p>Event-time timers must fire and output no later than the expiry of their window (the end
 * of the window plus the allowed lateness); {@link #setRelative()} clamps to it, {@link #set}
 * fails past it. A timer object is valid only during the DoFn method it was passed to; {@link
 * #offset}, {@link #align} and {@link #withOutputTimestamp} configure it for the next
 * {@code set} on the same object. Not thread-safe.
 */
public interface Timer {
  /** Sets the timer to fire at {@code absoluteTime}. */
  void set(Instant absoluteTime);

  /**
   * Sets the timer relative to the current time of its domain ({@link #getCurrentRelativeTime()},
   * "now"): without an {@link #align} period, at now plus the {@link #offset}; with one, at the
   * first time {@code t >= now} such that {@code t + offset} is a multiple of the period (since
   * the epoch), as Beam does. Event-time timers are clamped to their window's expiry.
   */
  void setRelative();

  /** Cancels the pending firing, if any. */
  void clear();

  /** Makes the next {@link #setRelative()} fire {@code offset} after the current time; returns this. */
  Timer offset(Duration offset);

  /** Makes the next {@link #setRelative()} align to {@code period}, which must be positive; returns this. */
  Timer align(Duration period);

  /** Makes the next {@code set} use {@code outputTime} as the timer's output timestamp; returns this. */
  Timer withOutputTimestamp(Instant outputTime);

  /**
   * The current time of the timer's domain: the input watermark for event time, the processing
   * time (or synchronized processing time) of the runner otherwise.
   */
  Instant getCurrentRelativeTime();
}
