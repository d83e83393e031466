package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.coders.IterableCoder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.metrics.MetricNameFilter;
import dev.weir.sdk.metrics.MetricResult;
import dev.weir.sdk.metrics.MetricsFilter;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.SerializableFunction;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each kind of assertion, passing and failing, on the runner under test. */
@ValidatesRunner
class PAssertTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private PCollection<Integer> ints(Integer... values) {
    return p.apply(InMemoryElements.of(VarIntCoder.of(), values));
  }

  private PCollection<KV<String, Integer>> pairs(List<KV<String, Integer>> values) {
    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type
    KV<String, Integer>[] array = values.toArray(new KV[0]);
    return p.apply(InMemoryElements.of(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()), array));
  }

  /** Runs the pipeline, expecting one assertion to fail; returns that assertion's error. */
  private AssertionError runExpectingFailedAssertion() {
    PipelineExecutionException failure = assertThrows(PipelineExecutionException.class, p::run);
    assertThat(failure.getCause(), instanceOf(AssertionError.class));
    assertThat(failure.getMessage(), containsString("PAssert$"));
    return (AssertionError) failure.getCause();
  }

  private static Matcher<String> failureOfPAssertDeclaredHere(String detail) {
    return allOf(
        startsWith("PAssert$"),
        containsString(" failed, declared at " + PAssertTest.class.getName() + "."),
        containsString(detail));
  }

  @Test
  void containsInAnyOrderPassesForTheSameElementsInAnyOrder() {
    PAssert.that(ints(1, 2, 3, 2)).containsInAnyOrder(2, 3, 2, 1);

    p.run();
  }

  @Test
  void containsInAnyOrderOfAnIterablePasses() {
    PAssert.that(ints(1, 2, 3)).containsInAnyOrder(List.of(3, 2, 1));

    p.run();
  }

  @Test
  void containsInAnyOrderFailsNamingMissingAndUnexpectedElements() {
    PAssert.that(ints(1, 2, 3)).containsInAnyOrder(1, 2, 4);

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere(
        ":\nExpected: iterable with items [1, 2, 4] in any order\n"
            + "     but: missing [4] and unexpected [3] in 3 elements: [")); // actual order is the runner's
  }

  @Test
  @SuppressWarnings("unchecked") // a generic varargs array, as for hamcrest's own matchers
  void containsInAnyOrderOfMatchersPasses() {
    PAssert.that(ints(5, 50)).containsInAnyOrder(SerializableMatchers.greaterThan(10), SerializableMatchers.lessThan(10));

    p.run();
  }

  @Test
  @SuppressWarnings("unchecked") // a generic varargs array, as for hamcrest's own matchers
  void containsInAnyOrderOfMatchersFailsWithHamcrestsDescription() {
    PAssert.that(ints(5, 6)).containsInAnyOrder(SerializableMatchers.greaterThan(10), SerializableMatchers.lessThan(10));

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere(
        "Expected: iterable with items [a value greater than <10>, a value less than <10>] in any order"));
  }

  @Test
  void emptyPassesForAnEmptyCollection() {
    PAssert.that(ints()).empty();

    p.run();
  }

  @Test
  void emptyFailsForElementsListingThem() {
    PAssert.that(ints(7)).empty();

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(),
        failureOfPAssertDeclaredHere(":\nExpected: no elements\n     but: unexpected [7] in 1 element: [7]"));
  }

  @Test
  void containsInAnyOrderFailsForAnEmptyCollection() {
    PAssert.that(ints()).containsInAnyOrder(1);

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere("but: missing [1] in 0 elements: []"));
  }

  @Test
  void satisfiesPassesWhenTheFunctionReturns() {
    PAssert.that(ints(1, 2, 3)).satisfies(new SumIs(6));

    p.run();
  }

  @Test
  void satisfiesFailsWithWhatTheFunctionThrew() {
    PAssert.that(ints(1, 2, 3)).satisfies(new SumIs(7));

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere(": java.lang.IllegalStateException: sum is 6, not 7"));
    assertThat(error.getCause(), instanceOf(IllegalStateException.class));
  }

  @Test
  void satisfiesOfAMatcherPassesAndFails() {
    PAssert.that(ints(1, 2)).satisfies(SerializableMatchers.fromSupplier(() -> Matchers.hasItem(2)));
    PAssert.that(ints(1, 3)).satisfies(SerializableMatchers.fromSupplier(() -> Matchers.hasItem(2)));

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere("Expected: a collection containing <2>"));
  }

  @Test
  void assertionsOnOneCollectionAreCheckedSeparately() {
    PCollection<Integer> numbers = ints(1, 2);
    PAssert.that(numbers).containsInAnyOrder(1, 2).satisfies(new SumIs(3));
    PAssert.thatSingleton(ints(4)).isEqualTo(4);

    p.run();
  }

  @Test
  void reasonIsShownWhenAnAssertionFails() {
    PAssert.that("every word counted", ints(1)).empty();

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), containsString(" failed (every word counted), declared at "));
  }

  @Test
  void singletonIsEqualToPassesForItsOnlyElement() {
    PAssert.thatSingleton(ints(42)).isEqualTo(42);

    p.run();
  }

  @Test
  void singletonIsEqualToFailsShowingBothValues() {
    PAssert.thatSingleton(ints(41)).isEqualTo(42);

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere(":\nExpected: <42>\n     but: was <41>"));
  }

  @Test
  void singletonNotEqualToPassesForAnotherValue() {
    PAssert.thatSingleton(ints(41)).notEqualTo(42);

    p.run();
  }

  @Test
  void singletonNotEqualToFailsForThatValue() {
    PAssert.thatSingleton(ints(42)).notEqualTo(42);

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere("Expected: not <42>\n     but: was <42>"));
  }

  @Test
  void singletonOfAnEmptyCollectionFails() {
    PCollection<Integer> none = ints();
    PAssert.thatSingleton(none).isEqualTo(1);

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere(
        ": expected PCollection '" + none.getName() + "' to hold exactly one element, but it is empty"));
  }

  @Test
  void singletonOfSeveralElementsFails() {
    PCollection<Integer> two = ints(1, 2);
    PAssert.thatSingleton(two).isEqualTo(1);

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere(
        ": expected PCollection '" + two.getName() + "' to hold exactly one element, but it holds 2 elements: ["));
  }

  @Test
  void singletonSatisfiesAFunctionAndAMatcher() {
    PCollection<Integer> one = ints(3);
    PAssert.thatSingleton(one).satisfies(value -> {
      if (value != 3) {
        throw new AssertionError("expected 3, got " + value);
      }
      return null;
    });
    PAssert.thatSingleton(one).satisfies(SerializableMatchers.lessThan(4));

    p.run();
  }

  @Test
  void singletonIterableChecksTheElementsOfTheIterable() {
    PCollection<Iterable<Integer>> lists = p.apply(InMemoryElements.of(IterableCoder.of(VarIntCoder.of()), List.of(1, 2)));
    PAssert.thatSingletonIterable(lists).containsInAnyOrder(2, 1);

    p.run();
  }

  @Test
  void singletonIterableFailsForOtherElements() {
    PCollection<Iterable<Integer>> lists = p.apply(InMemoryElements.of(IterableCoder.of(VarIntCoder.of()), List.of(1, 2)));
    PAssert.thatSingletonIterable(lists).containsInAnyOrder(1);

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere("but: unexpected [2] in 2 elements: [1, 2]"));
  }

  @Test
  void mapIsEqualToPassesForTheSamePairs() {
    PAssert.thatMap(pairs(List.of(KV.of("a", 1), KV.of("b", 2)))).isEqualTo(Map.of("b", 2, "a", 1));

    p.run();
  }

  @Test
  void mapIsEqualToFailsShowingBothMaps() {
    PAssert.thatMap(pairs(List.of(KV.of("a", 1)))).isEqualTo(Map.of("a", 2));

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere("Expected: <{a=2}>\n     but: was <{a=1}>"));
  }

  @Test
  void mapOfARepeatedKeyFails() {
    PAssert.thatMap(pairs(List.of(KV.of("a", 1), KV.of("a", 1)))).satisfies(map -> null);

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere("to hold each key once, but key a has values 1 and 1"));
  }

  @Test
  void multimapIsEqualToIgnoresTheOrderOfValues() {
    PAssert.thatMultimap(pairs(List.of(KV.of("a", 1), KV.of("b", 3), KV.of("a", 2))))
        .isEqualTo(Map.of("a", List.of(2, 1), "b", List.of(3)));

    p.run();
  }

  @Test
  void multimapIsEqualToFailsForOtherValues() {
    PAssert.thatMultimap(pairs(List.of(KV.of("a", 1), KV.of("a", 1)))).isEqualTo(Map.of("a", List.of(1)));

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), failureOfPAssertDeclaredHere("Expected: <{a=[1]}>\n     but: was <{a=[1 x 2]}>"));
  }

  @Test
  void multimapSatisfiesSeesEveryValueOfAKey() {
    PAssert.thatMultimap(pairs(List.of(KV.of("a", 1), KV.of("a", 2)))).satisfies(multimap -> {
      if (!Matchers.containsInAnyOrder(1, 2).matches(multimap.get("a"))) {
        throw new AssertionError("values of a: " + multimap.get("a"));
      }
      return null;
    });

    p.run();
  }

  @Test
  void collectionInManyWindowsIsCheckedOverAllOfThem() {
    PCollection<Integer> windowed = ints(1, 2, 3)
        .apply(ParDo.of(new AtSecond()))
        .apply(Window.into(FixedWindows.of(Duration.standardSeconds(1))));

    PAssert.that(windowed).containsInAnyOrder(1, 2, 3);
    PAssert.thatSingleton(ints(1).apply("WindowOne", Window.into(FixedWindows.of(Duration.standardSeconds(1)))))
        .isEqualTo(1);

    p.run();
  }

  @Test
  void collectionWithAnEarlyFiringTriggerIsCheckedOverAllItsPanes() {
    PCollection<Integer> triggered = ints(1, 2, 3).apply(Window.<Integer>configure()
        .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
        .discardingFiredPanes());

    PAssert.that(triggered).containsInAnyOrder(1, 2, 3);

    p.run();
  }

  @Test
  void successfulAssertionsAreCountedInMetrics() {
    PAssert.that(ints(1)).containsInAnyOrder(1);
    PAssert.thatSingleton(ints(2)).isEqualTo(2);

    long successes = 0;
    for (MetricResult<Long> counter : p.run().metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(PAssert.class, PAssert.SUCCESS_COUNTER)).build()).getCounters()) {
      successes += counter.getAttempted();
    }

    assertThat(successes, equalTo(2L));
  }

  /** Checks the sum of the elements. */
  private static final class SumIs implements SerializableFunction<Iterable<Integer>, Void> {
    private final int expected;

    SumIs(int expected) {
      this.expected = expected;
    }

    @Override
    public Void apply(Iterable<Integer> elements) {
      int sum = 0;
      for (int element : elements) {
        sum += element;
      }
      if (sum != expected) {
        throw new IllegalStateException("sum is " + sum + ", not " + expected);
      }
      return null;
    }
  }

  /** Gives element n the timestamp of second n, so that elements land in different windows. */
  private static final class AtSecond extends DoFn<Integer, Integer> {
    @ProcessElement
    public void processElement(@Element Integer n, OutputReceiver<Integer> out) {
      out.outputWithTimestamp(n, new Instant(0).plus(Duration.standardSeconds(n)));
    }
  }
}
