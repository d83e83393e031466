package dev.weir.runtime.metrics;

import dev.weir.sdk.metrics.DistributionResult;
import dev.weir.sdk.metrics.GaugeResult;
import dev.weir.sdk.metrics.MetricKey;
import dev.weir.sdk.metrics.MetricName;
import dev.weir.sdk.metrics.MetricQueryResults;
import dev.weir.sdk.metrics.MetricResult;
import dev.weir.sdk.metrics.MetricResults;
import dev.weir.sdk.metrics.MetricsFilter;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The metrics of a run, read live from the containers of its steps: one result per step and
 * metric name, with the attempted value (all work tried) and the committed value (work that became
 * final).
 *
 * <p>Thread-safe; each query reads the current values, so a query during a run sees a consistent
 * value per cell but not a snapshot across cells. Results are ordered by step, then metric name.
 * A metric known on one side only reads as zero (an empty distribution, a gauge of 0 at the
 * minimum timestamp) on the other; when committed values are not tracked they are null, and
 * {@link MetricResult#getCommitted()} says so.
 */
public final class AggregatedMetricResults extends MetricResults {
  private static final Comparator<MetricKey> ORDER = Comparator.comparing(MetricKey::stepName)
      .thenComparing(key -> key.metricName().namespace())
      .thenComparing(key -> key.metricName().name());
  private static final GaugeResult UNSET_GAUGE = GaugeResult.create(0, BoundedWindow.TIMESTAMP_MIN_VALUE);

  private final MetricsContainerStepMap attempted;
  private final MetricsContainerStepMap committed;

  private AggregatedMetricResults(MetricsContainerStepMap attempted, MetricsContainerStepMap committed) {
    this.attempted = Objects.requireNonNull(attempted, "attempted");
    this.committed = committed;
  }

  /** Results whose committed values are the attempted ones: for runners that never retry work. */
  public static AggregatedMetricResults committedEqualsAttempted(MetricsContainerStepMap attempted) {
    return new AggregatedMetricResults(attempted, attempted);
  }

  /** Results with attempted values only; committed values are not tracked. */
  public static AggregatedMetricResults attemptedOnly(MetricsContainerStepMap attempted) {
    return new AggregatedMetricResults(attempted, null);
  }

  /** Results with attempted and committed values kept apart. */
  public static AggregatedMetricResults of(MetricsContainerStepMap attempted, MetricsContainerStepMap committed) {
    return new AggregatedMetricResults(attempted, Objects.requireNonNull(committed, "committed"));
  }

  @Override
  public MetricQueryResults queryMetrics(MetricsFilter filter) {
    return MetricQueryResults.create(
        query(filter, StepMetricsContainer::counterValues, 0L),
        query(filter, StepMetricsContainer::distributionValues, DistributionResult.IDENTITY_ELEMENT),
        query(filter, StepMetricsContainer::gaugeValues, UNSET_GAUGE));
  }

  private <T> List<MetricResult<T>> query(
      MetricsFilter filter, Function<StepMetricsContainer, Map<MetricName, T>> values, T zero) {
    Map<MetricKey, T> attemptedValues = collect(attempted, filter, values);
    Map<MetricKey, T> committedValues = committed == null ? Map.of() : collect(committed, filter, values);
    Map<MetricKey, T> keys = new TreeMap<>(ORDER);
    keys.putAll(committedValues);
    keys.putAll(attemptedValues);
    List<MetricResult<T>> results = new ArrayList<>();
    for (MetricKey key : keys.keySet()) {
      T committedValue = committed == null ? null : committedValues.getOrDefault(key, zero);
      results.add(MetricResult.create(key, committedValue, attemptedValues.getOrDefault(key, zero)));
    }
    return results;
  }

  private static <T> Map<MetricKey, T> collect(
      MetricsContainerStepMap map, MetricsFilter filter, Function<StepMetricsContainer, Map<MetricName, T>> values) {
    Map<MetricKey, T> result = new TreeMap<>(ORDER);
    for (StepMetricsContainer container : map.getContainers()) {
      values.apply(container).forEach((name, value) -> {
        MetricKey key = MetricKey.create(container.getStepName(), name);
        if (filter == null || filter.matches(key)) {
          result.put(key, value);
        }
      });
    }
    return result;
  }
}
