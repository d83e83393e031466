package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values {@link View}s compute from a window's elements, through each view's {@code ViewFn}. */
class ViewTest {
  private final Pipeline p = Pipeline.create();
  private final PCollection<String> words = p.apply("Words", Create.of("a"));
  private final PCollection<KV<String, Integer>> pairs = p.apply("Pairs", Create.of(KV.of("a", 1)));

  @SuppressWarnings("unchecked")
  private static <ElemT, ViewT> ViewT valueOf(PCollectionView<ViewT> view, List<ElemT> elements) {
    return ((ViewFn<ElemT, ViewT>) view.getViewFn()).apply(elements);
  }

  @Test
  void asSingletonIsTheOneElement() {
    assertThat(valueOf(words.apply(View.asSingleton()), List.of("x")), equalTo("x"));
  }

  @Test
  void asSingletonOfNothingFailsNamingTheCollectionAndTheFix() {
    PCollectionView<String> view = words.apply(View.asSingleton());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> valueOf(view, List.of()));
    assertThat(e.getMessage(), allOf(
        containsString("'" + words.getName() + "'"), containsString("is empty"), containsString("withDefaultValue")));
  }

  @Test
  void asSingletonOfTwoElementsFailsShowingThem() {
    PCollectionView<String> view = words.apply(View.asSingleton());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> valueOf(view, List.of("x", "y")));
    assertThat(e.getMessage(), allOf(containsString("more than one element"), containsString("x, y"),
        containsString("Combine.globally")));
  }

  @Test
  void asSingletonWithADefaultSeesTheDefaultWhenEmpty() {
    assertThat(valueOf(words.apply(View.<String>asSingleton().withDefaultValue("none")), List.of()), equalTo("none"));
  }

  @Test
  void theDefaultMayBeNull() {
    assertThat(valueOf(words.apply(View.<String>asSingleton().withDefaultValue(null)), List.of()), nullValue());
  }

  @Test
  void asListKeepsOrderAndNulls() {
    assertThat(valueOf(words.apply(View.asList()), Arrays.asList("x", null, "y")), contains("x", null, "y"));
  }

  @Test
  void asListIsUnmodifiable() {
    List<String> list = valueOf(words.apply(View.asList()), List.of("x"));
    assertThrows(UnsupportedOperationException.class, () -> list.add("y"));
  }

  @Test
  void asIterableHoldsEveryElement() {
    assertThat(valueOf(words.apply(View.asIterable()), List.of("x", "y")), contains("x", "y"));
  }

  @Test
  void asMapMapsEachKeyToItsValue() {
    Map<String, Integer> map = valueOf(pairs.apply(View.asMap()), List.of(KV.of("a", 1), KV.of("b", 2)));
    assertThat(map, equalTo(Map.of("a", 1, "b", 2)));
  }

  @Test
  void asMapWithADuplicateKeyFailsNamingTheKeyAndTheFix() {
    PCollectionView<Map<String, Integer>> view = pairs.apply(View.asMap());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> valueOf(view, List.of(KV.of("a", 1), KV.of("a", 2))));
    assertThat(e.getMessage(), allOf(
        containsString("key a more than once"), containsString("1 and 2"), containsString("View.asMultimap()")));
  }

  @Test
  void asMultimapGathersTheValuesOfEachKey() {
    Map<String, Iterable<Integer>> map =
        valueOf(pairs.apply(View.asMultimap()), List.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3)));
    assertThat(map.get("a"), containsInAnyOrder(1, 3));
    assertThat(map.get("b"), contains(2));
    assertThat(map.keySet(), containsInAnyOrder("a", "b"));
  }
}
