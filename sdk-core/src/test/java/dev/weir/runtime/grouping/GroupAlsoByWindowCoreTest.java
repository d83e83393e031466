package dev.weir.runtime.grouping;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.runtime.grouping.GroupAlsoByWindowTester.Pane;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.windowing.AfterPane;
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
import dev.weir.sdk.transforms.windowing.Window.ClosingBehavior;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The grouping core with the default trigger: panes, timestamps, holds, lateness, merging,
 * wake-ups, clocks and snapshots. Every test restores the core from its snapshot after each step.
 */
class GroupAlsoByWindowCoreTest {
  private static final WindowingStrategy<?, ?> FIXED_10 = WindowingStrategy.of(FixedWindows.of(Duration.millis(10)));
  private static final IntervalWindow W0 = window(0, 10);
  private static final IntervalWindow W10 = window(10, 20);

  private static IntervalWindow window(long start, long end) {
    return new IntervalWindow(new Instant(start), new Instant(end));
  }

  private static PaneInfo pane(boolean first, boolean last, Timing timing, long index, long onTimeIndex) {
    return PaneInfo.createPane(first, last, timing, index, onTimeIndex);
  }

  private static GroupAlsoByWindowTester<String, Integer> tester(WindowingStrategy<?, ?> strategy) {
    return GroupAlsoByWindowTester.of(StringUtf8Coder.of(), VarIntCoder.of(), strategy);
  }

