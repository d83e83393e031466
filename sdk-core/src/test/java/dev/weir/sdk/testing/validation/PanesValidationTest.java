package dev.weir.sdk.testing.validation;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.DescribePanes;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Flatten;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.Values;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Never;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.transforms.windowing.Window.ClosingBehavior;
import dev.weir.sdk.transforms.windowing.Window.OnTimeBehavior;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Early, on-time and late panes: their exact contents in both accumulation modes, the on-time pane
 * with no new data ({@code withOnTimeBehavior}) and the final pane when the window closes ({@code
 * ClosingBehavior}). Every test uses fixed windows of 10 ms and one key.
 *
 * <p>Where what matters is which values a kind of pane holds, a test scopes {@link PAssert} to that
 * pane ({@code inEarlyPane}, {@code inOnTimePane}, {@code inLatePane}, {@code inFinalPane}); where
 * the exact sequence of panes and their indices matters, it describes each pane as a string with
 * {@code DescribePanes}.
 */
@ValidatesRunner
class PanesValidationTest {
  private static final Duration LATENESS = Duration.millis(100);
  private static final IntervalWindow W0 = new IntervalWindow(new Instant(0), new Instant(10));

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private PCollection<String> panesOf(TestStream<String> stream, Window<String> window) {
    return p.apply(stream)
        .apply(window)
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.ofGroups());
  }

  /** The values of each pane fired by grouping under one key, each keeping its window and pane. */
  private PCollection<String> valuesOfPanes(TestStream<String> stream, Window<String> window) {
    return p.apply(stream)
        .apply(window)
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(Values.create())
        .apply(Flatten.iterables());
  }

  private static TimestampedValue<String> at(String value, long millis) {
    return TimestampedValue.of(value, new Instant(millis));
  }

  /** One early pane per element, the on-time pane, then one late pane per late element. */
  private static Window<String> everyElementEarlyAndLate() {
    return Window.<String>into(FixedWindows.of(Duration.millis(10)))
        .triggering(AfterWatermark.pastEndOfWindow()
            .withEarlyFirings(AfterPane.elementCountAtLeast(1))
            .withLateFirings(AfterPane.elementCountAtLeast(1)));
  }

  /** a and b early, nothing new on time, c late. */
  private static TestStream<String> earlyEarlyOnTimeLate() {
    return TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 1))
        .addElements(at("b", 2))
        .advanceWatermarkTo(new Instant(10))
        .addElements(at("c", 3))
        .advanceWatermarkToInfinity();
  }

  @Test
  void accumulatingPanesRepeatEverythingFiredBeforeInTheWindow() {
    PCollection<String> panes = panesOf(earlyEarlyOnTimeLate(),
        everyElementEarlyAndLate().withAllowedLateness(LATENESS).accumulatingFiredPanes());

    PAssert.that(panes).containsInAnyOrder(
        "k=[a] [0,10) EARLY#0",
        "k=[a, b] [0,10) EARLY#1",
        "k=[a, b] [0,10) ON_TIME#2",
        "k=[a, b, c] [0,10) LATE#3");
    p.run();
  }

  @Test
  void discardingPanesHoldOnlyWhatArrivedSinceThePreviousPane() {
    PCollection<String> panes = panesOf(earlyEarlyOnTimeLate(),
        everyElementEarlyAndLate().withAllowedLateness(LATENESS).discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder(
        "k=[a] [0,10) EARLY#0",
        "k=[b] [0,10) EARLY#1",
        "k=[] [0,10) ON_TIME#2",
        "k=[c] [0,10) LATE#3");
    p.run();
  }

  @Test
  void theOnTimePaneFiresWithNoNewDataByDefault() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 1))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(stream, everyElementEarlyAndLate()
        .withAllowedLateness(Duration.ZERO).accumulatingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a] [0,10) EARLY#0", "k=[a] [0,10) ON_TIME#1 last");
    p.run();
  }

  @Test
  void theOnTimePaneIsSkippedWhenNothingArrivedSinceTheEarlyPaneIfItMustNotBeEmpty() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 1))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(stream, everyElementEarlyAndLate()
        .withAllowedLateness(Duration.ZERO)
        .withOnTimeBehavior(OnTimeBehavior.FIRE_IF_NON_EMPTY)
        .accumulatingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a] [0,10) EARLY#0");
    p.run();
  }

  @Test
  void theOnTimePaneFiresWhenNewDataArrivedSinceTheEarlyPaneEvenIfItMustNotBeEmpty() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 1), at("b", 2))
        .addElements(at("c", 3))
        .advanceWatermarkToInfinity();

    PCollection<String> values = valuesOfPanes(stream, Window.<String>into(FixedWindows.of(Duration.millis(10)))
        .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(2)))
        .withAllowedLateness(Duration.ZERO)
        .withOnTimeBehavior(OnTimeBehavior.FIRE_IF_NON_EMPTY)
        .discardingFiredPanes());

    PAssert.that(values).inEarlyPane(W0).containsInAnyOrder("a", "b");
    PAssert.that(values).inOnTimePane(W0).containsInAnyOrder("c");
    PAssert.that(values).inFinalPane(W0).containsInAnyOrder("c");
    p.run();
  }

  @Test
  void closingWithFireAlwaysEmitsAFinalPaneEvenWhenItIsEmpty() {
    PCollection<String> panes = panesOf(earlyEarlyOnTimeLate(),
        everyElementEarlyAndLate().withAllowedLateness(LATENESS, ClosingBehavior.FIRE_ALWAYS).discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder(
        "k=[a] [0,10) EARLY#0",
        "k=[b] [0,10) EARLY#1",
        "k=[] [0,10) ON_TIME#2",
        "k=[c] [0,10) LATE#3",
        "k=[] [0,10) LATE#4 last");
    p.run();
  }

  @Test
  void closingWithFireIfNonEmptyEmitsAFinalPaneOnlyForDataNotYetFired() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 1))
        .advanceWatermarkTo(new Instant(10))
        .addElements(at("late", 2))
        .advanceWatermarkToInfinity();

    PCollection<String> values = valuesOfPanes(stream, Window.<String>into(FixedWindows.of(Duration.millis(10)))
        .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(Never.ever()))
        .withAllowedLateness(LATENESS, ClosingBehavior.FIRE_IF_NON_EMPTY)
        .discardingFiredPanes());

    PAssert.that(values).inOnTimePane(W0).containsInAnyOrder("a");
    PAssert.that(values).inLatePane(W0).containsInAnyOrder("late");
    PAssert.that(values).inFinalPane(W0).containsInAnyOrder("late");
    p.run();
  }

  @Test
  void theOnTimePaneIsTheLastWhenThereIsNoAllowedLateness() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 1))
        .advanceWatermarkTo(new Instant(10))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(stream, Window.<String>into(FixedWindows.of(Duration.millis(10)))
        .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a] [0,10) ON_TIME#0 last");
    p.run();
  }

  @Test
  void aWatermarkThatPassesTheEndAndTheLatenessInOneStepFiresOneOnTimePaneThatIsTheLast() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 1))
        .advanceWatermarkTo(new Instant(1000))
        .advanceWatermarkToInfinity();

    PCollection<String> values = valuesOfPanes(stream, Window.<String>into(FixedWindows.of(Duration.millis(10)))
        .withAllowedLateness(LATENESS)
        .discardingFiredPanes());

    PAssert.that(values).inOnTimePane(W0).containsInAnyOrder("a");
    PAssert.that(values).inFinalPane(W0).containsInAnyOrder("a");
    PAssert.that(values).inWindow(W0).containsInAnyOrder("a");
    p.run();
  }

  @Test
  void theOnTimePaneFiresBeforeTheLatenessHasPassedAndIsThenNotTheLast() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 1))
        .advanceWatermarkTo(new Instant(10))
        .advanceWatermarkTo(new Instant(1000))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(stream, Window.<String>into(FixedWindows.of(Duration.millis(10)))
        .withAllowedLateness(LATENESS)
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a] [0,10) ON_TIME#0");
    p.run();
  }

  @Test
  void aWatermarkThatPassesTheEndAndTheLatenessInOneStepAfterAnEarlyPaneFiresTheOnTimePaneAsTheLast() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 1))
        .advanceWatermarkTo(new Instant(1000))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(stream, everyElementEarlyAndLate()
        .withAllowedLateness(LATENESS).accumulatingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a] [0,10) EARLY#0", "k=[a] [0,10) ON_TIME#1 last");
    p.run();
  }

  /** Late data fires late panes; the window closing later has nothing new and says nothing. */
  private static TestStream<String> onTimeThenLateThenClosed() {
    return TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 1))
        .advanceWatermarkTo(new Instant(10))
        .addElements(at("late", 2))
        .advanceWatermarkToInfinity();
  }

  private static Window<String> lateEveryElement(ClosingBehavior closing) {
    return Window.<String>into(FixedWindows.of(Duration.millis(10)))
        .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(LATENESS, closing);
  }

  @Test
  void aWindowClosingAfterALatePaneWithNothingNewEmitsNoFinalPaneIfItMustNotBeEmpty() {
    PCollection<String> panes = panesOf(onTimeThenLateThenClosed(),
        lateEveryElement(ClosingBehavior.FIRE_IF_NON_EMPTY).accumulatingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a] [0,10) ON_TIME#0", "k=[a, late] [0,10) LATE#1");
    p.run();
  }

  @Test
  void closingWithFireAlwaysAfterALatePaneEmitsALateFinalPaneWithEverythingAccumulated() {
    PCollection<String> panes = panesOf(onTimeThenLateThenClosed(),
        lateEveryElement(ClosingBehavior.FIRE_ALWAYS).accumulatingFiredPanes());

    PAssert.that(panes).containsInAnyOrder(
        "k=[a] [0,10) ON_TIME#0", "k=[a, late] [0,10) LATE#1", "k=[a, late] [0,10) LATE#2 last");
    p.run();
  }
}
