package dev.weir.runners.direct;

import static dev.weir.runners.direct.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.weir.runtime.testing.ListSource;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.Distribution;
import dev.weir.sdk.metrics.DistributionResult;
import dev.weir.sdk.metrics.MetricKey;
import dev.weir.sdk.metrics.MetricName;
import dev.weir.sdk.metrics.MetricNameFilter;
import dev.weir.sdk.metrics.MetricQueryResults;
import dev.weir.sdk.metrics.MetricResult;
import dev.weir.sdk.metrics.Metrics;
import dev.weir.sdk.metrics.MetricsFilter;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetricsTest {

  static final class CountingFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final Counter elements = Metrics.counter(MetricsTest.class, "elements");
    private final Distribution lengths = Metrics.distribution(MetricsTest.class, "lengths");

    @Setup
    public void setup() {
      Metrics.counter(MetricsTest.class, "setups").inc();
    }

    @ProcessElement
    public void process(@Element String element) {
      elements.inc();
      lengths.update(element.length());
    }
  }

  private static PipelineResult runCounting(List<String> words) {
    Pipeline p = pipeline("--targetParallelism=2");
    p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), words)))
        .apply("Count", ParDo.of(new CountingFn()));
    return p.run();
  }

  @Test
  void reportsCountersOfEveryWorkerSummedUnderTheStepName() {
    PipelineResult result = runCounting(IntStream.range(0, 1000).mapToObj(i -> "w" + i).toList());

    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(MetricsTest.class, "elements")).build());

    MetricResult<Long> elements = metrics.counters().get(0);
    assertThat(metrics.counters().size(), is(1));
    assertThat(elements.getKey(), is(MetricKey.create(
        "Count/ParMultiDo(CountingFn)", MetricName.named(MetricsTest.class, "elements"))));
    assertThat(elements.getAttempted(), is(1000L));
    assertThat(elements.getCommitted(), is(1000L));
  }

  @Test
  void reportsDistributions() {
    PipelineResult result = runCounting(List.of("a", "bbb", "cc"));

    MetricResult<DistributionResult> lengths = result.metrics().allMetrics().distributions().get(0);

    assertThat(lengths.getAttempted(), is(DistributionResult.create(6, 3, 1, 3)));
  }

  @Test
  void countsMetricsReportedInSetup() {
    PipelineResult result = runCounting(List.of("a"));

    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(MetricsTest.class, "setups")).build());

    assertThat(metrics.counters().get(0).getAttempted(), is(1L));
  }
}
