package dev.weir.runtime.metrics;

import dev.weir.sdk.metrics.DistributionResult;
import dev.weir.sdk.metrics.GaugeResult;
import dev.weir.sdk.metrics.MetricName;
import dev.weir.sdk.metrics.MetricsContainer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.joda.time.Instant;

/**
 * The metric cells of one step: what {@link dev.weir.sdk.metrics.Metrics} updates while the
 * step's user code runs with this container installed.
 *
 * <p>Thread-safe: any number of threads may share one container (all workers of a step do), each
 * cell is created once per name, and snapshots may be taken while updates go on.
 */
public final class StepMetricsContainer implements MetricsContainer {
  private final String stepName;
  private final Supplier<Instant> clock;
  private final Map<MetricName, CounterCell> counters = new ConcurrentHashMap<>();
  private final Map<MetricName, DistributionCell> distributions = new ConcurrentHashMap<>();
  private final Map<MetricName, GaugeCell> gauges = new ConcurrentHashMap<>();

  /** The container of step {@code stepName}; gauges are stamped with the system clock. */
  public StepMetricsContainer(String stepName) {
    this(stepName, Instant::now);
  }

  /** The container of step {@code stepName}; gauges are stamped with {@code clock}. */
  public StepMetricsContainer(String stepName, Supplier<Instant> clock) {
    this.stepName = Objects.requireNonNull(stepName, "stepName");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The full name of the step whose metrics this container holds. */
  public String getStepName() {
    return stepName;
  }

  @Override
  public CounterCell getCounter(MetricName name) {
    return counters.computeIfAbsent(name, CounterCell::new);
  }

  @Override
  public DistributionCell getDistribution(MetricName name) {
    return distributions.computeIfAbsent(name, DistributionCell::new);
  }

  @Override
  public GaugeCell getGauge(MetricName name) {
    return gauges.computeIfAbsent(name, n -> new GaugeCell(n, clock));
  }

  /** The current value of every counter. */
  public Map<MetricName, Long> counterValues() {
    Map<MetricName, Long> values = new LinkedHashMap<>();
    counters.forEach((name, cell) -> values.put(name, cell.getCumulative()));
    return values;
  }

  /** The current summary of every distribution. */
  public Map<MetricName, DistributionResult> distributionValues() {
    Map<MetricName, DistributionResult> values = new LinkedHashMap<>();
    distributions.forEach((name, cell) -> values.put(name, cell.getCumulative()));
    return values;
  }

  /** The latest value of every gauge that has been set. */
  public Map<MetricName, GaugeResult> gaugeValues() {
    Map<MetricName, GaugeResult> values = new LinkedHashMap<>();
    gauges.forEach((name, cell) -> {
      GaugeResult value = cell.getCumulative();
      if (value != null) {
        values.put(name, value);
      }
    });
    return values;
  }

  /**
   * Adds the values of {@code other} (say, of one finished bundle or batch) to this container:
   * counters and distributions accumulate, gauges keep the later value.
   */
  public void update(StepMetricsContainer other) {
    other.counterValues().forEach((name, value) -> getCounter(name).inc(value));
    other.distributionValues().forEach((name, value) -> getDistribution(name).merge(value));
    other.gaugeValues().forEach((name, value) -> getGauge(name).merge(value));
  }

  @Override
  public String toString() {
    return "StepMetricsContainer{" + stepName + "}";
  }
}
