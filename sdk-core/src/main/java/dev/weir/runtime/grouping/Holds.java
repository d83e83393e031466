package dev.weir.runtime.grouping;

import org.joda.time.Instant;

/**
 * The watermark holds of one window, as {@link WatermarkHold} places them. Immutable.
 *
 * @param element the combined hold of the on-time elements of the current pane, or null
 * @param extra the garbage-collection hold, or null
 */
record Holds(Instant element, Instant extra) {
  /** No hold at all. */
  static final Holds NONE = new Holds(null, null);

  /** The earlier of the two holds, or null if there is none. */
  Instant combined() {
    if (element == null) {
      return extra;
    }
    return extra == null || element.isBefore(extra) ? element : extra;
  }
}
