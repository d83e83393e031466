package dev.weir.runtime.graph;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import dev.weir.runtime.graph.PipelineGraphTest.GroupByLength;
import dev.weir.runtime.graph.PipelineGraphTest.Identity;
import dev.weir.runtime.testing.ListSource;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import java.util.List;
import org.junit.jupiter.api.Test;

class DotRendererTest {

  private static String dotOfGroupingPipeline() {
    Pipeline p = Pipeline.create();
    PCollection<String> words = p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), "a")));
    words.setName("words");
    words.apply("Lengths", new GroupByLength());
    return PipelineGraph.of(p).toDot();
  }

  @Test
  void isADirectedGraph() {
    assertThat(dotOfGroupingPipeline(), startsWith("digraph pipeline {\n"));
  }

  @Test
  void drawsEachStepAsANodeLabeledWithItsNameAndPrimitive() {
    String dot = dotOfGroupingPipeline();

    assertThat(dot, containsString("step0 [label=\"Read\\nRead.Bounded\", tooltip=\"Read\"];"));
    assertThat(dot, containsString(
        "step2 [label=\"Group\\nGroupByKey\", tooltip=\"Lengths/Group\"];"));
  }

  @Test
  void drawsCompositesAsNestedClusters() {
    String dot = dotOfGroupingPipeline();

    assertThat(dot, containsString(
        "  subgraph cluster_0 {\n"
            + "    label=\"Lengths\";\n"
            + "    tooltip=\"Lengths\";\n"
            + "    step2 [label=\"Group\\nGroupByKey\", tooltip=\"Lengths/Group\"];\n"
            + "    subgraph cluster_1 {\n"
            + "      label=\"KeyByLength\";\n"
            + "      tooltip=\"Lengths/KeyByLength\";\n"
            + "      step1 [label=\"ParMultiDo(KeyByLength)\\nParDo.MultiOutput\","
            + " tooltip=\"Lengths/KeyByLength/ParMultiDo(KeyByLength)\"];\n"
            + "    }\n"
            + "  }\n"));
  }

  @Test
  void drawsCollectionsAsEdgesLabeledWithTheirNames() {
    String dot = dotOfGroupingPipeline();

    assertThat(dot, containsString("step0 -> step1 [label=\"words\"];"));
    assertThat(dot, containsString(
        "step1 -> step2 [label=\"Lengths/KeyByLength/ParMultiDo(KeyByLength).output\"];"));
  }

  @Test
  void drawsAnUnreadOutputAsAnEdgeToAPoint() {
    String dot = dotOfGroupingPipeline();

    assertThat(dot, containsString("unread0 [shape=point];\n  step2 -> unread0 [label=\"Lengths/Group.out\"];"));
  }

  @Test
  void drawsSideInputsDashed() {
    Pipeline p = Pipeline.create();
    PCollection<String> words = p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), "a")));
    PCollectionView<List<String>> view = words.apply("AsList", View.asList());
    words.apply("WithSide", ParDo.of(new Identity()).withSideInputs(view));

    String dot = PipelineGraph.of(p).toDot();

    assertThat(dot, containsString("step1 -> step2 [label=\"" + view.getName() + "\", style=dashed];"));
  }

  @Test
  void escapesQuotesAndBackslashesInLabels() {
    assertThat(DotRenderer.quote("say \"hi\" \\ bye"), is("\"say \\\"hi\\\" \\\\ bye\""));
  }
}
