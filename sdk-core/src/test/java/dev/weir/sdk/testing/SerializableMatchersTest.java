package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.hamcrest.Matchers;
import org.hamcrest.StringDescription;
import org.junit.jupiter.api.Test;

class SerializableMatchersTest {

  @Test
  void fromSupplierMakesAPlainHamcrestMatcherSurviveSerialization() throws Exception {
    SerializableMatcher<Iterable<? super Integer>> hasThree = SerializableMatchers.fromSupplier(() -> Matchers.hasItem(3));

    SerializableMatcher<Iterable<? super Integer>> copy = roundTrip(hasThree);

    assertTrue(copy.matches(List.of(1, 3)));
    assertFalse(copy.matches(List.of(1, 2)));
    assertThat(StringDescription.toString(copy), equalTo("a collection containing <3>"));
  }

  @Test
  void equalToMatchesEqualValues() throws Exception {
    SerializableMatcher<String> matcher = roundTrip(SerializableMatchers.equalTo("a"));

    assertTrue(matcher.matches("a"));
    assertFalse(matcher.matches("b"));
  }

  @Test
  void notInvertsAMatcher() throws Exception {
    SerializableMatcher<String> matcher = roundTrip(SerializableMatchers.not(SerializableMatchers.equalTo("a")));

    assertFalse(matcher.matches("a"));
    assertTrue(matcher.matches("b"));
  }

  @Test
  void allOfNeedsEveryMatcher() throws Exception {
    SerializableMatcher<Integer> between =
        roundTrip(SerializableMatchers.allOf(SerializableMatchers.greaterThan(1), SerializableMatchers.lessThan(5)));

    assertTrue(between.matches(3));
    assertFalse(between.matches(5));
    assertFalse(between.matches(1));
  }

  @Test
  void anyOfNeedsOneMatcher() throws Exception {
    SerializableMatcher<Integer> outside = roundTrip(SerializableMatchers.anyOf(
        SerializableMatchers.lessThanOrEqualTo(1), SerializableMatchers.greaterThanOrEqualTo(5)));

    assertTrue(outside.matches(1));
    assertTrue(outside.matches(5));
    assertFalse(outside.matches(3));
  }

  @Test
  void containsInAnyOrderOfItemsComparesAsMultisets() throws Exception {
    SerializableMatcher<Iterable<? extends String>> matcher =
        roundTrip(SerializableMatchers.containsInAnyOrder("a", "b", "a"));

    assertTrue(matcher.matches(List.of("b", "a", "a")));
    assertFalse(matcher.matches(List.of("b", "a")));
  }

  @Test
  void containsInAnyOrderOfMatchersPairsEachElementWithAMatcher() throws Exception {
    SerializableMatcher<Iterable<? extends Integer>> matcher = roundTrip(
        SerializableMatchers.<Integer>containsInAnyOrder(
            SerializableMatchers.greaterThan(10), SerializableMatchers.equalTo(1)));

    assertTrue(matcher.matches(List.of(11, 1)));
    assertFalse(matcher.matches(List.of(11, 12)));
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