  @Test
  void defaultTriggerEmitsOneOnTimePanePerWindowAtItsEndMinusOneMilli() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10)
        .addElement("k", 1, 1)
        .addElement("k", 2, 9)
        .addElement("k", 3, 12)
        .advanceInputWatermark(15);

    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1, 2)));
    t.advanceInputWatermark(100);
    assertThat(t.extractPanes(), contains(Pane.of("k", W10, 19, PaneInfo.ON_TIME_AND_ONLY_FIRING, 3)));
    assertTrue(t.core().isEmpty());
    assertTrue(t.restores() > 0);
  }

  @Test
  void watermarkAtTheWindowsMaxTimestampDoesNotFireIt() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10).addElement("k", 1, 1).advanceInputWatermark(9);

    assertThat(t.extractPanes(), empty());
    t.advanceInputWatermark(10);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1)));
  }

  @Test
  void keysAreGroupedSeparatelyAndFireInKeyEncodingOrder() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10)
        .addElement("b", 1, 1)
        .addElement("a", 2, 2)
        .addElement("b", 3, 3)
        .advanceInputWatermark(10);

    assertThat(t.extractPanes(), contains(
        Pane.of("a", W0, 9, PaneInfo.ON_TIME_AND_ONLY_FIRING, 2),
        Pane.of("b", W0, 9, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1, 3)));
  }

  @Test
  void windowsDueInOneAdvanceFireInOrderOfTheirEnd() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10)
        .addElement("b", 1, 1)
        .addElement("a", 2, 15)
        .advanceInputWatermark(100);

    assertThat(t.extractPanes(), contains(
        Pane.of("b", W0, 9, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1),
        Pane.of("a", W10, 19, PaneInfo.ON_TIME_AND_ONLY_FIRING, 2)));
  }

  @Test
  void endOfWindowCombinerHoldsTheOutputWatermarkAtTheEndOfTheWindow() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10).addElement("k", 1, 3);

    assertEquals(new Instant(9), t.core().getOutputWatermarkHold());
    t.advanceInputWatermark(10);
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold());
  }

  @Test
  void earliestCombinerTimestampsThePaneAndHoldsAtTheEarliestElement() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(FIXED_10.withTimestampCombiner(TimestampCombiner.EARLIEST))
            .addElement("k", 1, 5)
            .addElement("k", 2, 3)
            .addElement("k", 3, 7);

    assertEquals(new Instant(3), t.core().getOutputWatermarkHold());
    t.advanceInputWatermark(10);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 3, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1, 2, 3)));
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold());
  }

  @Test
  void latestCombinerTimestampsThePaneAndHoldsAtTheLatestElement() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(FIXED_10.withTimestampCombiner(TimestampCombiner.LATEST))
            .addElement("k", 1, 5)
            .addElement("k", 2, 7)
            .addElement("k", 3, 3);

    assertEquals(new Instant(7), t.core().getOutputWatermarkHold());
    t.advanceInputWatermark(10);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 7, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1, 2, 3)));
  }

  @Test
  void earliestCombinerDoesNotHoldForAnElementBehindTheOutputWatermark() {
    // The output watermark reaches 4 (nothing holds it); an element at 2 can no longer hold there,
    // so Beam holds at the garbage-collection time instead and the pane takes the window's end.
    GroupAlsoByWindowTester<String, Integer> t =
        tester(FIXED_10.withTimestampCombiner(TimestampCombiner.EARLIEST))
            .advanceInputWatermark(4)
            .addElement("k", 1, 2);

    assertEquals(new Instant(4), t.core().currentOutputWatermark("k"));
    assertEquals(new Instant(9), t.core().getOutputWatermarkHold());
    t.advanceInputWatermark(10);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1)));
  }

  @Test
  void latePanesFireForDataWithinTheAllowedLateness() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10.withAllowedLateness(Duration.millis(100)))
        .addElement("k", 1, 1)
        .advanceInputWatermark(50);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(true, false, Timing.ON_TIME, 0, 0), 1)));

    t.addElement("k", 2, 2);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(false, false, Timing.LATE, 1, 1), 2)));
    t.addElement("k", 3, 3);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(false, false, Timing.LATE, 2, 2), 3)));
    t.advanceInputWatermark(200);
    assertThat("no final pane without data under FIRE_IF_NON_EMPTY", t.extractPanes(), empty());
    assertTrue(t.core().isEmpty());
  }

  @Test
  void fireAlwaysHoldsTheOutputWatermarkForTheFinalPaneAfterEachPane() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(FIXED_10.withAllowedLateness(Duration.millis(100)).withClosingBehavior(ClosingBehavior.FIRE_ALWAYS))
            .addElement("k", 1, 1)
            .advanceInputWatermark(50);
    t.extractPanes();

    assertEquals(new Instant(109), t.core().getOutputWatermarkHold());
  }

  @Test
  void elementWhenTheWatermarkIsExactlyAtTheGarbageCollectionTimeIsKept() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10.withAllowedLateness(Duration.millis(100)))
        .addElement("k", 1, 1)
        .advanceInputWatermark(109)
        .addElement("k", 2, 2);

    assertEquals(0, t.core().droppedDueToLateness());
    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 9, pane(true, false, Timing.ON_TIME, 0, 0), 1),
        Pane.of("k", W0, 9, pane(false, false, Timing.LATE, 1, 1), 2)));
  }

  @Test
  void elementOneMilliPastTheGarbageCollectionTimeIsDroppedAndCounted() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10.withAllowedLateness(Duration.millis(100)))
        .addElement("k", 1, 1)
        .advanceInputWatermark(50)
        .advanceInputWatermark(110)
        .addElement("k", 2, 2);

    assertEquals(1, t.core().droppedDueToLateness());
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(true, false, Timing.ON_TIME, 0, 0), 1)));
    assertTrue(t.core().isEmpty());
  }

  @Test
  void withoutAllowedLatenessDataForAPassedWindowIsDropped() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10)
        .advanceInputWatermark(10)
        .addElement("k", 1, 9);

    assertEquals(1, t.core().droppedDueToLateness());
    assertTrue(t.core().isEmpty());
  }

  @Test
  void watermarkExactlyAtTheEndOfTheLastMillisecondKeepsDataWithoutLateness() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10).advanceInputWatermark(9).addElement("k", 1, 9);

    assertEquals(0, t.core().droppedDueToLateness());
  }

  @Test
  void finalPaneFiresEmptyAtGarbageCollectionUnderFireAlways() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(FIXED_10.withAllowedLateness(Duration.millis(100)).withClosingBehavior(ClosingBehavior.FIRE_ALWAYS))
            .addElement("k", 1, 1)
            .advanceInputWatermark(50)
            .advanceInputWatermark(110);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 9, pane(true, false, Timing.ON_TIME, 0, 0), 1),
        Pane.of("k", W0, 9, pane(false, true, Timing.LATE, 1, 1))));
  }

  @Test
  void oneJumpPastEndAndGarbageCollectionEmitsASingleOnTimeFinalPane() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(FIXED_10.withAllowedLateness(Duration.millis(100)).withClosingBehavior(ClosingBehavior.FIRE_ALWAYS))
            .addElement("k", 1, 1)
            .advanceInputWatermark(500);

    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1)));
  }

  @Test
  void anElementInSeveralWindowsJoinsEachWindowsPane() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10);
    t.core().processElements("k", List.of(WindowedValue.of(7, new Instant(5), List.of(W0, W10), PaneInfo.NO_FIRING)));
    t.core().advanceInputWatermark(new Instant(100));

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 9, PaneInfo.ON_TIME_AND_ONLY_FIRING, 7),
        Pane.of("k", W10, 19, PaneInfo.ON_TIME_AND_ONLY_FIRING, 7)));
  }

  @Test
  void globalWindowFiresOncePerKeyWhenTheWatermarkReachesTheEndOfTime() {
    GroupAlsoByWindowTester<String, Integer> t = tester(WindowingStrategy.of(new GlobalWindows()))
        .addElement("k", 1, 1)
        .addElement("k", 2, 1_000_000)
        .advanceInputWatermark(GlobalWindow.INSTANCE.maxTimestamp());
    assertThat(t.extractPanes(), empty());

    t.advanceInputWatermark(BoundedWindow.TIMESTAMP_MAX_VALUE);
    assertThat(t.extractPanes(), contains(Pane.of(
        "k", GlobalWindow.INSTANCE, GlobalWindow.INSTANCE.maxTimestamp().getMillis(),
        PaneInfo.ON_TIME_AND_ONLY_FIRING, 1, 2)));
  }

  @Test
  void sessionsMergeOutOfOrderElementsIntoOnePane() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10))))
            .addElement("k", 1, 20)
            .addElement("k", 2, 5)
            .addElement("k", 3, 12)
            .addElement("k", 4, 40);

    t.advanceInputWatermark(100);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", window(5, 30), 29, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1, 2, 3),
        Pane.of("k", window(40, 50), 49, PaneInfo.ON_TIME_AND_ONLY_FIRING, 4)));
  }

  @Test
  void lateElementBridgingTwoSessionsMergesThemWithinTheAllowedLateness() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10))).withAllowedLateness(Duration.millis(100)))
            .addElement("k", 1, 0)
            .addElement("k", 2, 15)
            .advanceInputWatermark(12);
    assertThat(t.extractPanes(), contains(Pane.of("k", window(0, 10), 9, pane(true, false, Timing.ON_TIME, 0, 0), 1)));

    t.addElement("k", 3, 8);
    assertThat("the merged session [0, 25) has not ended", t.extractPanes(), empty());
    t.advanceInputWatermark(30);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", window(0, 25), 24, pane(true, false, Timing.ON_TIME, 0, 0), 2, 3)));
  }

  @Test
  void sessionMergedAfterItsOnTimePaneStartsItsPanesAfresh() {
    // As in Beam, a merged window that is new keeps no pane history of the windows merged into it.
    GroupAlsoByWindowTester<String, Integer> t =
        tester(WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10))).withAllowedLateness(Duration.millis(100)))
            .addElement("k", 1, 0)
            .addElement("k", 2, 30)
            .advanceInputWatermark(20);
    assertThat(t.extractPanes(), contains(Pane.of("k", window(0, 10), 9, pane(true, false, Timing.ON_TIME, 0, 0), 1)));

    t.addElement("k", 3, 5);
    assertThat(t.extractPanes(), contains(Pane.of("k", window(0, 15), 14, pane(true, false, Timing.LATE, 0, 0), 3)));
  }

  @Test
  void endOfWindowHoldMovesToTheMergedSessionsEnd() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10))))
            .addElement("k", 1, 0)
            .addElement("k", 2, 5);

    assertEquals(new Instant(14), t.core().getOutputWatermarkHold());
  }

  @Test
  void nextEventTimeWakeUpIsTheFirstWatermarkThatFiresAWindow() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10.withAllowedLateness(Duration.millis(100)));
    assertNull(t.core().nextEventTimeWakeUp());

    t.addElement("k", 1, 12).addElement("k", 2, 3);
    assertEquals(new Instant(10), t.core().nextEventTimeWakeUp());
    t.advanceInputWatermark(10);
    assertEquals(new Instant(20), t.core().nextEventTimeWakeUp());
    t.advanceInputWatermark(20);
    assertEquals(new Instant(110), t.core().nextEventTimeWakeUp(), "the garbage collection of [0, 10)");
    assertNull(t.core().nextProcessingTimeWakeUp());
  }

  @Test
  void outputWatermarkIsTheInputWatermarkHeldBackByTheHolds() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10.withTimestampCombiner(TimestampCombiner.EARLIEST))
        .addElement("k", 1, 3)
        .advanceInputWatermark(7);

    assertEquals(new Instant(3), t.core().currentOutputWatermark("k"));
    t.advanceInputWatermark(15);
    assertEquals(new Instant(15), t.core().currentOutputWatermark("k"));
  }

  @Test
  void paneTimingOfOneKeyDoesNotDependOnTheHoldsOfOtherKeys() {
    // Key "b" holds at 3 past the end of [0, 10) (its trigger waits for a second element). With
    // one output watermark for all keys, "a"'s late pane would count as ON_TIME next to "b" and as
    // LATE alone; with each key's own output watermark it is LATE either way.
    WindowingStrategy<?, ?> strategy = FIXED_10.withTimestampCombiner(TimestampCombiner.EARLIEST)
        .withAllowedLateness(Duration.millis(100))
        .withTrigger(Repeatedly.forever(AfterPane.elementCountAtLeast(2)));
    GroupAlsoByWindowTester<String, Integer> alone = tester(strategy);
    GroupAlsoByWindowTester<String, Integer> withOtherKey = tester(strategy).addElement("b", 9, 3);
    for (GroupAlsoByWindowTester<String, Integer> t : List.of(alone, withOtherKey)) {
      t.addElements("a", TimestampedValue.of(1, new Instant(1)), TimestampedValue.of(2, new Instant(2)))
          .advanceInputWatermark(12)
          .addElements("a", TimestampedValue.of(4, new Instant(4)), TimestampedValue.of(5, new Instant(5)));
    }

    List<Pane<String, Integer>> panesOfA = List.of(
        Pane.of("a", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 1, 2),
        Pane.of("a", W0, 9, pane(false, false, Timing.LATE, 1, 0), 4, 5));
    assertEquals(panesOfA, alone.extractPanes());
    assertEquals(panesOfA, withOtherKey.extractPanes());
    assertEquals(new Instant(3), withOtherKey.core().getOutputWatermarkHold());
  }

  @Test
  void movingTheInputWatermarkBackFailsWithBothValues() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10).advanceInputWatermark(10);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.advanceInputWatermark(9));
    assertThat(e.getMessage(), allOf(
        containsString("Test/GroupByKey"), containsString("input watermark cannot move back"),
        containsString(new Instant(10).toString()), containsString(new Instant(9).toString())));
  }

  @Test
  void movingProcessingTimeBackFailsWithBothValues() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10).advanceProcessingTime(1000);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.advanceProcessingTime(999));
    assertThat(e.getMessage(), allOf(
        containsString("processing time cannot move back"),
        containsString(new Instant(1000).toString()), containsString(new Instant(999).toString())));
  }

  @Test
  void movingSynchronizedProcessingTimeBackFailsWithBothValues() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10).advanceSynchronizedProcessingTime(1000);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.advanceSynchronizedProcessingTime(999));
    assertThat(e.getMessage(), containsString("synchronized processing time cannot move back"));
  }

  @Test
  void restoringAfterEveryStepGivesTheSameOutputAsOneCore() {
    GroupAlsoByWindowTester<String, Integer> restoring =
        tester(WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10))).withAllowedLateness(Duration.millis(50)));
    GroupAlsoByWindowTester<String, Integer> plain = restoring.withoutRestoring();
    for (GroupAlsoByWindowTester<String, Integer> t : List.of(restoring, plain)) {
      t.addElement("a", 1, 0).addElement("b", 2, 3).advanceInputWatermark(12)
          .addElements("a", TimestampedValue.of(3, new Instant(9)), TimestampedValue.of(4, new Instant(30)))
          .advanceInputWatermark(45).addElement("b", 5, 40).advanceInputWatermark(1000);
    }

    assertEquals(plain.extractOutput(), restoring.extractOutput());
    assertEquals(0, plain.restores());
  }

  @Test
  void outputIsAKeyedIterableInTheFiredWindowWithThePanesTimestamp() {
    GroupAlsoByWindowTester<String, Integer> t = tester(FIXED_10).addElement("k", 1, 1).advanceInputWatermark(10);

    assertThat(t.extractOutput(), contains(WindowedValue.of(
        KV.of("k", (Iterable<Integer>) List.of(1)), new Instant(9), W0, PaneInfo.ON_TIME_AND_ONLY_FIRING)));
  }
}
