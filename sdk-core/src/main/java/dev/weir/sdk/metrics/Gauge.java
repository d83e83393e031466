package dev.weir.sdk.metrics;

/** A metric whose result is the latest value set. Thread-safe. */
public interface Gauge extends Metric {
  /** Sets the current value. */
  void set(long value);
}
