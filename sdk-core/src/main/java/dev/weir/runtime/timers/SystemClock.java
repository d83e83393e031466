package dev.weir.runtime.timers;

import java.util.concurrent.atomic.AtomicLong;
import org.joda.time.Instant;

/**
 * The machine's wall clock, made monotonic: a reading earlier than the previous one (the system
 * clock was set back) repeats the previous one instead, so processing time never moves back.
 * Thread-safe.
 */
final class SystemClock implements Clock {
  static final SystemClock INSTANCE = new SystemClock();

  private final AtomicLong latest = new AtomicLong(Long.MIN_VALUE);

  private SystemClock() {}

  @Override
  public Instant now() {
    long wall = System.currentTimeMillis();
    return new Instant(latest.accumulateAndGet(wall, Math::max));
  }

  @Override
  public String toString() {
    return "Clock.system()";
  }
}
