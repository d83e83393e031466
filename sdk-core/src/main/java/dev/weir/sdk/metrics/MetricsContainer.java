package dev.weir.sdk.metrics;

/**
 * Holds the metric cells of one step while it runs; runners install one per step and thread with
 * {@link MetricsEnvironment}. Implementations must be safe for the thread they are installed on.
 */
public interface MetricsContainer {
  /** The counter cell for {@code name}, created on first use. */
  Counter getCounter(MetricName name);

  /** The distribution cell for {@code name}, created on first use. */
  Distribution getDistribution(MetricName name);

  /** The gauge cell for {@code name}, created on first use. */
  Gauge getGauge(MetricName name);
}
