package dev.weir.sdk.metrics;

import java.util.List;

/**
 * The metrics that matched a {@link MetricsFilter}, by kind.
 *
 * @param counters the counters
 * @param distributions the distributions
 * @param gauges the gauges
 */
public record MetricQueryResults(
    List<MetricResult<Long>> counters,
    List<MetricResult<DistributionResult>> distributions,
    List<MetricResult<GaugeResult>> gauges) {

  public static MetricQueryResults create(
      List<MetricResult<Long>> counters,
      List<MetricResult<DistributionResult>> distributions,
      List<MetricResult<GaugeResult>> gauges) {
    return new MetricQueryResults(List.copyOf(counters), List.copyOf(distributions), List.copyOf(gauges));
  }

  public Iterable<MetricResult<Long>> getCounters() {
    return counters;
  }

  public Iterable<MetricResult<DistributionResult>> getDistributions() {
    return distributions;
  }

  public Iterable<MetricResult<GaugeResult>> getGauges() {
    return gauges;
  }
}
