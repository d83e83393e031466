package dev.weir.sdk.transforms.windowing;

import org.joda.time.Instant;

/**
 * A window of event time that elements are grouped in; it ends at {@link #maxTimestamp()}.
 *
 * <p>Windows are immutable values with equals and hashCode.
 */
public abstract class BoundedWindow {
  /** The smallest timestamp an element may have (Beam's: -2^63 microseconds, in milliseconds). */
  public static final Instant TIMESTAMP_MIN_VALUE = new Instant(Long.MIN_VALUE / 1000);

  /** The largest timestamp an element may have; the watermark at "end of time" is past it. */
  public static final Instant TIMESTAMP_MAX_VALUE = new Instant(Long.MAX_VALUE / 1000);

  /** The last timestamp that belongs to this window (inclusive). */
  public abstract Instant maxTimestamp();

  /** Checks that {@code timestamp} is within the range elements may have; the message names it. */
  public static void validateTimestamp(Instant timestamp) {
    if (timestamp.isBefore(TIMESTAMP_MIN_VALUE) || timestamp.isAfter(TIMESTAMP_MAX_VALUE)) {
      throw new IllegalArgumentException(
          "Timestamp " + timestamp + " is outside the range of element timestamps ["
              + TIMESTAMP_MIN_VALUE + ", " + TIMESTAMP_MAX_VALUE + "]");
    }
  }
}
