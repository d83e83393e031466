package dev.weir.sdk.metrics;

/**
 * The value of one metric of one step. {@code committed} counts work that became final;
 * {@code attempted} counts all work tried, including retried bundles. A runner that cannot tell
 * them apart reports the same value for both.
 *
 * @param key the step and metric
 * @param committed the committed value, or null when the runner does not track it
 * @param attempted the attempted value
 * @param <T> the value type
 */
public record MetricResult<T>(MetricKey key, T committed, T attempted) {
  public static <T> MetricResult<T> create(MetricKey key, T committed, T attempted) {
    return new MetricResult<>(key, committed, attempted);
  }

  public MetricKey getKey() {
    return key;
  }

  public MetricName getName() {
    return key.metricName();
  }

  /** The committed value; fails if the runner does not report committed metrics. */
  public T getCommitted() {
    if (committed == null) {
      throw new UnsupportedOperationException(
          "This runner does not report committed metrics; use getAttempted() for " + key);
    }
    return committed;
  }

  public T getAttempted() {
    return attempted;
  }
}
