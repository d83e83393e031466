package dev.weir.sdk.metrics;

/**
 * A metric as reported by one step: the step's full name and the metric's name.
 *
 * @param stepName the full name of the transform that reported it
 * @param metricName the metric's name
 */
public record MetricKey(String stepName, MetricName metricName) {
  public static MetricKey create(String stepName, MetricName metricName) {
    return new MetricKey(stepName, metricName);
  }

  public String stepName() {
    return stepName;
  }

  public MetricName metricName() {
    return metricName;
  }
}
