package dev.weir.sdk.metrics;

/** The metrics of a pipeline run, queried with a {@link MetricsFilter}. Thread-safe. */
public abstract class MetricResults {
  /** The metrics that match {@code filter}; {@code null} matches all. */
  public abstract MetricQueryResults queryMetrics(MetricsFilter filter);

  /** Every metric. */
  public MetricQueryResults allMetrics() {
    return queryMetrics(null);
  }
}
