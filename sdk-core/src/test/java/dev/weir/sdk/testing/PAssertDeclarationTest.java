package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.SerializableCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.runners.TransformHierarchy;
import dev.weir.sdk.testing.ScriptedRunner.Outcome;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What declaring assertions does to the pipeline, and the mistakes caught when declaring them. */
class PAssertDeclarationTest {
  private final Pipeline p = Pipeline.create(ScriptedRunner.options(Outcome.ALL_ASSERTIONS_SUCCEED));

  @Test
  void eachAssertionAppliesOnePAssertTransform() {
    PCollection<Integer> numbers = p.apply(InMemoryElements.of(VarIntCoder.of(), 1, 2));

    PAssert.that(numbers).containsInAnyOrder(1, 2).satisfies(SerializableMatchers.containsInAnyOrder(2, 1));
    PAssert.thatSingleton(numbers).notEqualTo(3);

    assertThat(PAssert.countAsserts(p), equalTo(3));
    List<String> topLevel = topLevelNames(p);
    assertThat(topLevel.subList(1, topLevel.size()), everyItem(matchesPattern("PAssert\\$\\d+")));
    assertThat(topLevel, hasSize(4));
  }

  @Test
  void assertionGathersReadsATriggerAndChecks() {
    PCollection<Integer> numbers = p.apply(InMemoryElements.of(VarIntCoder.of(), 1));

    PAssert.that(numbers).empty();

    List<String> parts = new ArrayList<>();
    p.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {
        parts.add(node.getFullName().replaceFirst("^PAssert\\$\\d+", "PAssert"));
      }
    });
    assertThat(parts, equalTo(List.of(
        "InMemoryElements/Read(ElementsSource)",
        "PAssert/Gather/IntoGlobalWindow/Window.Assign",
        "PAssert/Gather/Capture/ParMultiDo(CaptureFn)",
        "PAssert/Gather/AsIterable/CreatePCollectionView",
        "PAssert/Trigger",
        "PAssert/Check/ParMultiDo(CheckFn)")));
  }

  @Test
  void singletonIterableNeedsItsElementCoderAsTheOnlyCoderArgument() {
    PCollection<ArrayList<Integer>> lists = p.apply(InMemoryElements.of(
        SerializableCoder.of(listClass()), new ArrayList<>(List.of(1))));

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> PAssert.thatSingletonIterable(lists));

    assertThat(error.getMessage(), startsWith("PAssert.thatSingletonIterable needs the coder of PCollection '"
        + lists.getName() + "' to have its element coder as its only coder argument, but "));
    assertThat(error.getMessage().endsWith(" has []. Fix: setCoder(IterableCoder.of(elementCoder)) on it."), equalTo(true));
  }

  @Test
  void expectedElementTheCoderCannotEncodeIsRejected() {
    PCollection<String> words = p.apply(InMemoryElements.of(StringUtf8Coder.of(), "a"));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> PAssert.that(words).containsInAnyOrder(Arrays.asList("a", null)));

    assertThat(error.getMessage(), startsWith("Cannot encode the expected elements for PCollection '"
        + words.getName() + "' ([a, null]) with coder "));
  }

  @Test
  void expectedMultimapWithAKeyWithoutValuesIsRejected() {
    PCollection<KV<String, Integer>> pairs =
        p.apply(InMemoryElements.of(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()), KV.of("a", 1)));

    assertThrows(IllegalArgumentException.class,
        () -> PAssert.thatMultimap(pairs).isEqualTo(Map.of("a", List.of(1), "b", List.of())));
  }

  @Test
  void equalsOnAnAssertionIsRejected() {
    PCollection<Integer> numbers = p.apply(InMemoryElements.of(VarIntCoder.of(), 1));

    UnsupportedOperationException error =
        assertThrows(UnsupportedOperationException.class, () -> PAssert.that(numbers).equals(List.of(1)));

    assertThat(error.getMessage(), equalTo("equals() compares assertion objects, not the PCollection's contents."
        + " Fix: use containsInAnyOrder(...)."));
  }

  private static List<String> topLevelNames(Pipeline pipeline) {
    List<String> names = new ArrayList<>();
    pipeline.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
        if (!node.isRootNode()) {
          names.add(node.getFullName());
        }
        return node.isRootNode() ? CompositeBehavior.ENTER_TRANSFORM : CompositeBehavior.DO_NOT_ENTER_TRANSFORM;
      }
    });
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Class<ArrayList<Integer>> listClass() {
    return (Class<ArrayList<Integer>>) (Class<?>) ArrayList.class;
  }
}
