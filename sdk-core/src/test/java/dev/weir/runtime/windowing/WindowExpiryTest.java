package dev.weir.runtime.windowing;

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
    assertEquals(new Instant(9), new WindowExpiry(Duration.ZERO).garbageCollectionTime(WINDOW));
    assertEquals(new Instant(14), new WindowExpiry(Duration.millis(5)).garbageCollectionTime(WINDOW));
  }

  @Test
  void aWindowIsLiveWithTheWatermarkExactlyAtItsGarbageCollectionTimeAndExpiredOneMillisecondLater() {
    Duration lateness = Duration.millis(5);
    assertFalse(new WindowExpiry(lateness).isExpired(WINDOW, new Instant(14)));
    assertTrue(new WindowExpiry(lateness).isExpired(WINDOW, new Instant(15)));
  }

  @Test
  void noWindowOutlivesTheGlobalWindow() {
    Instant end = GlobalWindow.INSTANCE.maxTimestamp();
    assertEquals(end, new WindowExpiry(Duration.millis(Long.MAX_VALUE)).garbageCollectionTime(WINDOW));
    assertEquals(end, new WindowExpiry(Duration.standardDays(365)).garbageCollectionTime(GlobalWindow.INSTANCE));
    assertFalse(new WindowExpiry(Duration.ZERO).isExpired(GlobalWindow.INSTANCE, end));
    assertTrue(new WindowExpiry(Duration.ZERO).isExpired(GlobalWindow.INSTANCE, BoundedWindow.TIMESTAMP_MAX_VALUE));
  }
}
