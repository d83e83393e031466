package dev.weir.io;

import org.joda.time.Duration;
import org.joda.time.Instant;

/** A {@link WallClock} that tests move by hand; starts at a fixed instant. */
final class ManualClock implements WallClock {
  private static final long serialVersionUID = 1L;

  private volatile Instant now;

  ManualClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant now() {
    return now;
  }

  /** Moves the clock forward by {@code millis}. */
  void advance(long millis) {
    now = now.plus(Duration.millis(millis));
  }
}
