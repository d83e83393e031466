package dev.weir.runtime.timers;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * A clock that moves only when told to: processing time under {@code TestStream} and in tests.
 *
 * <p>Thread-safe. Moving it back fails with an {@link IllegalArgumentException} carrying both
 * times.
 */
public final class ManualClock implements Clock {
  private Instant now;

  /** A clock reading {@code start}. */
  public ManualClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  /** Sets the time to {@code time}, which must not be before the current time. */
  public synchronized void set(Instant time) {
    Objects.requireNonNull(time, "time");
    checkArgument(!time.isBefore(now), "Cannot move a ManualClock back from %s to %s", now, time);
    now = time;
  }

  /** Moves the time forward by {@code duration}, which must not be negative; returns the new time. */
  public synchronized Instant advance(Duration duration) {
    checkArgument(!duration.isShorterThan(Duration.ZERO), "Cannot advance a ManualClock by a negative %s", duration);
    now = now.plus(duration);
    return now;
  }

  @Override
  public synchronized String toString() {
    return "ManualClock(" + now + ")";
  }
}
