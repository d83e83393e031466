package dev.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class WindowExpiryTest {
  private static final IntervalWindow WINDOW = new IntervalWindow(new Instant(0), new Instant(10));

  @Test
  void garbageCollectionTimeIsTheWindowsMaxTimestampPlusTheAllowedLateness() {
    assertEquals(new Instant(9), WindowExpiry.garbageCollectionTime(WINDOW, Duration.ZERO));
    assertEquals(new Instant(14), WindowExpiry.garbageCollectionTime(WINDOW, Duration.millis(5)));
  }

  @Test
  void aWindowIsLiveWithTheWatermarkExactlyAtItsGarbageCollectionTimeAndExpiredOneMillisecondLater() {
    Duration lateness = Duration.millis(5);
    assertFalse(WindowExpiry.isExpired(WINDOW, lateness, new Instant(14)));
    assertTrue(WindowExpiry.isExpired(WINDOW, lateness, new Instant(15)));
  }

  @Test
  void noWindowOutlivesTheGlobalWindow() {
    Instant end = GlobalWindow.INSTANCE.maxTimestamp();
    assertEquals(end, WindowExpiry.garbageCollectionTime(WINDOW, Duration.millis(Long.MAX_VALUE)));
    assertEquals(end, WindowExpiry.garbageCollectionTime(GlobalWindow.INSTANCE, Duration.standardDays(365)));
    assertFalse(WindowExpiry.isExpired(GlobalWindow.INSTANCE, Duration.ZERO, end));
    assertTrue(WindowExpiry.isExpired(GlobalWindow.INSTANCE, Duration.ZERO, BoundedWindow.TIMESTAMP_MAX_VALUE));
  }
}
