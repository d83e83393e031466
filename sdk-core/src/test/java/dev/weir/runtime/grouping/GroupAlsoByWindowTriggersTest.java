package dev.weir.runtime.grouping;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.runtime.grouping.GroupAlsoByWindowTester.Pane;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterSynchronizedProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.Trigger;
import dev.weir.sdk.transforms.windowing.Window.OnTimeBehavior;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.WindowingStrategy;
import dev.weir.sdk.values.WindowingStrategy.AccumulationMode;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The grouping core with the trigger machines of {@code dev.weir.runtime.triggers}: early, on-time
 * and late panes in both accumulation modes, empty panes, closed windows, merging trigger state,
 * and processing-time triggers on an explicit clock. Every test restores the core from its
 * snapshot after each step.
 */
class GroupAlsoByWindowTriggersTest {
  private static final WindowingStrategy<?, ?> FIXED_10 = WindowingStrategy.of(FixedWindows.of(Duration.millis(10)));
  private static final IntervalWindow W0 = window(0, 10);
  private static final Trigger EARLY_EVERY_TWO =
      AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(2));
  private static final long GLOBAL_END = GlobalWindow.INSTANCE.maxTimestamp().getMillis();

  private static IntervalWindow window(long start, long end) {
    return new IntervalWindow(new Instant(start), new Instant(end));
  }

  private static PaneInfo pane(boolean first, boolean last, Timing timing, long index, long onTimeIndex) {
    return PaneInfo.createPane(first, last, timing, index, onTimeIndex);
  }

  private static GroupAlsoByWindowTester<String, Integer> tester(WindowingStrategy<?, ?> strategy) {
    return GroupAlsoByWindowTester.of(StringUtf8Coder.of(), VarIntCoder.of(), strategy);
  }

  private static GroupAlsoByWindowTester<String, Integer> fourElementsThenOneInW0(AccumulationMode mode) {
    return tester(FIXED_10.withTrigger(EARLY_EVERY_TWO).withMode(mode))
        .addElement("k", 1, 1)
        .addElement("k", 2, 2)
        .addElement("k", 3, 3)
        .addElement("k", 4, 4)
        .addElement("k", 5, 5);
  }

  @Test
  void earlyFiringsInDiscardingModeHoldOnlyTheElementsSinceTheLastPane() {
    GroupAlsoByWindowTester<String, Integer> t = fourElementsThenOneInW0(AccumulationMode.DISCARDING_FIRED_PANES);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 9, pane(true, false, Timing.EARLY, 0, -1), 1, 2),
        Pane.of("k", W0, 9, pane(false, false, Timing.EARLY, 1, -1), 3, 4)));

    t.advanceInputWatermark(10);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(false, true, Timing.ON_TIME, 2, 0), 5)));
  }

  @Test
  void earlyFiringsInAccumulatingModeHoldEveryElementSoFar() {
    GroupAlsoByWindowTester<String, Integer> t = fourElementsThenOneInW0(AccumulationMode.ACCUMULATING_FIRED_PANES);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 9, pane(true, false, Timing.EARLY, 0, -1), 1, 2),
        Pane.of("k", W0, 9, pane(false, false, Timing.EARLY, 1, -1), 1, 2, 3, 4)));

    t.advanceInputWatermark(10);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 9, pane(false, true, Timing.ON_TIME, 2, 0), 1, 2, 3, 4, 5)));
  }

  @Test
  void earlyPaneReleasesTheHoldOfItsElements() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(FIXED_10.withTrigger(EARLY_EVERY_TWO).withTimestampCombiner(TimestampCombiner.EARLIEST))
            .addElement("k", 1, 4)
            .addElement("k", 2, 3);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 3, pane(true, false, Timing.EARLY, 0, -1), 1, 2)));
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold());

    t.addElement("k", 3, 6).addElement("k", 4, 5);
    assertThat("each pane takes the earliest of its own elements",
        t.extractPanes(), contains(Pane.of("k", W0, 5, pane(false, false, Timing.EARLY, 1, -1), 3, 4)));
  }

  @Test
  void onTimePaneFiresWithNoNewDataUnderFireAlways() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(FIXED_10.withTrigger(EARLY_EVERY_TWO).withAllowedLateness(Duration.millis(100)))
            .addElement("k", 1, 1)
            .addElement("k", 2, 2)
            .advanceInputWatermark(10);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 9, pane(true, false, Timing.EARLY, 0, -1), 1, 2),
        Pane.of("k", W0, 9, pane(false, true, Timing.ON_TIME, 1, 0))));
  }

  @Test
  void onTimePaneDoesNotFireWithNoNewDataUnderFireIfNonEmpty() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(FIXED_10.withTrigger(EARLY_EVERY_TWO).withOnTimeBehavior(OnTimeBehavior.FIRE_IF_NON_EMPTY)
                .withAllowedLateness(Duration.millis(100)))
            .addElement("k", 1, 1)
            .addElement("k", 2, 2)
            .advanceInputWatermark(10);

    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(true, false, Timing.EARLY, 0, -1), 1, 2)));
  }

  @Test
  void elementsForAWindowWhoseTriggerFinishedAreDroppedAndCounted() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(FIXED_10.withTrigger(AfterWatermark.pastEndOfWindow()).withAllowedLateness(Duration.millis(100)))
            .addElement("k", 1, 1)
            .advanceInputWatermark(10)
            .addElement("k", 2, 2);

    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1)));
    assertEquals(1, t.core().droppedDueToClosedWindow());
    assertEquals(0, t.core().droppedDueToLateness());
    t.advanceInputWatermark(110);
    assertTrue(t.core().isEmpty(), "a closed window is forgotten at its garbage-collection time");
  }

  @Test
  void lateFiringsEmitLatePanesWithinTheAllowedLateness() {
    Trigger lateEveryElement =
        AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1));
    GroupAlsoByWindowTester<String, Integer> t =
        tester(FIXED_10.withTrigger(lateEveryElement).withAllowedLateness(Duration.millis(100))
                .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES))
            .addElement("k", 1, 1)
            .advanceInputWatermark(10)
            .addElement("k", 2, 2)
            .addElement("k", 3, 3)
            .advanceInputWatermark(110);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 9, pane(true, false, Timing.ON_TIME, 0, 0), 1),
        Pane.of("k", W0, 9, pane(false, false, Timing.LATE, 1, 1), 1, 2),
        Pane.of("k", W0, 9, pane(false, false, Timing.LATE, 2, 2), 1, 2, 3)));
  }

  @Test
  void sessionsMergeTheirTriggerStateSoCountsAddUp() {
    Trigger earlyEveryThree = AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(3));
    GroupAlsoByWindowTester<String, Integer> t =
        tester(WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10))).withTrigger(earlyEveryThree))
            .addElement("k", 1, 0)
            .addElement("k", 2, 15);
    assertThat(t.extractPanes(), empty());

    t.addElement("k", 3, 9);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", window(0, 25), 24, pane(true, false, Timing.EARLY, 0, -1), 1, 2, 3)));
  }

  @Test
  void sessionMergedIntoANewWindowAfterAnEarlyPaneStartsItsPaneIndexAfresh() {
    // Beam's ReduceFnRunner keeps pane info in the window's own state and clears it for every
    // window merged away, so a merge result that is a new window has no previous pane.
    GroupAlsoByWindowTester<String, Integer> t =
        tester(WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10))).withTrigger(EARLY_EVERY_TWO))
            .addElements("k", TimestampedValue.of(1, new Instant(1)), TimestampedValue.of(2, new Instant(5)));
    assertThat(t.extractPanes(), contains(
        Pane.of("k", window(1, 15), 14, pane(true, false, Timing.EARLY, 0, -1), 1, 2)));

    t.addElement("k", 3, 12).advanceInputWatermark(100);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", window(1, 22), 21, pane(true, true, Timing.ON_TIME, 0, 0), 3)));
  }

  @Test
  void sessionThatAbsorbsANewElementsWindowContinuesItsPaneIndex() {
    // The merge result is the session that already fired, whose own pane info Beam keeps.
    GroupAlsoByWindowTester<String, Integer> t =
        tester(WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10))).withTrigger(EARLY_EVERY_TWO))
            .addElements("k", TimestampedValue.of(1, new Instant(1)), TimestampedValue.of(2, new Instant(5)));
    assertThat(t.extractPanes(), contains(
        Pane.of("k", window(1, 15), 14, pane(true, false, Timing.EARLY, 0, -1), 1, 2)));

    t.addElements("k", TimestampedValue.of(3, new Instant(2)), TimestampedValue.of(4, new Instant(3)));
    assertThat(t.extractPanes(), contains(
        Pane.of("k", window(1, 15), 14, pane(false, false, Timing.EARLY, 1, -1), 3, 4)));
    t.advanceInputWatermark(100);
    assertThat(t.extractPanes(), contains(
        Pane.<String, Integer>of("k", window(1, 15), 14, pane(false, true, Timing.ON_TIME, 2, 0))));
  }

  @Test
  void lateElementBridgingTwoSessionsJoinsThemAndFiresByTheMergedTrigger() {
    Trigger lateEveryElement =
        AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1));
    GroupAlsoByWindowTester<String, Integer> t =
        tester(WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10))).withTrigger(lateEveryElement)
                .withAllowedLateness(Duration.millis(100)))
            .addElement("k", 1, 0)
            .addElement("k", 2, 13)
            .advanceInputWatermark(30);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", window(0, 10), 9, pane(true, false, Timing.ON_TIME, 0, 0), 1),
        Pane.of("k", window(13, 23), 22, pane(true, false, Timing.ON_TIME, 0, 0), 2)));

    t.addElement("k", 3, 5);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", window(0, 23), 22, pane(true, false, Timing.LATE, 0, 0), 3)));
  }

  @Test
  void mergedSessionsStayInTheLatePhaseWhenANewWindowJoinsThem() {
    // Beam merges the trigger states of the windows that have state only: the late element's own
    // window does not restart the early phase, so the late trigger still needs two elements.
    Trigger lateEveryTwo = AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(2));
    GroupAlsoByWindowTester<String, Integer> t =
        tester(WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10))).withTrigger(lateEveryTwo)
                .withAllowedLateness(Duration.millis(100)))
            .addElement("k", 1, 0)
            .addElement("k", 2, 13)
            .advanceInputWatermark(30);
    t.extractPanes();

    t.addElement("k", 3, 5);
    assertThat(t.extractPanes(), empty());
    t.addElement("k", 4, 6);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", window(0, 23), 22, pane(true, false, Timing.LATE, 0, 0), 3, 4)));
  }

  @Test
  void processingTimeTriggerFiresWhenTheClockPassesTheDelayAfterTheFirstElement() {
    Trigger everyHundredMillis =
        Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(100)));
    GroupAlsoByWindowTester<String, Integer> t = tester(WindowingStrategy.of(new GlobalWindows())
            .withTrigger(everyHundredMillis))
        .advanceProcessingTime(1000)
        .addElement("k", 1, 5)
        .advanceProcessingTime(1050)
        .addElement("k", 2, 6);
    assertEquals(new Instant(1101), t.core().nextProcessingTimeWakeUp());

    t.advanceProcessingTime(1100);
    assertThat("the target itself is not past it", t.extractPanes(), empty());
    t.advanceProcessingTime(1101);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", GlobalWindow.INSTANCE, GLOBAL_END, pane(true, false, Timing.EARLY, 0, -1), 1, 2)));
    assertNull(t.core().nextProcessingTimeWakeUp());
  }

  @Test
  void processingTimeTriggerStartsItsDelayAgainWithTheNextPanesFirstElement() {
    Trigger everyHundredMillis =
        Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(100)));
    GroupAlsoByWindowTester<String, Integer> t = tester(WindowingStrategy.of(new GlobalWindows())
            .withTrigger(everyHundredMillis))
        .addElement("k", 1, 5)
        .advanceProcessingTime(5000);
    t.extractPanes();

    t.addElement("k", 2, 6).advanceProcessingTime(5100);
    assertThat(t.extractPanes(), empty());
    t.advanceProcessingTime(5101);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", GlobalWindow.INSTANCE, GLOBAL_END, pane(false, false, Timing.EARLY, 1, -1), 2)));
  }

  @Test
  void finalPaneAtTheEndOfTimeIsAnEmptyOnTimePaneUnderFireAlways() {
    Trigger everyHundredMillis =
        Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(100)));
    GroupAlsoByWindowTester<String, Integer> t = tester(WindowingStrategy.of(new GlobalWindows())
            .withTrigger(everyHundredMillis))
        .addElement("k", 1, 5)
        .advanceProcessingTime(1000);
    t.extractPanes();

    t.advanceInputWatermark(BoundedWindow.TIMESTAMP_MAX_VALUE);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", GlobalWindow.INSTANCE, GLOBAL_END, pane(false, true, Timing.ON_TIME, 1, 0))));
    assertTrue(t.core().isEmpty());
  }

  @Test
  void synchronizedProcessingTimeTriggerFiresOnItsOwnClock() {
    // As in Beam, the target is the processing time of the first element; the wait is on the
    // synchronized clock.
    GroupAlsoByWindowTester<String, Integer> t = tester(WindowingStrategy.of(new GlobalWindows())
            .withTrigger(Repeatedly.forever(AfterSynchronizedProcessingTime.ofFirstElement())))
        .advanceProcessingTime(1000)
        .advanceSynchronizedProcessingTime(1000)
        .addElement("k", 1, 5)
        .advanceProcessingTime(5000);
    assertThat("processing time alone does not fire it", t.extractPanes(), empty());

    t.advanceSynchronizedProcessingTime(1001);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", GlobalWindow.INSTANCE, GLOBAL_END, pane(true, false, Timing.EARLY, 0, -1), 1)));
  }

  @Test
  void earlyProcessingTimeFiringsThenTheOnTimePane() {
    Trigger earlyAfterTen = AfterWatermark.pastEndOfWindow()
        .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(10)));
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10.withTrigger(earlyAfterTen))
        .advanceProcessingTime(0)
        .addElement("k", 1, 1)
        .advanceProcessingTime(11)
        .addElement("k", 2, 2)
        .advanceInputWatermark(10);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 9, pane(true, false, Timing.EARLY, 0, -1), 1),
        Pane.of("k", W0, 9, pane(false, true, Timing.ON_TIME, 1, 0), 2)));
    assertNull(t.core().nextProcessingTimeWakeUp());
  }
}
