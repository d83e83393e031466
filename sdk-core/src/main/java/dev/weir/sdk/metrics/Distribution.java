package dev.weir.sdk.metrics;

/** A metric that summarizes reported values: count, sum, min and max. Thread-safe. */
public interface Distribution extends Metric {
  /** Reports one value. */
  void update(long value);
}
