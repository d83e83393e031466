package dev.weir.runtime.metrics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.metrics.DistributionResult;
import dev.weir.sdk.metrics.GaugeResult;
import dev.weir.sdk.metrics.MetricKey;
import dev.weir.sdk.metrics.MetricName;
import dev.weir.sdk.metrics.MetricNameFilter;
import dev.weir.sdk.metrics.MetricQueryResults;
import dev.weir.sdk.metrics.MetricResult;
import dev.weir.sdk.metrics.MetricsFilter;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class AggregatedMetricResultsTest {
  private static final MetricName WORDS = MetricName.named("ns", "words");
  private static final MetricName LINES = MetricName.named("other", "lines");

  private final MetricsContainerStepMap attempted = new MetricsContainerStepMap(() -> new Instant(5));

  private static <T> List<MetricKey> keys(List<MetricResult<T>> results) {
    return results.stream().map(MetricResult::getKey).toList();
  }

  @Test
  void reportsEveryMetricOfEveryStepOrderedByStepThenName() {
    attempted.getContainer("Split/Words").getCounter(WORDS).inc(3);
    attempted.getContainer("Read").getCounter(WORDS).inc(1);
    attempted.getContainer("Read").getCounter(LINES).inc(2);

    MetricQueryResults results = AggregatedMetricResults.committedEqualsAttempted(attempted).allMetrics();

    assertThat(keys(results.counters()), contains(
        MetricKey.create("Read", WORDS), MetricKey.create("Read", LINES), MetricKey.create("Split/Words", WORDS)));
  }

  @Test
  void reportsCommittedEqualToAttemptedForRunnersThatNeverRetry() {
    attempted.getContainer("Read").getCounter(WORDS).inc(3);

    MetricResult<Long> result =
        AggregatedMetricResults.committedEqualsAttempted(attempted).allMetrics().counters().get(0);

    assertThat(result.getAttempted(), is(3L));
    assertThat(result.getCommitted(), is(3L));
  }

  @Test
  void keepsCommittedApartFromAttempted() {
    MetricsContainerStepMap committed = new MetricsContainerStepMap();
    attempted.getContainer("Read").getCounter(WORDS).inc(5);
    committed.getContainer("Read").getCounter(WORDS).inc(4);
    attempted.getContainer("Read").getDistribution(WORDS).update(7);

    MetricQueryResults results = AggregatedMetricResults.of(attempted, committed).allMetrics();

    assertThat(results.counters().get(0).getCommitted(), is(4L));
    assertThat(results.counters().get(0).getAttempted(), is(5L));
    assertThat(results.distributions().get(0).getCommitted(), is(DistributionResult.IDENTITY_ELEMENT));
  }

  @Test
  void committedOfAnAttemptedOnlyResultFailsSayingSo() {
    attempted.getContainer("Read").getCounter(WORDS).inc(5);

    MetricResult<Long> result = AggregatedMetricResults.attemptedOnly(attempted).allMetrics().counters().get(0);

    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, result::getCommitted);
    assertThat(e.getMessage(), containsString("getAttempted()"));
  }

  @Test
  void filtersByNameAndStep() {
    attempted.getContainer("Count/Words").getCounter(WORDS).inc(1);
    attempted.getContainer("Count/Words").getCounter(LINES).inc(1);
    attempted.getContainer("Other").getCounter(WORDS).inc(1);
    MetricsFilter filter = MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace("ns"))
        .addStep("Count")
        .build();

    MetricQueryResults results = AggregatedMetricResults.committedEqualsAttempted(attempted).queryMetrics(filter);

    assertThat(keys(results.counters()), contains(MetricKey.create("Count/Words", WORDS)));
  }

  @Test
  void reportsDistributionsAndGauges() {
    attempted.getContainer("S").getDistribution(WORDS).update(4);
    attempted.getContainer("S").getGauge(LINES).set(9);

    MetricQueryResults results = AggregatedMetricResults.committedEqualsAttempted(attempted).allMetrics();

    assertThat(results.distributions().get(0).getAttempted(), is(DistributionResult.create(4, 1, 4, 4)));
    assertThat(results.gauges().get(0).getAttempted(), is(GaugeResult.create(9, new Instant(5))));
    assertThat(results.counters(), empty());
  }

  @Test
  void readsValuesLiveAtEachQuery() {
    AggregatedMetricResults results = AggregatedMetricResults.committedEqualsAttempted(attempted);
    CounterCell cell = attempted.getContainer("S").getCounter(WORDS);
    cell.inc();
    long before = results.allMetrics().counters().get(0).getAttempted();

    cell.inc();

    assertThat(before, is(1L));
    assertThat(results.allMetrics().counters().get(0).getAttempted(), is(2L));
  }
}
