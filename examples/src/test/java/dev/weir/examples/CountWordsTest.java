package dev.weir.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.examples.WordCount.CountWords;
import dev.weir.examples.WordCount.ExtractWordsFn;
import dev.weir.examples.WordCount.FormatAsTextFn;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.metrics.DistributionResult;
import dev.weir.sdk.metrics.MetricNameFilter;
import dev.weir.sdk.metrics.MetricQueryResults;
import dev.weir.sdk.metrics.MetricResult;
import dev.weir.sdk.metrics.MetricsFilter;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.values.PCollection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WordCount's parts on a test pipeline, as Beam's WordCountTest checks them. */
class CountWordsTest {
  private static final List<String> LINES =
      List.of("hi there", "hi", "hi sue bob", "", "hi sue", "", "bob hi");

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void countsEachWordAndFormatsItAsText() {
    PCollection<String> counts = p.apply(Create.of(LINES))
        .apply(new CountWords())
        .apply(MapElements.via(new FormatAsTextFn()));

    PAssert.that(counts).containsInAnyOrder("hi: 5", "there: 1", "sue: 2", "bob: 2");
    p.run();
  }

  @Test
  void extractWordsReportsEmptyLinesAndLineLengths() {
    p.apply(Create.of(LINES)).apply(new CountWords());

    PipelineResult result = p.run();

    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(ExtractWordsFn.class)).build());
    MetricResult<Long> emptyLines = metrics.getCounters().iterator().next();
    assertEquals("emptyLines", emptyLines.getName().getName());
    assertEquals(2L, emptyLines.getAttempted());
    DistributionResult lengths = metrics.getDistributions().iterator().next().getAttempted();
    assertEquals(DistributionResult.create(8 + 2 + 10 + 0 + 6 + 0 + 6, 7, 0, 10), lengths);
  }
}
