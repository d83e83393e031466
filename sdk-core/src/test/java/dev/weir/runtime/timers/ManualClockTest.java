package dev.weir.runtime.timers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class ManualClockTest {
  @Test
  void readsWhatItWasSetTo() {
    ManualClock clock = new ManualClock(new Instant(10));
    assertEquals(new Instant(10), clock.now());
    clock.set(new Instant(15));
    assertEquals(new Instant(15), clock.now());
    assertEquals(new Instant(20), clock.advance(Duration.millis(5)));
    assertEquals(new Instant(20), clock.now());
  }

  @Test
  void refusesToMoveBackNamingBothTimes() {
    ManualClock clock = new ManualClock(new Instant(10));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clock.set(new Instant(9)));
    assertEquals("Cannot move a ManualClock back from " + new Instant(10) + " to " + new Instant(9), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.millis(-1)));
  }

  @Test
  void systemClockNeverGoesBack() {
    Clock clock = Clock.system();
    Instant first = clock.now();
    Instant second = clock.now();
    assertFalse(second.isBefore(first));
  }
}
