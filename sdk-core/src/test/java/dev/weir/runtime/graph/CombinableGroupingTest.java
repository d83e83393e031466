package dev.weir.runtime.graph;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;

import dev.weir.runtime.testing.ListSource;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.Combine;
import dev.weir.sdk.transforms.Combine.BinaryCombineIntegerFn;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which groupings {@link PipelineGraph#combinableGroupingOf} marks as combinable, and what it carries. */
class CombinableGroupingTest {
  private static PCollection<KV<String, Integer>> keyed(Pipeline p) {
    return p.apply(Read.from(ListSource.of(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()),
        List.of(KV.of("a", 1), KV.of("a", 2)))));
  }

  private static Step step(PipelineGraph graph, String fullName) {
    return graph.getSteps().stream().filter(s -> s.fullName().equals(fullName)).findFirst().orElseThrow();
  }

  @Test
  void marksTheGroupingOfACombinePerKeyWithItsFnAndAccumulatorCoder() {
    Pipeline p = Pipeline.create();
    PCollection<KV<String, Integer>> sums = keyed(p).apply("Sum", Sum.integersPerKey());
    PipelineGraph graph = PipelineGraph.of(p);
    Step grouping = graph.getSteps().stream()
        .filter(s -> s.primitive() == Primitive.GROUP_BY_KEY).findFirst().orElseThrow();

    CombinableGrouping combinable = graph.combinableGroupingOf(grouping).orElseThrow();

    assertThat(combinable.groupByKey(), sameInstance(grouping));
    assertThat(combinable.output(), sameInstance(sums));
    assertThat(graph.combinableGroupingOf(combinable.groupedValues()), is(Optional.of(combinable)));
    assertThat(combinable.fn() instanceof BinaryCombineIntegerFn, is(true));
    assertThat(combinable.accumulatorCoder().getClass(),
        equalTo(((BinaryCombineIntegerFn) combinable.fn()).getAccumulatorCoder(p.getCoderRegistry(),
            VarIntCoder.of()).getClass()));
  }

  @Test
  void marksTheGroupingInsideACombineGlobally() {
    Pipeline p = Pipeline.create();
    keyed(p).apply(ParDo.of(new ValuesFn())).apply("Total", Combine.globally(Integer::sum).withoutDefaults());
    PipelineGraph graph = PipelineGraph.of(p);

    Step grouping = graph.getSteps().stream()
        .filter(s -> s.primitive() == Primitive.GROUP_BY_KEY).findFirst().orElseThrow();

    assertThat(graph.combinableGroupingOf(grouping).isPresent(), is(true));
  }

  @Test
  void leavesAHandAppliedGroupByKeyFollowedByGroupedValuesUnmarked() {
    Pipeline p = Pipeline.create();
    keyed(p).apply("GroupByKey", GroupByKey.create())
        .apply("Sum", Combine.<String, Integer, Integer>groupedValues(Sum.ofIntegers()));
    PipelineGraph graph = PipelineGraph.of(p);

    for (Step s : graph.getSteps()) {
      assertThat(s.fullName(), graph.combinableGroupingOf(s).isPresent(), is(false));
    }
    assertThat(step(graph, "GroupByKey").primitive(), is(Primitive.GROUP_BY_KEY));
  }

  /** Drops the keys. */
  private static final class ValuesFn extends DoFn<KV<String, Integer>, Integer> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Integer> element, OutputReceiver<Integer> out) {
      out.output(element.getValue());
    }
  }
}
