package dev.weir.runtime.grouping;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * When a window's state may be dropped, and with it every element that still arrives for it: the
 * one lateness rule of the grouping core, Beam's.
 *
 * <p>A window's garbage-collection time is {@code window.maxTimestamp() + allowedLateness}, capped
 * at the end of the global window. The window is <em>expired</em> once the input watermark is
 * strictly after that time: {@code gcTime < inputWatermark}. A watermark exactly at the
 * garbage-collection time still accepts data; one millisecond later it does not. Stateless.
 */
final class WindowExpiry {
  private final Duration allowedLateness;

  WindowExpiry(Duration allowedLateness) {
    this.allowedLateness = allowedLateness;
  }

  /** The time after which {@code window} is expired; never after the end of the global window. */
  Instant garbageCollectionTime(BoundedWindow window) {
    Instant endOfGlobal = GlobalWindow.INSTANCE.maxTimestamp();
    if (window.maxTimestamp().isAfter(endOfGlobal.minus(allowedLateness))) {
      return endOfGlobal;
    }
    return window.maxTimestamp().plus(allowedLateness);
  }

  /** Whether data for {@code window} is too late to be kept at {@code inputWatermark}. */
  boolean isExpired(BoundedWindow window, Instant inputWatermark) {
    return garbageCollectionTime(window).isBefore(inputWatermark);
  }
}
