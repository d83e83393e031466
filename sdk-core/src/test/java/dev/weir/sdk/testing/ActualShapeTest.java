package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.values.KV;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActualShapeTest {

  @Test
  void elementsAreTheElementsInOrder() {
    assertThat(ActualShape.<Integer>elements().fromElements(List.of(3, 1, 2)), contains(3, 1, 2));
  }

  @Test
  void singleElementIsTheOnlyElement() {
    assertThat(ActualShape.<String>singleElement("pc").fromElements(List.of("x")), equalTo("x"));
  }

  @Test
  void singleElementOfAnEmptyCollectionFails() {
    AssertionError error = assertThrows(AssertionError.class,
        () -> ActualShape.<String>singleElement("Words.out").fromElements(List.of()));

    assertThat(error.getMessage(),
        equalTo("expected PCollection 'Words.out' to hold exactly one element, but it is empty"));
  }

  @Test
  void singleElementOfSeveralFailsListingThem() {
    AssertionError error = assertThrows(AssertionError.class,
        () -> ActualShape.<String>singleElement("Words.out").fromElements(List.of("a", "b")));

    assertThat(error.getMessage(),
        equalTo("expected PCollection 'Words.out' to hold exactly one element, but it holds 2 elements: [a, b]"));
  }

  @Test
  void mapHasEachKeyWithItsValue() {
    Map<String, Integer> map = ActualShape.<String, Integer>map("pc").fromElements(List.of(KV.of("a", 1), KV.of("b", 2)));

    assertThat(map, equalTo(Map.of("a", 1, "b", 2)));
  }

  @Test
  void mapWithARepeatedKeyFailsNamingTheKeyAndValues() {
    AssertionError error = assertThrows(AssertionError.class,
        () -> ActualShape.<String, Integer>map("Counts.out").fromElements(List.of(KV.of("a", 1), KV.of("a", 2))));

    assertThat(error.getMessage(),
        equalTo("expected PCollection 'Counts.out' to hold each key once, but key a has values 1 and 2"
            + " (PAssert.thatMultimap checks a collection with repeated keys)"));
  }

  @Test
  void mapTurnsBackIntoItsPairs() {
    ActualShape<KV<String, Integer>, Map<String, Integer>> shape = ActualShape.map("pc");
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", 2);

    assertThat(shape.toElements(map), contains(KV.of("a", 1), KV.of("b", 2)));
  }

  @Test
  void multimapsWithTheSameValuesInAnotherOrderAreEqual() {
    ActualShape<KV<String, Integer>, Map<String, Iterable<Integer>>> shape = ActualShape.multimap("pc");

    Map<String, Iterable<Integer>> one = shape.fromElements(List.of(KV.of("a", 1), KV.of("a", 2), KV.of("b", 3)));
    Map<String, Iterable<Integer>> other = shape.fromElements(List.of(KV.of("b", 3), KV.of("a", 2), KV.of("a", 1)));

    assertThat(one, equalTo(other));
  }

  @Test
  void multimapsWithDifferentCountsOfAValueDiffer() {
    ActualShape<KV<String, Integer>, Map<String, Iterable<Integer>>> shape = ActualShape.multimap("pc");

    assertNotEquals(shape.fromElements(List.of(KV.of("a", 1), KV.of("a", 1))), shape.fromElements(List.of(KV.of("a", 1))));
  }

  @Test
  void multimapOfExpectedValuesRoundTripsThroughElements() {
    ActualShape<KV<String, Integer>, Map<String, Iterable<Integer>>> shape = ActualShape.multimap("pc");
    Map<String, Iterable<Integer>> expected = Map.of("a", List.of(2, 1), "b", List.of(3));

    Map<String, Iterable<Integer>> rebuilt = shape.fromElements(shape.toElements(expected));

    assertThat(rebuilt, equalTo(shape.fromElements(List.of(KV.of("a", 1), KV.of("a", 2), KV.of("b", 3)))));
  }

  @Test
  void expectedMultimapWithAKeyWithoutValuesIsRejected() {
    ActualShape<KV<String, Integer>, Map<String, Iterable<Integer>>> shape = ActualShape.multimap("Pairs.out");

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> shape.toElements(Map.of("a", List.of())));

    assertThat(error.getMessage(),
        equalTo("The expected multimap for PCollection 'Pairs.out' maps key a to no values, which a multimap built"
            + " from a PCollection never does. Fix: leave key a out of the expected map."));
  }
}
