package dev.weir.runtime.timers;

import org.joda.time.Instant;

/**
 * The source of processing time for a runner: what it advances the processing-time timers of its
 * execution cores to. The cores themselves never read a clock; they are told the time.
 *
 * <p>Implementations are thread-safe. Readings may stand still but never go back.
 */
public interface Clock {
  /** The current processing time. */
  Instant now();

  /** The clock of the machine, in milliseconds, never going back even if the system clock does. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
