package dev.weir.sdk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.SerializableCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.runners.TransformHierarchy;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.SimpleFunction;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PValue;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Pipeline}: names, serializability at construction, coders fixed before running, traversal. */
class PipelineTest {
  private final Pipeline p = Pipeline.create();

  /** A class with no coder and no way to get one (not Serializable). */
  static final class Unencodable {}

  /** A serializable class with no dedicated coder. */
  static final class Point implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A composite that applies one Create under the name "Inner". */
  static final class Outer extends PTransform<PBegin, PCollection<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<String> expand(PBegin begin) {
      return begin.apply("Inner", Create.of("x"));
    }
  }

  static final class Identity extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String s, OutputReceiver<String> out) {
      out.output(s);
    }
  }

  static final class HoldsClient extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final Unencodable client = new Unencodable();

    @ProcessElement
    public void process(@Element String s, OutputReceiver<String> out) {
      out.output(s + client);
    }
  }

  static final class MakesUnencodable extends DoFn<String, Unencodable> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String s, OutputReceiver<Unencodable> out) {
      out.output(new Unencodable());
    }
  }

  static final class MakesPoints extends DoFn<String, Point> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String s, OutputReceiver<Point> out) {
      out.output(new Point());
    }
  }

  /** A function whose output type is a type variable that no input binds. */
  static final class Nothing<T> extends SimpleFunction<String, T> {
    private static final long serialVersionUID = 1L;

    @Override
    public T apply(String input) {
      return null;
    }
  }

  /** A function whose output type is its input's type variable. */
  static final class Same<T> extends SimpleFunction<T, T> {
    private static final long serialVersionUID = 1L;

    @Override
    public T apply(T input) {
      return input;
    }
  }

  /** A coder for Unencodable, to register in the pipeline's registry. */
  static final class UnencodableCoder extends AtomicCoder<Unencodable> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(Unencodable value, OutputStream out) {}

    @Override
    public Unencodable decode(InputStream in) {
      return new Unencodable();
    }

    @Override
    public void verifyDeterministic() {}
  }

  private List<String> visitedNames() {
    List<String> names = new ArrayList<>();
    p.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
        if (!node.isRootNode()) {
          names.add("enter " + node.getFullName());
        }
        return CompositeBehavior.ENTER_TRANSFORM;
      }

      @Override
      public void leaveCompositeTransform(TransformHierarchy.Node node) {
        if (!node.isRootNode()) {
          names.add("leave " + node.getFullName());
        }
      }

      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {
        names.add("primitive " + node.getFullName());
      }
    });
    return names;
  }

  private List<String> transformNames() {
    List<String> names = new ArrayList<>();
    for (String visited : visitedNames()) {
      if (!visited.startsWith("leave ")) {
        names.add(visited.substring(visited.indexOf(' ') + 1));
      }
    }
    return names;
  }

  @Test
  void aSecondTransformWithTheSameNameAtTheSameLevelGetsTheNumberTwo() {
    p.apply("Words", Create.of("a"));
    p.apply("Words", Create.of("b"));
    p.apply("Words", Create.of("c"));
    assertThat(transformNames(), hasItems("Words", "Words2", "Words3"));
  }

  @Test
  void aNumberedNameChosenByTheUserIsNotReused() {
    p.apply("Words2", Create.of("a"));
    p.apply("Words", Create.of("b"));
    p.apply("Words", Create.of("c"));
    assertThat(transformNames(), hasItems("Words2", "Words", "Words3"));
  }

  @Test
  void theSameNameUnderDifferentParentsIsNotNumbered() {
    p.apply("A", new Outer());
    p.apply("B", new Outer());
    assertThat(transformNames(), hasItems("A/Inner", "B/Inner"));
    assertThat(transformNames(), not(hasItem("B/Inner2")));
  }

  @Test
  void namesOfPartsNestUnderTheirCompositeWithASlash() {
    p.apply("Outer", new Outer());
    assertThat(transformNames(), hasItem("Outer/Inner"));
  }

  @Test
  void aNameContainingASlashFails() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> p.apply("Read/Words", Create.of("a")));
    assertThat(e.getMessage(), containsString("'Read/Words'"));
  }

  @Test
  void anEmptyNameFails() {
    assertThrows(IllegalArgumentException.class, () -> p.apply("", Create.of("a")));
  }

  @Test
  void aDoFnWithANonSerializableFieldFailsAtApplyNamingTheTransformAndField() {
    PCollection<String> words = p.apply("Words", Create.of("a"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> words.apply("Parse", ParDo.of(new HoldsClient())));
    assertThat(e.getMessage(), allOf(
        containsString("Transform 'Parse'"),
        containsString(".client"),
        containsString(Unencodable.class.getName()),
        containsString("Fix: make the field transient")));
  }

  @Test
  void theSerializabilityErrorNamesTheFullNameOfANestedTransform() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.apply("Outer", new PTransform<PBegin, PCollection<String>>() {
          private static final long serialVersionUID = 1L;

          @Override
          public PCollection<String> expand(PBegin begin) {
            return begin.apply("Words", Create.of("a")).apply("Parse", ParDo.of(new HoldsClient()));
          }
        }));
    assertThat(e.getMessage(), containsString("Outer"));
  }

  @Test
  void anAnonymousDoFnCapturingTheTestInstanceFailsNamingTheEnclosingInstance() {
    PCollection<String> words = p.apply("Words", Create.of("a"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> words.apply("Upper", ParDo.of(new DoFn<String, String>() {
          private static final long serialVersionUID = 1L;

          @ProcessElement
          public void process(@Element String s, OutputReceiver<String> out) {
            out.output(s + p);
          }
        })));
    assertThat(e.getMessage(), allOf(
        containsString("Transform 'Upper'"),
        containsString("<enclosing instance of " + PipelineTest.class.getName() + ">")));
  }

  @Test
  void runFailsBeforeRunningWhenADoFnOutputsAClassWithNoCoder() {
    p.apply("Words", Create.of("a")).apply("MakeThings", ParDo.of(new MakesUnencodable()));
    IllegalStateException e = assertThrows(IllegalStateException.class, p::run);
    assertThat(e.getMessage(), allOf(
        containsString("PCollection 'MakeThings"),
        containsString("output of 'MakeThings"),
        containsString(Unencodable.class.getName()),
        containsString("setCoder")));
  }

  @Test
  void runFailsBeforeRunningWhenMapElementsHasNoOutputType() {
    p.apply("Words", Create.of("a")).apply("Nothing", MapElements.via(new Nothing<String>()));
    IllegalStateException e = assertThrows(IllegalStateException.class, p::run);
    assertThat(e.getMessage(), allOf(
        containsString("PCollection 'Nothing/"),
        containsString("Fix"),
        containsString("MapElements.into")));
  }

  @Test
  void anOutputTypeVariableBoundByTheInputTakesTheInputsCoder() {
    PCollection<String> same = p.apply("Words", Create.of("a")).apply("Same", MapElements.via(new Same<String>()));
    assertThat(same.getCoder(), instanceOf(StringUtf8Coder.class));
  }

  @Test
  void aSerializableClassWithoutACoderGetsSerializableCoder() {
    PCollection<Point> points = p.apply("Words", Create.of("a")).apply(ParDo.of(new MakesPoints()));
    assertThat(points.getCoder(), instanceOf(SerializableCoder.class));
  }

  @Test
  void aCoderRegisteredWithThePipelinesRegistryIsInferred() {
    p.getCoderRegistry().registerCoderForClass(Unencodable.class, new UnencodableCoder());
    PCollection<Unencodable> things =
        p.apply("Words", Create.of("a")).apply(ParDo.of(new MakesUnencodable()));
    assertThat(things.getCoder(), instanceOf(UnencodableCoder.class));
  }

  @Test
  void getCoderRegistryReturnsTheSameRegistryEachTime() {
    assertThat(p.getCoderRegistry() == p.getCoderRegistry(), is(true));
  }

  @Test
  void traversalEntersCompositesAroundTheirPartsInApplicationOrder() {
    p.apply("Outer", new Outer()).apply("Id", ParDo.of(new Identity()));
    List<String> visited = visitedNames();
    assertThat(visited.subList(0, 2), contains("enter Outer", "enter Outer/Inner"));
    int leaveOuter = visited.indexOf("leave Outer");
    int firstId = indexOfFirstStartingWith(visited, "enter Id");
    int idPrimitive = indexOfFirstStartingWith(visited, "primitive Id/");
    assertThat(visited.toString(), 0 < leaveOuter && leaveOuter < firstId && firstId < idPrimitive, is(true));
  }

  private static int indexOfFirstStartingWith(List<String> items, String prefix) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aCompositeThatIsNotEnteredHidesItsParts() {
    p.apply("Outer", new Outer());
    List<String> primitives = new ArrayList<>();
    p.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
        return node.isRootNode() ? CompositeBehavior.ENTER_TRANSFORM : CompositeBehavior.DO_NOT_ENTER_TRANSFORM;
      }

      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {
        primitives.add(node.getFullName());
      }
    });
    assertThat(primitives, empty());
  }

  @Test
  void eachValueIsVisitedOnceAfterItsProducerAndBeforeItsConsumer() {
    PCollection<String> words = p.apply("Words", Create.of("a"));
    PCollection<String> same = words.apply("Id", ParDo.of(new Identity()));
    same.apply("Id2", ParDo.of(new Identity()));
    List<String> events = new ArrayList<>();
    p.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {
        events.add("primitive " + node.getFullName());
      }

      @Override
      public void visitValue(PValue value, TransformHierarchy.Node producer) {
        events.add("value " + value.getName() + " from " + producer.getFullName());
      }
    });
    long idOutputVisits = events.stream().filter(e -> e.startsWith("value " + same.getName() + " ")).count();
    assertThat(idOutputVisits, is(1L));
    int producedAt = indexOfFirstStartingWith(events, "value " + same.getName() + " ");
    int idPrimitive = indexOfFirstStartingWith(events, "primitive Id/");
    int id2Primitive = indexOfFirstStartingWith(events, "primitive Id2/");
    assertThat(events.toString(), 0 <= idPrimitive && idPrimitive < producedAt && producedAt < id2Primitive, is(true));
    assertThat(events.get(producedAt), containsString("from Id/"));
  }

}
