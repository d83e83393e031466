package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.hamcrest.Description;
import org.hamcrest.StringDescription;
import org.junit.jupiter.api.Test;

class ContainsInAnyOrderTest {

  @Test
  void matchesTheSameElementsInAnotherOrder() {
    assertTrue(new ContainsInAnyOrder<>(List.of(1, 2, 3)).matches(List.of(3, 1, 2)));
  }

  @Test
  void countsRepeatedElements() {
    ContainsInAnyOrder<String> twoAs = new ContainsInAnyOrder<>(List.of("a", "a", "b"));

    assertTrue(twoAs.matches(List.of("a", "b", "a")));
    assertFalse(twoAs.matches(List.of("a", "b", "b")));
    assertFalse(twoAs.matches(List.of("a", "b")));
  }

  @Test
  void matchesNullElements() {
    assertTrue(new ContainsInAnyOrder<>(Arrays.asList("a", null)).matches(Arrays.asList(null, "a")));
  }

  @Test
  void describesTheExpectedElements() {
    assertThat(StringDescription.toString(new ContainsInAnyOrder<>(List.of(1, 2))),
        equalTo("iterable with items [1, 2] in any order"));
    assertThat(StringDescription.toString(new ContainsInAnyOrder<>(List.of())), equalTo("no elements"));
  }

  @Test
  void mismatchNamesMissingAndUnexpectedElements() {
    assertThat(mismatch(new ContainsInAnyOrder<>(List.of(1, 2, 3)), List.of(1, 4, 2, 5)),
        equalTo("missing [3] and unexpected [4, 5] in 4 elements: [1, 4, 2, 5]"));
  }

  @Test
  void mismatchOfTooFewElementsNamesOnlyTheMissing() {
    assertThat(mismatch(new ContainsInAnyOrder<>(List.of(1, 2, 2)), List.of(2)),
        equalTo("missing [1, 2] in 1 element: [2]"));
  }

  @Test
  void mismatchOfALongCollectionIsCutShort() {
    List<Integer> many = new ArrayList<>(IntStream.range(0, 150).boxed().toList());

    String text = mismatch(new ContainsInAnyOrder<>(List.of()), many);

    assertThat(text.endsWith("98, 99, ... (50 more)]"), equalTo(true));
    assertThat(text.startsWith("unexpected [0, 1, 2,"), equalTo(true));
  }

  private static <T> String mismatch(ContainsInAnyOrder<T> matcher, Iterable<T> actual) {
    Description description = new StringDescription();
    matcher.describeMismatch(actual, description);
    return description.toString();
  }
}
