package dev.weir.runtime.metrics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;

import dev.weir.sdk.metrics.DistributionResult;
import dev.weir.sdk.metrics.GaugeResult;
import dev.weir.sdk.metrics.MetricName;
import dev.weir.sdk.metrics.Metrics;
import dev.weir.sdk.metrics.MetricsEnvironment;
import java.util.Map;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class StepMetricsContainerTest {
  private static final MetricName COUNT = MetricName.named("ns", "count");
  private static final MetricName SIZES = MetricName.named("ns", "sizes");
  private static final MetricName LAST = MetricName.named("ns", "last");

  private final StepMetricsContainer container = new StepMetricsContainer("Step", () -> new Instant(42));

  @Test
  void givesOneCellPerName() {
    assertThat(container.getCounter(COUNT), sameInstance(container.getCounter(COUNT)));
    assertThat(container.getDistribution(SIZES), sameInstance(container.getDistribution(SIZES)));
    assertThat(container.getGauge(LAST), sameInstance(container.getGauge(LAST)));
  }

  @Test
  @SuppressWarnings("try") // the scope only installs the step's metrics container
  void receivesUpdatesFromMetricsWhileInstalled() {
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      Metrics.counter("ns", "count").inc(2);
      Metrics.distribution("ns", "sizes").update(4);
      Metrics.gauge("ns", "last").set(8);
    }
    Metrics.counter("ns", "count").inc(100);

    assertThat(container.counterValues(), is(Map.of(COUNT, 2L)));
    assertThat(container.distributionValues(), is(Map.of(SIZES, DistributionResult.create(4, 1, 4, 4))));
    assertThat(container.gaugeValues(), is(Map.of(LAST, GaugeResult.create(8, new Instant(42)))));
  }

  @Test
  void reportsNoGaugeThatWasNeverSet() {
    container.getGauge(LAST);

    assertThat(container.gaugeValues(), anEmptyMap());
  }

  @Test
  void updateAddsAnotherContainersValues() {
    container.getCounter(COUNT).inc(1);
    container.getDistribution(SIZES).update(10);
    StepMetricsContainer bundle = new StepMetricsContainer("Step", () -> new Instant(99));
    bundle.getCounter(COUNT).inc(5);
    bundle.getDistribution(SIZES).update(2);
    bundle.getGauge(LAST).set(7);

    container.update(bundle);

    assertThat(container.counterValues(), is(Map.of(COUNT, 6L)));
    assertThat(container.distributionValues(), is(Map.of(SIZES, DistributionResult.create(12, 2, 2, 10))));
    assertThat(container.gaugeValues(), is(Map.of(LAST, GaugeResult.create(7, new Instant(99)))));
  }
}
