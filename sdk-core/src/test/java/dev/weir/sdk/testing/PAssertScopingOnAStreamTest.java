package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.Flatten;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.Values;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Assertions scoped to EARLY, ON_TIME and LATE panes of a stream. In the window [0,10), with 20 ms
 * of allowed lateness, an early firing after two elements and a late firing per late element:
 * "a" and "b" fire early, "c" on time, "d" late.
 */
@ValidatesRunner
class PAssertScopingOnAStreamTest {
  private static final IntervalWindow WINDOW = new IntervalWindow(new Instant(0), new Instant(10));

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static TimestampedValue<String> at(String value, long millis) {
    return TimestampedValue.of(value, new Instant(millis));
  }

  private PCollection<String> earlyOnTimeAndLate(Window<String> windowing) {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 1), at("b", 2))
        .advanceWatermarkTo(new Instant(5))
        .addElements(at("c", 3))
        .advanceWatermarkTo(new Instant(10))
        .addElements(at("d", 4))
        .advanceWatermarkToInfinity();
    return p.apply(stream).apply(windowing
        .triggering(AfterWatermark.pastEndOfWindow()
            .withEarlyFirings(AfterPane.elementCountAtLeast(2))
            .withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(Duration.millis(20)));
  }

  /** The elements of each pane fired by grouping {@code input} under one key, with that pane. */
  private static PCollection<String> regrouped(PCollection<String> input) {
    return input.apply(WithKeys.of("k")).apply(GroupByKey.create()).apply(Values.create()).apply(Flatten.iterables());
  }

  @Test
  void eachPaneScopeChecksTheElementsOfItsPanes() {
    PCollection<String> panes =
        regrouped(earlyOnTimeAndLate(Window.<String>into(FixedWindows.of(Duration.millis(10))).discardingFiredPanes()));

    PAssert.that(panes).inEarlyPane(WINDOW).containsInAnyOrder("a", "b");
    PAssert.that(panes).inOnTimePane(WINDOW).containsInAnyOrder("c");
    PAssert.that(panes).inLatePane(WINDOW).containsInAnyOrder("d");
    PAssert.that(panes).inCombinedNonLatePanes(WINDOW).containsInAnyOrder("a", "b", "c");
    PAssert.that(panes).inWindow(WINDOW).containsInAnyOrder("a", "b", "c", "d");
    PAssert.that(panes).containsInAnyOrder("a", "b", "c", "d");

    p.run();
  }

  @Test
  void finalPaneIsEmptyWhenTheWindowClosesWithoutFiring() {
    PCollection<String> panes =
        regrouped(earlyOnTimeAndLate(Window.<String>into(FixedWindows.of(Duration.millis(10))).discardingFiredPanes()));

    // The late pane of "d" fired before the window expired, so it is not marked last.
    PAssert.that(panes).inFinalPane(WINDOW).empty();

    p.run();
  }

  @Test
  void singletonIsCheckedInEachAccumulatingPane() {
    PCollection<Long> counts = earlyOnTimeAndLate(
            Window.<String>into(FixedWindows.of(Duration.millis(10))).accumulatingFiredPanes())
        .apply(Count.<String>globally().withoutDefaults());

    PAssert.thatSingleton(counts).inEarlyPane(WINDOW).isEqualTo(2L);
    PAssert.thatSingleton(counts).inOnTimePane(WINDOW).isEqualTo(3L);
    PAssert.thatSingleton(counts).inLatePane(WINDOW).isEqualTo(4L);

    p.run();
  }

  @Test
  void onlyPaneFailsForAWindowThatFiredSeveralTimes() {
    PCollection<Long> counts = earlyOnTimeAndLate(
            Window.<String>into(FixedWindows.of(Duration.millis(10))).accumulatingFiredPanes())
        .apply(Count.<String>globally().withoutDefaults());
    PAssert.thatSingleton(counts).inOnlyPane(WINDOW).isEqualTo(4L);

    PipelineExecutionException failure = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(failure.getCause(), instanceOf(AssertionError.class));
    assertThat(failure.getCause().getMessage(), containsString(" failed in window " + WINDOW + " only pane, declared at "
        + PAssertScopingOnAStreamTest.class.getName() + "."));
    assertThat(failure.getCause().getMessage(),
        containsString(" to be in its only pane (a trigger that fires at most once), but "));
  }

  @Test
  void earlyGlobalWindowPanesAreThoseFiredBeforeTheGlobalWindowCloses() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 1), at("b", 2))
        .advanceWatermarkTo(new Instant(5))
        .addElements(at("c", 3), at("d", 4))
        .advanceWatermarkTo(new Instant(10))
        .addElements(at("e", 5))
        .advanceWatermarkToInfinity();
    PCollection<String> panes = regrouped(p.apply(stream)
        .apply(Window.<String>configure()
            .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(2)))
            .discardingFiredPanes()));

    PAssert.that(panes).inEarlyGlobalWindowPanes().containsInAnyOrder("a", "b", "c", "d");
    PAssert.that(panes).inWindow(GlobalWindow.INSTANCE).containsInAnyOrder("a", "b", "c", "d", "e");

    p.run();
  }
}
