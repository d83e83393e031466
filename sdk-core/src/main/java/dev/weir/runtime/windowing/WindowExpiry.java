package dev.weir.runtime.windowing;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * When a window's state may be dropped, and with it every element that still arrives for it: the
 * one lateness rule of the execution core (grouping and stateful DoFns both use it), as Beam
 * defines it.
 *
 * <p>A window's garbage-collection time is {@code window.maxTimestamp() + allowedLateness},
 * capped at the end of the global window so that no window outlives the global one. The window
 * has expired once the input watermark is strictly after that time. At the boundary: with the
 * watermark exactly at the garbage-collection time the window is still live; one millisecond
 * later it has expired. Immutable and thread-safe.
 */
public final class WindowExpiry {
  private static final long GLOBAL_END = GlobalWindow.INSTANCE.maxTimestamp().getMillis();

  private final Duration allowedLateness;

  /** The rule for windows that accept data {@code allowedLateness} after their end. */
  public WindowExpiry(Duration allowedLateness) {
    this.allowedLateness = allowedLateness;
  }

  /** {@code window.maxTimestamp() + allowedLateness}, capped at the global window's max timestamp. */
  public Instant garbageCollectionTime(BoundedWindow window) {
    long millis = garbageCollectionMillis(window);
    return millis == GLOBAL_END ? GlobalWindow.INSTANCE.maxTimestamp() : new Instant(millis);
  }

  /** Whether {@code window} has expired when the input watermark is {@code inputWatermark}. */
  public boolean isExpired(BoundedWindow window, Instant inputWatermark) {
    // In millis: asked for every element a grouping or stateful step receives.
    return garbageCollectionMillis(window) < inputWatermark.getMillis();
  }

  private long garbageCollectionMillis(BoundedWindow window) {
    long max = window.maxTimestamp().getMillis();
    long lateness = allowedLateness.getMillis();
    // Compared as a difference, so that "forever" (Long.MAX_VALUE millis) cannot overflow.
    if (max >= GLOBAL_END || lateness >= GLOBAL_END - max) {
      return GLOBAL_END;
    }
    return max + lateness;
  }
}
