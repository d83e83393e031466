package dev.weir.runtime.triggers;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Instant;

/**
 * The window a trigger runs for and the clocks it sees, passed down the trigger tree.
 *
 * @param window the window, never null
 * @param time the clocks, never null
 */
record TriggerContext(BoundedWindow window, TriggerTime time) {

  /**
   * Whether the input watermark has passed the end of the window: it is after
   * {@code window.maxTimestamp()}, that is, it reached {@code end}. A watermark exactly at
   * {@code maxTimestamp()} has not.
   */
  boolean endOfWindowReached() {
    Instant watermark = time.inputWatermark();
    return watermark != null && watermark.isAfter(window.maxTimestamp());
  }
}
