package dev.weir.runtime.state;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * When a window's state may be dropped, as Beam defines it: a window expires once the input
 * watermark is past {@code window.maxTimestamp() + allowedLateness} (its garbage-collection
 * time), capped at the end of the global window so that no window outlives the global one.
 *
 * <p>At the boundary: with the watermark exactly at the garbage-collection time the window is
 * still live; one millisecond later it has expired. Stateless and thread-safe.
 */
public final class WindowExpiry {
  private WindowExpiry() {}

  /** {@code window.maxTimestamp() + allowedLateness}, capped at the global window's max timestamp. */
  public static Instant garbageCollectionTime(BoundedWindow window, Duration allowedLateness) {
    long max = window.maxTimestamp().getMillis();
    long end = GlobalWindow.INSTANCE.maxTimestamp().getMillis();
    long lateness = allowedLateness.getMillis();
    // Compared as a difference, so that "forever" (Long.MAX_VALUE millis) cannot overflow.
    if (max >= end || lateness >= end - max) {
      return GlobalWindow.INSTANCE.maxTimestamp();
    }
    return new Instant(max + lateness);
  }

  /** Whether {@code window} has expired when the input watermark is {@code inputWatermark}. */
  public static boolean isExpired(BoundedWindow window, Duration allowedLateness, Instant inputWatermark) {
    return garbageCollectionTime(window, allowedLateness).isBefore(inputWatermark);
  }
}
