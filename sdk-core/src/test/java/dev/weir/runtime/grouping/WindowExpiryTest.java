package dev.weir.runtime.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The lateness rule: a window expires once the input watermark is after max timestamp + lateness. */
class WindowExpiryTest {
  private static final IntervalWindow W0 = new IntervalWindow(new Instant(0), new Instant(10));
  private final WindowExpiry expiry = new WindowExpiry(Duration.millis(100));

  @Test
  void garbageCollectionTimeIsMaxTimestampPlusAllowedLateness() {
    assertEquals(new Instant(109), expiry.garbageCollectionTime(W0));
  }

  @Test
  void windowIsNotExpiredWithTheWatermarkExactlyAtItsGarbageCollectionTime() {
    assertFalse(expiry.isExpired(W0, new Instant(109)));
  }

  @Test
  void windowIsExpiredOneMilliAfterItsGarbageCollectionTime() {
    assertTrue(expiry.isExpired(W0, new Instant(110)));
  }

  @Test
  void garbageCollectionTimeIsCappedAtTheEndOfTheGlobalWindow() {
    assertEquals(GlobalWindow.INSTANCE.maxTimestamp(),
        new WindowExpiry(Duration.standardDays(365)).garbageCollectionTime(GlobalWindow.INSTANCE));
    assertTrue(expiry.isExpired(GlobalWindow.INSTANCE, BoundedWindow.TIMESTAMP_MAX_VALUE));
  }
}
