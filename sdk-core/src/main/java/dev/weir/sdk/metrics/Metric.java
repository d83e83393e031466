package dev.weir.sdk.metrics;

/** A metric reported by user code; see {@link Metrics}. */
public interface Metric {
  /** The metric's name. */
  MetricName getName();
}
