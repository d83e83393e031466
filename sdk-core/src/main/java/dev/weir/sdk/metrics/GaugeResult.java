package dev.weir.sdk.metrics;

import org.joda.time.Instant;

/**
 * The latest value of a {@link Gauge} and when it was set.
 *
 * @param value the value
 * @param timestamp when it was set
 */
public record GaugeResult(long value, Instant timestamp) {
  public static GaugeResult create(long value, Instant timestamp) {
    return new GaugeResult(value, timestamp);
  }

  public long getValue() {
    return value;
  }

  public Instant getTimestamp() {
    return timestamp;
  }
}
