package dev.weir.runners.continuous;

import static dev.weir.runners.continuous.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.weir.runners.continuous.JobPlan.Kind;
import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Primitive;
import dev.weir.runtime.graph.Step;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobPlanTest {

  /** Passes elements on, reading a side input it ignores. */
  static final class WithSideFn extends DoFn<Integer, Integer> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element Integer element, OutputReceiver<Integer> out) {
      out.output(element);
    }
  }

  private static JobPlan plan(Pipeline p, int parallelism, int sourceParts) {
    PipelineGraph graph = PipelineGraph.of(p);
    Map<Step, Integer> parts = new IdentityHashMap<>();
    for (Step step : graph.getSteps()) {
      if (step.primitive() == Primitive.READ_BOUNDED) {
        parts.put(step, sourceParts);
      }
    }
    return JobPlan.of(graph, parallelism, parts);
  }

  @Test
  void statelessStepsAreChainedAndKeyedAndSideInputStepsGetStagesWithAChannelPerUpstreamSubtask() {
    Pipeline p = pipeline();
    PCollectionView<List<Integer>> side = p.apply("Side", Create.of(7)).apply("AsList", View.asList());
    PCollection<Integer> main = p.apply("Main", Create.of(1, 2, 3))
        .apply("Read side", ParDo.of(new WithSideFn()).withSideInputs(side));
    main.apply("Key", WithKeys.of((Integer i) -> i % 2).withKeyType(TypeDescriptors.integers()))
        .apply("Group", GroupByKey.create());

    JobPlan plan = plan(p, 3, 2);

    List<Kind> kinds = plan.stages.stream().map(s -> s.kind).toList();
    assertThat(kinds, contains(Kind.BOUNDED_SOURCE, Kind.BOUNDED_SOURCE, Kind.SIDE_INPUT_PARDO, Kind.GROUPING));
    Stage readSide = plan.stages.get(2);
    Stage group = plan.stages.get(3);
    assertThat(readSide.parallelism, is(3));
    // Two subtasks of each source: two channels of the view, two of the main input.
    assertThat(readSide.inputs, hasSize(4));
    assertThat(readSide.inputs.stream().filter(c -> c.view() == side).count(), is(2L));
    // The keyed step reads the three subtasks of the side-input stage, through the chained WithKeys.
    assertThat(group.inputs, hasSize(3));
    assertThat(group.channelOf(readSide, 2, null), is(2));
  }
}
