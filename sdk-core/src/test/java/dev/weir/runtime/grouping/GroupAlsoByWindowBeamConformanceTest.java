package dev.weir.runtime.grouping;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.runtime.grouping.GroupAlsoByWindowTester.Pane;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.windowing.AfterEach;
import dev.weir.sdk.transforms.windowing.AfterFirst;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Never;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.SlidingWindows;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.Trigger;
import dev.weir.sdk.transforms.windowing.Window.ClosingBehavior;
import dev.weir.sdk.transforms.windowing.Window.OnTimeBehavior;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.WindowingStrategy;
import dev.weir.sdk.values.WindowingStrategy.AccumulationMode;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of Beam's {@code ReduceFnRunnerTest} that run real triggers over windows that do
 * not merge, translated to the grouping core: the same elements, clocks, strategies and expected
 * panes (contents, timestamps and {@code PaneInfo}), in Weir's words. Beam's behaviour is the
 * reference. Every test restores the core from its snapshot after each step.
 */
class GroupAlsoByWindowBeamConformanceTest {
  private static final IntervalWindow W0 = window(0, 10);
  private static final IntervalWindow W0_100 = window(0, 100);
  private static final long GLOBAL_END = GlobalWindow.INSTANCE.maxTimestamp().getMillis();
  /** Early panes every 5 ms of processing time until the watermark, then late ones every 25 ms. */
  private static final Trigger EARLY_EVERY_5_THEN_LATE_EVERY_25 = AfterEach.inOrder(
      Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(5)))
          .orFinally(AfterWatermark.pastEndOfWindow()),
      Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(25))));
  private static final Trigger EVERY_TWO_OR_AT_THE_WATERMARK =
      Repeatedly.forever(AfterFirst.of(AfterPane.elementCountAtLeast(2), AfterWatermark.pastEndOfWindow()));

  private static IntervalWindow window(long start, long end) {
    return new IntervalWindow(new Instant(start), new Instant(end));
  }

  private static PaneInfo pane(boolean first, boolean last, Timing timing, long index, long onTimeIndex) {
    return PaneInfo.createPane(first, last, timing, index, onTimeIndex);
  }

  private static TimestampedValue<Integer> at(int value, long timestamp) {
    return TimestampedValue.of(value, new Instant(timestamp));
  }

  private static WindowingStrategy<?, ?> fixed(long sizeMillis) {
    return WindowingStrategy.of(FixedWindows.of(Duration.millis(sizeMillis)));
  }

  private static GroupAlsoByWindowTester<String, Integer> tester(WindowingStrategy<?, ?> strategy) {
    return GroupAlsoByWindowTester.of(StringUtf8Coder.of(), VarIntCoder.of(), strategy);
  }

  private static GroupAlsoByWindowTester<String, Integer> summing(WindowingStrategy<?, ?> strategy) {
    return GroupAlsoByWindowTester.summing(StringUtf8Coder.of(), strategy);
  }

  /** Fixed windows of 100 ms, no lateness, a pane 10 ms of processing time after each first element. */
  private static WindowingStrategy<?, ?> processingTimeEvery10Ms() {
    return fixed(100)
        .withTimestampCombiner(TimestampCombiner.EARLIEST)
        .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
        .withAllowedLateness(Duration.ZERO)
        .withTrigger(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(10))));
  }

  @Test
  void processingTimeFiringKeepsTheWindowUntilItsGarbageCollection() {
    GroupAlsoByWindowTester<String, Integer> t = summing(processingTimeEvery10Ms())
        .advanceProcessingTime(5000)
        .addElement("k", 2, 2)
        .addElement("k", 5, 5)
        .advanceProcessingTime(10_000);

    assertThat(t.extractPanes(), contains(Pane.of("k", W0_100, 2, pane(true, false, Timing.EARLY, 0, -1), 7)));
    assertFalse(t.core().isEmpty());
    assertEquals(new Instant(100), t.core().nextEventTimeWakeUp());
  }

  @Test
  void processingTimeDeadlineReachedWhenTheWindowExpiresGivesNoExtraPane() {
    // Beam fires the expiry and the processing-time timer together; here the clock reaches the
    // trigger's target (not past it) and then the watermark expires the window.
    GroupAlsoByWindowTester<String, Integer> t = summing(processingTimeEvery10Ms())
        .advanceProcessingTime(5000)
        .addElement("k", 2, 2)
        .addElement("k", 5, 5)
        .advanceProcessingTime(5010)
        .advanceInputWatermark(100);

    assertThat(t.extractPanes(), contains(Pane.of("k", W0_100, 2, PaneInfo.ON_TIME_AND_ONLY_FIRING, 7)));
  }

  @Test
  void processingTimePassingAfterTheWindowExpiredFiresNothing() {
    GroupAlsoByWindowTester<String, Integer> t = summing(processingTimeEvery10Ms())
        .advanceProcessingTime(5000)
        .addElement("k", 2, 2)
        .addElement("k", 5, 5)
        .advanceInputWatermark(100)
        .advanceProcessingTime(5011);

    assertThat(t.extractPanes(), contains(Pane.of("k", W0_100, 2, PaneInfo.ON_TIME_AND_ONLY_FIRING, 7)));
    assertTrue(t.core().isEmpty());
  }

  @Test
  void repeatedWatermarkTriggerGivesOneFinalPaneWhenEndAndExpiryPassTogether() {
    GroupAlsoByWindowTester<String, Integer> t = summing(fixed(100)
            .withTimestampCombiner(TimestampCombiner.EARLIEST)
            .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
            .withAllowedLateness(Duration.millis(1))
            .withTrigger(Repeatedly.forever(AfterWatermark.pastEndOfWindow())))
        .addElement("k", 2, 2)
        .addElement("k", 5, 5)
        .advanceInputWatermark(1000);

    assertThat(t.extractPanes(), contains(Pane.of("k", W0_100, 2, PaneInfo.ON_TIME_AND_ONLY_FIRING, 7)));
  }

  @Test
  void endAndExpiryPassedTogetherGiveOneFinalOnTimePaneUnderFireAlways() {
    GroupAlsoByWindowTester<String, Integer> t = tester(fixed(10)
            .withTimestampCombiner(TimestampCombiner.EARLIEST)
            .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
            .withAllowedLateness(Duration.millis(50))
            .withClosingBehavior(ClosingBehavior.FIRE_ALWAYS))
        .advanceInputWatermark(0)
        .addElement("k", 1, 1)
        .advanceInputWatermark(100);

    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 1, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1)));
  }

  @Test
  void endAndExpiryPassedTogetherGiveOneFinalOnTimePaneUnderFireIfNonEmpty() {
    GroupAlsoByWindowTester<String, Integer> t = tester(fixed(10)
            .withTimestampCombiner(TimestampCombiner.EARLIEST)
            .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
            .withAllowedLateness(Duration.millis(50)))
        .advanceInputWatermark(0)
        .addElement("k", 1, 1)
        .advanceInputWatermark(100);

    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 1, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1)));
  }

  @Test
  void defaultTriggerLabelsEveryPaneAfterTheOnTimePaneLate() {
    GroupAlsoByWindowTester<String, Integer> t = summing(fixed(10)
            .withTrigger(DefaultTrigger.of())
            .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
            .withAllowedLateness(Duration.millis(100)))
        .advanceInputWatermark(0)
        .addElement("k", 1, 1)
        .advanceInputWatermark(10)
        .addElement("k", 3, 3);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 9, pane(true, false, Timing.ON_TIME, 0, 0), 1),
        Pane.of("k", W0, 9, pane(false, false, Timing.LATE, 1, 1), 4)));
  }

  @Test
  void expiryOfAWindowNearTheEndOfTimeIsCappedAtTheEndOfTheGlobalWindow() {
    Duration lateness = Duration.standardDays(365);
    Instant timestamp = GlobalWindow.INSTANCE.maxTimestamp().minus(lateness).plus(1);
    IntervalWindow window = FixedWindows.of(Duration.millis(10)).assignWindow(timestamp);
    assertTrue(window.maxTimestamp().plus(lateness).isAfter(GlobalWindow.INSTANCE.maxTimestamp()));
    GroupAlsoByWindowTester<String, Integer> t = summing(fixed(10)
            .withTimestampCombiner(TimestampCombiner.EARLIEST)
            .withTrigger(AfterWatermark.pastEndOfWindow().withLateFirings(Never.ever()))
            .withMode(AccumulationMode.DISCARDING_FIRED_PANES)
            .withAllowedLateness(lateness))
        .addElements("k", TimestampedValue.of(13, timestamp))
        .advanceInputWatermark(window.maxTimestamp());
    assertThat("the watermark at the window's max timestamp has not passed its end", t.extractPanes(), empty());

    t.addElements("k", TimestampedValue.of(42, timestamp)).advanceInputWatermark(GlobalWindow.INSTANCE.maxTimestamp());
    assertThat(t.extractPanes(), contains(
        Pane.of("k", window, timestamp.getMillis(), pane(true, false, Timing.ON_TIME, 0, 0), 55)));
    assertEquals(GlobalWindow.INSTANCE.maxTimestamp().plus(1), t.core().nextEventTimeWakeUp());
  }

  @Test
  void emptyOnTimeAndFinalPanesFireUnderFireAlwaysInDiscardingMode() {
    GroupAlsoByWindowTester<String, Integer> t = tester(fixed(10)
            .withTrigger(EVERY_TWO_OR_AT_THE_WATERMARK)
            .withMode(AccumulationMode.DISCARDING_FIRED_PANES)
            .withAllowedLateness(Duration.millis(100))
            .withTimestampCombiner(TimestampCombiner.EARLIEST)
            .withClosingBehavior(ClosingBehavior.FIRE_ALWAYS))
        .advanceInputWatermark(0)
        .addElements("k", at(1, 1), at(2, 2));
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 1, 2)));

    t.advanceInputWatermark(50);
    assertThat(t.extractPanes(), contains(Pane.<String, Integer>of("k", W0, 9, pane(false, false, Timing.ON_TIME, 1, 0))));
    t.advanceInputWatermark(150);
    assertThat(t.extractPanes(), contains(Pane.<String, Integer>of("k", W0, 9, pane(false, true, Timing.LATE, 2, 1))));
  }

  @Test
  void onTimeAndFinalPanesWithoutNewElementsRepeatTheContentsUnderFireAlwaysInAccumulatingMode() {
    GroupAlsoByWindowTester<String, Integer> t = tester(fixed(10)
            .withTrigger(EVERY_TWO_OR_AT_THE_WATERMARK)
            .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
            .withAllowedLateness(Duration.millis(100))
            .withTimestampCombiner(TimestampCombiner.EARLIEST)
            .withClosingBehavior(ClosingBehavior.FIRE_ALWAYS))
        .advanceInputWatermark(0)
        .addElements("k", at(1, 1), at(2, 2));
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 1, 2)));

    t.advanceInputWatermark(50);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(false, false, Timing.ON_TIME, 1, 0), 1, 2)));
    t.advanceInputWatermark(150);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(false, true, Timing.LATE, 2, 1), 1, 2)));
  }

  @Test
  void noFinalPaneWithoutNewElementsUnderFireIfNonEmpty() {
    GroupAlsoByWindowTester<String, Integer> t = tester(fixed(10)
            .withTrigger(EVERY_TWO_OR_AT_THE_WATERMARK)
            .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
            .withAllowedLateness(Duration.millis(100))
            .withTimestampCombiner(TimestampCombiner.EARLIEST))
        .advanceInputWatermark(0)
        .addElements("k", at(1, 1), at(2, 2))
        .advanceInputWatermark(20)
        .advanceInputWatermark(250);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 1, 2),
        Pane.of("k", W0, 9, pane(false, false, Timing.ON_TIME, 1, 0), 1, 2)));
  }

  @Test
  void finalPaneWithoutNewElementsUnderFireAlways() {
    GroupAlsoByWindowTester<String, Integer> t = tester(fixed(10)
            .withTrigger(EVERY_TWO_OR_AT_THE_WATERMARK)
            .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
            .withAllowedLateness(Duration.millis(100))
            .withTimestampCombiner(TimestampCombiner.EARLIEST)
            .withClosingBehavior(ClosingBehavior.FIRE_ALWAYS))
        .advanceInputWatermark(0)
        .addElements("k", at(1, 1), at(2, 2))
        .advanceInputWatermark(20)
        .advanceInputWatermark(250);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 1, 2),
        Pane.of("k", W0, 9, pane(false, false, Timing.ON_TIME, 1, 0), 1, 2),
        Pane.of("k", W0, 9, pane(false, true, Timing.LATE, 2, 1), 1, 2)));
  }

  @Test
  void orFinallyOnTheWatermarkMakesTheOnTimePaneTheLast() {
    GroupAlsoByWindowTester<String, Integer> t = tester(fixed(10)
            .withTrigger(Repeatedly.forever(AfterPane.elementCountAtLeast(2)).orFinally(AfterWatermark.pastEndOfWindow()))
            .withMode(AccumulationMode.DISCARDING_FIRED_PANES)
            .withAllowedLateness(Duration.millis(100))
            .withClosingBehavior(ClosingBehavior.FIRE_ALWAYS))
        .advanceInputWatermark(0)
        .addElements("k", at(1, 1), at(2, 2));
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(true, false, Timing.EARLY, 0, -1), 1, 2)));

    t.advanceInputWatermark(150);
    assertThat(t.extractPanes(), contains(Pane.<String, Integer>of("k", W0, 9, pane(false, true, Timing.ON_TIME, 1, 0))));
  }

  @Test
  void processingTimeTriggerHoldsForItsElementsAndAtExpiryForLateOnes() {
    Duration lateness = Duration.standardDays(1);
    GroupAlsoByWindowTester<String, Integer> t = tester(fixed(10)
            .withTrigger(Repeatedly.forever(
                AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.standardSeconds(5))))
            .withAllowedLateness(lateness))
        .advanceInputWatermark(0)
        .advanceProcessingTime(0)
        .addElement("k", 1, 1);
    assertEquals(new Instant(9), t.core().getOutputWatermarkHold());

    t.advanceProcessingTime(6000);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(true, false, Timing.EARLY, 0, -1), 1)));
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold());

    t.advanceInputWatermark(new Instant(9).plus(Duration.standardHours(1))).addElement("k", 3, 3);
    assertEquals(new Instant(9).plus(lateness), t.core().getOutputWatermarkHold());
  }

  @Test
  void elementsAreDroppedOnlyInTheSlidingWindowsWhoseTriggerFinished() {
    GroupAlsoByWindowTester<String, Integer> t = summing(
        WindowingStrategy.of(SlidingWindows.of(Duration.millis(100)).every(Duration.millis(30)))
            .withTrigger(AfterWatermark.pastEndOfWindow())
            .withAllowedLateness(Duration.millis(1000)))
        // 23 is in [-60, 40), [-30, 70), [0, 100); 40 in [-30, 70), [0, 100), [30, 130).
        .addElements("k", at(10, 23), at(12, 40));
    assertEquals(0, t.core().droppedDueToClosedWindow());

    t.advanceInputWatermark(70).addElement("k", 14, 60);
    assertEquals(1, t.core().droppedDueToClosedWindow(), "[-30, 70) has closed");
    t.advanceInputWatermark(130).addElement("k", 16, 40);
    assertEquals(4, t.core().droppedDueToClosedWindow(), "all three windows of 40 have closed");
    assertEquals(0, t.core().droppedDueToLateness());
  }

  private static GroupAlsoByWindowTester<String, Integer> fourElementsOneEarlyPaneAt6(WindowingStrategy<?, ?> strategy) {
    GroupAlsoByWindowTester<String, Integer> t = summing(strategy)
        .advanceInputWatermark(0)
        .advanceProcessingTime(0)
        .addElements("k", at(1, 1), at(1, 3), at(1, 7), at(1, 5))
        .advanceProcessingTime(6);
    return t;
  }

  private static WindowingStrategy<?, ?> earlyEvery5ThenLateEvery25() {
    return fixed(10)
        .withTimestampCombiner(TimestampCombiner.EARLIEST)
        .withTrigger(EARLY_EVERY_5_THEN_LATE_EVERY_25)
        .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
        .withAllowedLateness(Duration.millis(100));
  }

  @Test
  void emptyOnTimePaneFiresWhenAnOrFinallyOnTheWatermarkEndsTheEarlyPhase() {
    GroupAlsoByWindowTester<String, Integer> t =
        fourElementsOneEarlyPaneAt6(earlyEvery5ThenLateEvery25()).advanceInputWatermark(11);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 4),
        Pane.of("k", W0, 9, pane(false, false, Timing.ON_TIME, 1, 0), 4)));
  }

  @Test
  void emptyOnTimePaneIsSkippedUnderOnTimeFireIfNonEmptyAndTheFinalPaneIsLate() {
    GroupAlsoByWindowTester<String, Integer> t = fourElementsOneEarlyPaneAt6(earlyEvery5ThenLateEvery25()
            .withClosingBehavior(ClosingBehavior.FIRE_ALWAYS)
            .withOnTimeBehavior(OnTimeBehavior.FIRE_IF_NON_EMPTY))
        .advanceInputWatermark(11)
        .advanceInputWatermark(110);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 4),
        Pane.of("k", W0, 9, pane(false, true, Timing.LATE, 1, 0), 4)));
  }

  @Test
  void lateDataAfterASkippedEmptyOnTimePaneFiresALatePane() {
    GroupAlsoByWindowTester<String, Integer> t = fourElementsOneEarlyPaneAt6(earlyEvery5ThenLateEvery25()
            .withOnTimeBehavior(OnTimeBehavior.FIRE_IF_NON_EMPTY))
        .advanceInputWatermark(11)
        .addElement("k", 1, 9)
        .advanceProcessingTime(6 + 25 + 1);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 4),
        Pane.of("k", W0, 9, pane(false, false, Timing.LATE, 1, 0), 5)));
  }

  @Test
  void emptyOnTimePaneFiresByDefaultEvenUnderClosingFireIfNonEmpty() {
    GroupAlsoByWindowTester<String, Integer> t = summing(fixed(10)
            .withTimestampCombiner(TimestampCombiner.EARLIEST)
            .withTrigger(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1)))
            .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
            .withAllowedLateness(Duration.ZERO)
            .withClosingBehavior(ClosingBehavior.FIRE_IF_NON_EMPTY))
        .advanceInputWatermark(0)
        .advanceProcessingTime(0)
        .addElement("k", 1, 1)
        .advanceInputWatermark(11);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 1),
        Pane.of("k", W0, 9, pane(false, true, Timing.ON_TIME, 1, 0), 1)));
  }

  @Test
  void earlyOnTimeAndLateProcessingTimeFiringsAroundTheWatermark() {
    GroupAlsoByWindowTester<String, Integer> t = fourElementsOneEarlyPaneAt6(earlyEvery5ThenLateEvery25())
        .addElements("k", at(1, 8), at(1, 4))
        .advanceInputWatermark(11)
        .addElements("k", at(1, 8), at(1, 4), at(1, 5))
        .advanceInputWatermark(12)
        .addElement("k", 1, 3)
        .advanceProcessingTime(15)
        .addElement("k", 1, 5)
        .advanceProcessingTime(32)
        .addElement("k", 1, 3)
        .advanceInputWatermark(125);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 4),
        Pane.of("k", W0, 4, pane(false, false, Timing.ON_TIME, 1, 0), 6),
        Pane.of("k", W0, 9, pane(false, false, Timing.LATE, 2, 1), 11),
        Pane.of("k", W0, 9, pane(false, true, Timing.LATE, 3, 2), 12)));
  }

  @Test
  void globalWindowFiresItsRemainderOnTimeWhenTheWatermarkReachesTheEndOfTime() {
    GroupAlsoByWindowTester<String, Integer> t = tester(WindowingStrategy.of(new GlobalWindows())
            .withTrigger(Repeatedly.forever(AfterPane.elementCountAtLeast(3)))
            .withMode(AccumulationMode.DISCARDING_FIRED_PANES))
        .advanceInputWatermark(0);
    for (int i = 0; i < 20; i++) {
      t.addElement("k", i, i);
    }
    List<Pane<String, Integer>> early = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      early.add(Pane.of("k", GlobalWindow.INSTANCE, GLOBAL_END, pane(i == 0, false, Timing.EARLY, i, -1),
          3 * i, 3 * i + 1, 3 * i + 2));
    }
    assertEquals(early, t.extractPanes());

    t.advanceInputWatermark(BoundedWindow.TIMESTAMP_MAX_VALUE);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", GlobalWindow.INSTANCE, GLOBAL_END, pane(false, true, Timing.ON_TIME, 6, 0), 18, 19)));
  }

  @Test
  void globalWindowFiresAnEmptyOnTimePaneWhenTheWatermarkReachesTheEndOfTime() {
    GroupAlsoByWindowTester<String, Integer> t = tester(WindowingStrategy.of(new GlobalWindows())
        .withTrigger(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(3))))
        .withMode(AccumulationMode.DISCARDING_FIRED_PANES));
    for (int i = 0; i < 20; i++) {
      t.advanceProcessingTime(i).addElement("k", i, i);
    }
    t.advanceProcessingTime(24);
    List<Pane<String, Integer>> early = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      early.add(Pane.of("k", GlobalWindow.INSTANCE, GLOBAL_END, pane(i == 0, false, Timing.EARLY, i, -1),
          4 * i, 4 * i + 1, 4 * i + 2, 4 * i + 3));
    }
    assertEquals(early, t.extractPanes());

    t.advanceInputWatermark(BoundedWindow.TIMESTAMP_MAX_VALUE);
    assertThat(t.extractPanes(), contains(
        Pane.<String, Integer>of("k", GlobalWindow.INSTANCE, GLOBAL_END, pane(false, true, Timing.ON_TIME, 5, 0))));
  }

  @Test
  void lateElementHoldsTheOutputWatermarkAtExpiryForItsFinalPane() {
    GroupAlsoByWindowTester<String, Integer> t = tester(fixed(10)
            .withTrigger(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(2)))
            .withMode(AccumulationMode.DISCARDING_FIRED_PANES)
            .withAllowedLateness(Duration.millis(100)))
        .advanceInputWatermark(0)
        .addElement("k", 1, 1)
        .advanceInputWatermark(109)
        .addElement("k", 2, 2);
    assertEquals(new Instant(109), t.core().getOutputWatermarkHold());

    t.advanceInputWatermark(110);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 9, pane(true, false, Timing.ON_TIME, 0, 0), 1),
        Pane.of("k", W0, 9, pane(false, true, Timing.LATE, 1, 1), 2)));
  }
}
