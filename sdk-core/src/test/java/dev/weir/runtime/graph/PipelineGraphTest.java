package dev.weir.runtime.graph;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.testing.ListSource;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.Flatten;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionList;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.List;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class PipelineGraphTest {

  static final class KeyByLength extends DoFn<String, KV<Integer, String>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String word, OutputReceiver<KV<Integer, String>> out) {
      out.output(KV.of(word.length(), word));
    }
  }

  static final class Identity extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String word, OutputReceiver<String> out) {
      out.output(word);
    }
  }

  /** A composite of two primitives, to see composites in the graph. */
  static final class GroupByLength
      extends PTransform<PCollection<String>, PCollection<KV<Integer, Iterable<String>>>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<KV<Integer, Iterable<String>>> expand(PCollection<String> input) {
      return input
          .apply("KeyByLength", ParDo.of(new KeyByLength()))
          .setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()))
          .apply("Group", GroupByKey.create());
    }
  }

  private static PCollection<String> read(Pipeline p, String name, String... words) {
    return p.apply(name, Read.from(ListSource.of(StringUtf8Coder.of(), words)));
  }

  @Test
  void listsPrimitiveStepsInTopologicalOrderWithFullNames() {
    Pipeline p = Pipeline.create();
    PCollection<String> a = read(p, "ReadA", "a", "bb");
    PCollection<String> b = read(p, "ReadB", "ccc");
    PCollectionList.of(a).and(b).apply("Union", Flatten.pCollections())
        .apply("Windows", Window.into(FixedWindows.of(Duration.standardMinutes(1))))
        .apply("Lengths", new GroupByLength());

    List<String> names = PipelineGraph.of(p).getSteps().stream().map(Step::fullName).toList();

    assertThat(names, contains(
        "ReadA", "ReadB", "Union", "Windows/Window.Assign",
        "Lengths/KeyByLength/ParMultiDo(KeyByLength)", "Lengths/Group"));
  }

  @Test
  void classifiesEachStepAsItsPrimitive() {
    Pipeline p = Pipeline.create();
    PCollection<String> words = read(p, "Read", "a");
    words.apply("AsList", View.asList());
    words.apply("Lengths", new GroupByLength());

    List<Primitive> kinds = PipelineGraph.of(p).getSteps().stream().map(Step::primitive).toList();

    assertThat(kinds, contains(
        Primitive.READ_BOUNDED, Primitive.CREATE_VIEW, Primitive.PAR_DO, Primitive.GROUP_BY_KEY));
  }

  @Test
  void flattenReadsEveryInputInOrder() {
    Pipeline p = Pipeline.create();
    PCollection<String> a = read(p, "ReadA", "a");
    PCollection<String> b = read(p, "ReadB", "b");
    PCollectionList.of(a).and(b).apply("Union", Flatten.pCollections());

    Step union = PipelineGraph.of(p).getSteps().get(2);

    assertThat(union.mainInputs(), contains(sameInstance(a), sameInstance(b)));
  }

  @Test
  void separatesSideInputsFromTheMainInput() {
    Pipeline p = Pipeline.create();
    PCollection<String> words = read(p, "Read", "a");
    PCollectionView<List<String>> view = words.apply("AsList", View.asList());
    words.apply("WithSide", ParDo.of(new Identity()).withSideInputs(view));

    PipelineGraph graph = PipelineGraph.of(p);
    Step parDo = graph.getSteps().get(2);

    assertThat(parDo.mainInputs(), contains(sameInstance(words)));
    assertThat(parDo.sideInputs(), contains(sameInstance(view)));
    assertThat(graph.getProducer(view).primitive(), sameInstance(Primitive.CREATE_VIEW));
  }

  @Test
  void knowsProducerAndConsumersOfEachCollection() {
    Pipeline p = Pipeline.create();
    PCollection<String> words = read(p, "Read", "a");
    words.apply("First", ParDo.of(new Identity()));
    words.apply("Second", ParDo.of(new Identity()));

    PipelineGraph graph = PipelineGraph.of(p);

    assertThat(graph.getProducer(words).fullName(), containsString("Read"));
    assertThat(graph.getConsumers(words).stream().map(Step::fullName).toList(), contains(
        "First/ParMultiDo(Identity)", "Second/ParMultiDo(Identity)"));
    assertThat(graph.getConsumers(graph.getSteps().get(2).outputCollection()), empty());
  }

  /** Makes its output itself instead of applying transforms: a leaf no runner knows. */
  static final class HandMadeSource extends PTransform<PBegin, PCollection<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<String> expand(PBegin input) {
      return PCollection.createPrimitiveOutputInternal(
          input.getPipeline(), WindowingStrategy.globalDefault(), PCollection.IsBounded.BOUNDED,
          StringUtf8Coder.of());
    }
  }

  @Test
  void rejectsALeafThatIsNoPrimitiveNamingItAndTheKnownPrimitives() {
    Pipeline p = Pipeline.create();
    p.apply("Custom", new HandMadeSource());

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> PipelineGraph.of(p));

    assertThat(e.getMessage(), containsString("'Custom'"));
    assertThat(e.getMessage(), containsString(HandMadeSource.class.getName()));
    assertThat(e.getMessage(), containsString(
        "Read.Bounded, Read.Unbounded, TestStream, ParDo.MultiOutput, GroupByKey, Flatten.PCollections,"
            + " Window.Assign, View.CreatePCollectionView"));
  }

  /** Returns its input untouched, applying nothing. */
  static final class Nothing extends PTransform<PCollection<String>, PCollection<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<String> expand(PCollection<String> input) {
      return input;
    }
  }

  @Test
  void skipsACompositeThatReturnsItsInput() {
    Pipeline p = Pipeline.create();
    read(p, "Read", "a").apply("Nothing", new Nothing()).apply("After", ParDo.of(new Identity()));

    List<String> names = PipelineGraph.of(p).getSteps().stream().map(Step::fullName).toList();

    assertThat(names, contains("Read", "After/ParMultiDo(Identity)"));
  }
}
