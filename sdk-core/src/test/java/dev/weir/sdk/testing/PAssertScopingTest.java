package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.Values;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.SlidingWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Assertions scoped to one window and some of its panes, on bounded collections: elements straight
 * out of {@code Window.into} are in no firing ({@code PaneInfo.NO_FIRING}, timing unknown), and a
 * grouping with the default trigger emits one ON_TIME pane per window, first and last.
 */
@ValidatesRunner
class PAssertScopingTest {
  private static final IntervalWindow FIRST = window(0, 10);
  private static final IntervalWindow SECOND = window(10, 20);
  private static final IntervalWindow EMPTY = window(20, 30);

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static IntervalWindow window(long start, long end) {
    return new IntervalWindow(new Instant(start), new Instant(end));
  }

  /** "a" and "b" at 1 and 5 (the first window of 10 ms), "c" at 12 (the second), "a" again at 14. */
  private PCollection<String> wordsInFixedWindows() {
    return p
        .apply(Create.timestamped(
            TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("b", new Instant(5)),
            TimestampedValue.of("c", new Instant(12)), TimestampedValue.of("a", new Instant(14))))
        .apply(Window.into(FixedWindows.of(Duration.millis(10))));
  }

  private AssertionError runExpectingFailedAssertion() {
    PipelineExecutionException failure = assertThrows(PipelineExecutionException.class, p::run);
    assertThat(failure.getCause(), instanceOf(AssertionError.class));
    return (AssertionError) failure.getCause();
  }

  @Test
  void inWindowChecksTheElementsOfThatWindowOnly() {
    PCollection<String> words = wordsInFixedWindows();

    PAssert.that(words).inWindow(FIRST).containsInAnyOrder("a", "b");
    PAssert.that(words).inWindow(SECOND).containsInAnyOrder("c", "a");
    PAssert.that(words).inWindow(EMPTY).empty();

    p.run();
  }

  @Test
  void unscopedAssertionStillChecksEveryWindow() {
    PAssert.that(wordsInFixedWindows()).containsInAnyOrder("a", "b", "c", "a");

    p.run();
  }

  @Test
  void elementInSeveralWindowsCountsOnceUnscopedAndOnceInEachWindow() {
    PCollection<String> sliding = p
        .apply(Create.timestamped(TimestampedValue.of("x", new Instant(7))))
        .apply(Window.into(SlidingWindows.of(Duration.millis(10)).every(Duration.millis(5))));

    PAssert.that(sliding).containsInAnyOrder("x");
    PAssert.that(sliding).inWindow(window(0, 10)).containsInAnyOrder("x");
    PAssert.that(sliding).inWindow(window(5, 15)).containsInAnyOrder("x");
    PAssert.that(sliding).inWindow(window(10, 20)).empty();

    p.run();
  }

  @Test
  void elementsNeverGroupedAreInTheFinalAndNonLatePanesButNotTheOnTimePane() {
    PCollection<String> words = wordsInFixedWindows();

    PAssert.that(words).inFinalPane(FIRST).containsInAnyOrder("a", "b");
    PAssert.that(words).inCombinedNonLatePanes(FIRST).containsInAnyOrder("a", "b");
    PAssert.that(words).inOnTimePane(FIRST).empty();
    PAssert.that(words).inEarlyPane(FIRST).empty();
    PAssert.that(words).inLatePane(FIRST).empty();

    p.run();
  }

  @Test
  void groupingWithTheDefaultTriggerEmitsOneOnTimePanePerWindow() {
    PCollection<KV<String, Long>> counts = wordsInFixedWindows().apply(Count.perElement());

    PAssert.that(counts).inOnTimePane(SECOND).containsInAnyOrder(KV.of("a", 1L), KV.of("c", 1L));
    PAssert.that(counts).inFinalPane(SECOND).containsInAnyOrder(KV.of("a", 1L), KV.of("c", 1L));
    PAssert.that(counts).inCombinedNonLatePanes(FIRST).containsInAnyOrder(KV.of("a", 1L), KV.of("b", 1L));
    PAssert.that(counts).inEarlyPane(FIRST).empty();
    PAssert.that(counts).inLatePane(FIRST).empty();

    p.run();
  }

  @Test
  void singletonIsCheckedInEachWindowsPane() {
    PCollection<Long> totals = wordsInFixedWindows().apply(Count.<String>globally().withoutDefaults());

    PAssert.thatSingleton(totals).inOnlyPane(FIRST).isEqualTo(2L);
    PAssert.thatSingleton(totals).inOnTimePane(SECOND).isEqualTo(2L);
    PAssert.thatSingleton(totals).inFinalPane(SECOND).isEqualTo(2L);

    p.run();
  }

  @Test
  void singletonInAPaneWithoutElementsFails() {
    PCollection<Long> totals = wordsInFixedWindows().apply(Count.<String>globally().withoutDefaults());
    PAssert.thatSingleton(totals).inLatePane(FIRST).isEqualTo(2L);

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), containsString(" failed in window " + FIRST + " LATE panes, declared at "
        + PAssertScopingTest.class.getName() + "."));
    assertThat(error.getMessage(), containsString("to hold exactly one element, but it is empty"));
  }

  @Test
  void failureOfAScopedAssertionNamesTheWindowAndPane() {
    PCollection<KV<String, Long>> counts = wordsInFixedWindows().apply(Count.perElement());
    PAssert.that("counts per word", counts).inOnTimePane(FIRST).containsInAnyOrder(KV.of("a", 2L));

    AssertionError error = runExpectingFailedAssertion();

    assertThat(error.getMessage(), containsString(" failed in window " + FIRST
        + " ON_TIME pane (counts per word), declared at " + PAssertScopingTest.class.getName() + "."));
    assertThat(error.getMessage(), containsString("but: missing [KV{a, 2}] and unexpected ["));
  }

  @Test
  void earlyGlobalWindowPanesOfElementsNeverGroupedAreEmpty() {
    PCollection<String> global = p.apply(Create.of("a", "b"));

    PAssert.that(global).inEarlyGlobalWindowPanes().empty();
    PAssert.that(global).inWindow(GlobalWindow.INSTANCE).containsInAnyOrder("a", "b");

    p.run();
  }

  @Test
  void singletonIterableCanBeScoped() {
    PCollection<Iterable<String>> grouped = wordsInFixedWindows()
        .apply(WithKeys.of(0))
        .apply(GroupByKey.create())
        .apply(Values.create());

    PAssert.thatSingletonIterable(grouped).inOnTimePane(SECOND).containsInAnyOrder("c", "a");

    p.run();
  }
}
