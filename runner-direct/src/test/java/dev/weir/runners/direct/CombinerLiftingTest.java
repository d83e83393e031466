package dev.weir.runners.direct;

import static dev.weir.runners.direct.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.weir.runtime.testing.ListSource;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.MetricNameFilter;
import dev.weir.sdk.metrics.MetricQueryResults;
import dev.weir.sdk.metrics.Metrics;
import dev.weir.sdk.metrics.MetricsFilter;
import dev.weir.sdk.transforms.Combine;
import dev.weir.sdk.transforms.Combine.BinaryCombineIntegerFn;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The direct runner lifts {@code Combine.perKey}: values are added to the accumulator in the
 * grouping step itself (where the CombineFn's metrics are then reported), not after grouping in
 * the {@code GroupedValues} step; a hand-applied grouping is not lifted.
 */
class CombinerLiftingTest {
  private static PCollection<KV<String, Integer>> keyed(Pipeline p) {
    return p.apply("Read", Read.from(ListSource.of(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()),
        List.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3)))));
  }

  private static String stepOfAddInputs(PipelineResult result) {
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(CombinerLiftingTest.class, "addInput")).build());
    assertThat(metrics.counters().size(), is(1));
    assertThat(metrics.counters().get(0).getAttempted(), is(3L));
    return metrics.counters().get(0).getKey().stepName();
  }

  @Test
  void combinesCombinePerKeyInsideItsGroupingStep() {
    Pipeline p = pipeline("--targetParallelism=2");
    keyed(p).apply("Sum", Combine.perKey(new CountingSumFn()));

    PipelineResult result = p.run();

    assertThat(stepOfAddInputs(result), is("Sum/GroupByKey"));
  }

  @Test
  void combinesAHandAppliedGroupingAfterIt() {
    Pipeline p = pipeline("--targetParallelism=2");
    keyed(p).apply("GroupByKey", GroupByKey.create())
        .apply("Sum", Combine.<String, Integer, Integer>groupedValues(new CountingSumFn()));

    PipelineResult result = p.run();

    assertThat(stepOfAddInputs(result), is("Sum/Combine/ParMultiDo(CombineGroupFn)"));
  }

  /** Sums integers, counting each value it adds. */
  private static final class CountingSumFn extends BinaryCombineIntegerFn {
    private static final long serialVersionUID = 1L;
    private final Counter added = Metrics.counter(CombinerLiftingTest.class, "addInput");

    @Override
    public int apply(int left, int right) {
      return left + right;
    }

    @Override
    public int identity() {
      return 0;
    }

    @Override
    public int[] addInput(int[] accumulator, Integer input) {
      added.inc();
      return super.addInput(accumulator, input);
    }
  }
}
