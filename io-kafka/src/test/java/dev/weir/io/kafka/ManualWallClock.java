package dev.weir.io.kafka;

import java.util.concurrent.atomic.AtomicLong;
import org.joda.time.Duration;
import org.joda.time.Instant;

/** A wall clock the test moves by hand; used in the test JVM without serialization. */
final class ManualWallClock implements WallClock {
  private static final long serialVersionUID = 1L;

  private final AtomicLong millis;

  ManualWallClock(Instant start) {
    this.millis = new AtomicLong(start.getMillis());
  }

  @Override
  public Instant now() {
    return new Instant(millis.get());
  }

  void set(Instant time) {
    millis.set(time.getMillis());
  }

  void advance(Duration duration) {
    millis.addAndGet(duration.getMillis());
  }
}
