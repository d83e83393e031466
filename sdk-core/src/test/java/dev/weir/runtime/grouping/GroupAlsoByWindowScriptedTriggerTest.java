package dev.weir.runtime.grouping;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.runtime.grouping.GroupAlsoByWindowTester.Pane;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.Window.ClosingBehavior;
import dev.weir.sdk.values.WindowingStrategy;
import dev.weir.sdk.values.WindowingStrategy.AccumulationMode;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * How the grouping core acts on a trigger's decisions, whatever the trigger: the scenarios of Beam's
 * {@code ReduceFnRunnerTest} that drive a mocked trigger, translated with a
 * {@link ScriptedTriggerStateMachine} over fixed windows of 10 ms and the earliest timestamp
 * combiner (as Beam's tester sets them up). Beam's behaviour is the reference. Every test restores
 * the core from its snapshot after each step.
 */
class GroupAlsoByWindowScriptedTriggerTest {
  private static final IntervalWindow W0 = new IntervalWindow(new Instant(0), new Instant(10));
  private static final IntervalWindow W10 = new IntervalWindow(new Instant(10), new Instant(20));

  private final ScriptedTriggerStateMachine trigger = new ScriptedTriggerStateMachine();

  private static PaneInfo pane(boolean first, boolean last, Timing timing, long index, long onTimeIndex) {
    return PaneInfo.createPane(first, last, timing, index, onTimeIndex);
  }

  private static WindowingStrategy<?, ?> fixed10(AccumulationMode mode, long latenessMillis, ClosingBehavior closing) {
    return WindowingStrategy.of(FixedWindows.of(Duration.millis(10)))
        .withTimestampCombiner(TimestampCombiner.EARLIEST)
        .withMode(mode)
        .withAllowedLateness(Duration.millis(latenessMillis))
        .withClosingBehavior(closing);
  }

  private GroupAlsoByWindowTester<String, Integer> tester(AccumulationMode mode, long latenessMillis,
      ClosingBehavior closing) {
    return GroupAlsoByWindowTester.of(
        StringUtf8Coder.of(), VarIntCoder.of(), fixed10(mode, latenessMillis, closing), trigger);
  }

  private GroupAlsoByWindowTester<String, Integer> summing(AccumulationMode mode) {
    return GroupAlsoByWindowTester.summing(
        StringUtf8Coder.of(), fixed10(mode, 100, ClosingBehavior.FIRE_IF_NON_EMPTY), trigger);
  }

  /** Adds the element {@code n} with timestamp {@code n}, as Beam's test does, in a call of its own. */
  private static GroupAlsoByWindowTester<String, Integer> add(GroupAlsoByWindowTester<String, Integer> t, int n) {
    return t.addElement("k", n, n);
  }

  @Test
  void firingAndFinishingFollowTheTriggerInDiscardingMode() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(AccumulationMode.DISCARDING_FIRED_PANES, 100, ClosingBehavior.FIRE_IF_NON_EMPTY);
    add(t, 1);
    trigger.firing(true);
    add(t, 2);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 1, 2)));

    trigger.finishingWhenFired();
    add(t, 3);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 3, pane(false, true, Timing.EARLY, 1, -1), 3)));
    add(t, 4);
    assertThat(t.extractPanes(), empty());
    assertEquals(1, t.core().droppedDueToClosedWindow());
  }

  @Test
  void firingAndFinishingFollowTheTriggerInAccumulatingMode() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(AccumulationMode.ACCUMULATING_FIRED_PANES, 100, ClosingBehavior.FIRE_IF_NON_EMPTY);
    add(t, 1);
    trigger.firing(true);
    add(t, 2);
    trigger.finishingWhenFired();
    add(t, 3);
    add(t, 4);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 1, 2),
        Pane.of("k", W0, 3, pane(false, true, Timing.EARLY, 1, -1), 1, 2, 3)));
    assertEquals(1, t.core().droppedDueToClosedWindow());
  }

  @Test
  void combiningPanesFollowTheTriggerInDiscardingMode() {
    GroupAlsoByWindowTester<String, Integer> t = summing(AccumulationMode.DISCARDING_FIRED_PANES);
    add(t, 2);
    trigger.firing(true);
    add(t, 3);
    trigger.finishingWhenFired();
    add(t, 4);
    add(t, 6);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 2, pane(true, false, Timing.EARLY, 0, -1), 5),
        Pane.of("k", W0, 4, pane(false, true, Timing.EARLY, 1, -1), 4)));
    assertEquals(1, t.core().droppedDueToClosedWindow());
  }

  @Test
  void combiningPanesFollowTheTriggerInAccumulatingMode() {
    GroupAlsoByWindowTester<String, Integer> t = summing(AccumulationMode.ACCUMULATING_FIRED_PANES);
    add(t, 1);
    trigger.firing(true);
    add(t, 2);
    trigger.finishingWhenFired();
    add(t, 3);
    add(t, 4);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 3),
        Pane.of("k", W0, 3, pane(false, true, Timing.EARLY, 1, -1), 6)));
    assertEquals(1, t.core().droppedDueToClosedWindow());
  }

  @Test
  void combiningPanesOfATriggerFiringOnEveryElementAccumulatePerWindow() {
    // Beam's scenario also hands the CombineFn a context with options and side inputs, which Weir's
    // CombineFn does not have; the panes are the same without them.
    GroupAlsoByWindowTester<String, Integer> t = GroupAlsoByWindowTester.summing(StringUtf8Coder.of(),
        WindowingStrategy.of(FixedWindows.of(Duration.millis(2))).withMode(AccumulationMode.ACCUMULATING_FIRED_PANES),
        trigger.firing(true));
    for (int i = 0; i < 8; i++) {
      add(t, i);
    }

    List<Pane<String, Integer>> expected = new ArrayList<>();
    for (int start = 0; start < 8; start += 2) {
      IntervalWindow window = new IntervalWindow(new Instant(start), new Instant(start + 2));
      expected.add(Pane.of("k", window, start + 1, pane(true, false, Timing.EARLY, 0, -1), start));
      expected.add(Pane.of("k", window, start + 1, pane(false, false, Timing.EARLY, 1, -1), start + start + 1));
    }
    assertEquals(expected, t.extractPanes());
  }

  @Test
  void holdsFollowOnTimeAndLateElementsThroughEarlyOnTimeAndFinalPanes() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(AccumulationMode.ACCUMULATING_FIRED_PANES, 10, ClosingBehavior.FIRE_IF_NON_EMPTY);
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold());
    add(t, 1);
    add(t, 3);
    assertEquals(new Instant(1), t.core().getOutputWatermarkHold());
    trigger.firing(true);
    add(t, 2);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 1, 2, 3)));
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold());

    t.advanceInputWatermark(4);
    assertEquals(new Instant(4), t.core().currentOutputWatermark("k"));
    trigger.firing(false);
    add(t, 2);
    add(t, 3);
    assertEquals(new Instant(19), t.core().getOutputWatermarkHold(), "behind the output watermark: held for expiry");
    add(t, 5);
    assertEquals(new Instant(5), t.core().getOutputWatermarkHold(), "ahead of it: held at the element");
    trigger.firing(true);
    add(t, 4);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 4, pane(false, false, Timing.EARLY, 1, -1), 1, 2, 3, 2, 3, 4, 5)));
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold());

    trigger.firing(false);
    t.advanceInputWatermark(8);
    add(t, 6);
    add(t, 5);
    assertEquals(new Instant(19), t.core().getOutputWatermarkHold());
    add(t, 4);
    trigger.firing(true);
    t.advanceInputWatermark(10);
    assertThat("every new element was late, so the pane takes the end of the window",
        t.extractPanes(), contains(
            Pane.of("k", W0, 9, pane(false, false, Timing.ON_TIME, 2, 0), 1, 2, 3, 2, 3, 4, 5, 4, 5, 6)));

    trigger.firing(false);
    add(t, 8);
    t.advanceInputWatermark(50);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", W0, 9, pane(false, true, Timing.LATE, 3, 1), 1, 2, 3, 2, 3, 4, 5, 4, 5, 6, 8)));
    assertEquals(0, t.core().droppedDueToClosedWindow());
    assertEquals(new Instant(50), t.core().currentOutputWatermark("k"));
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold());
    assertTrue(t.core().isEmpty());
  }

  @Test
  void windowFiredAtItsEndUnderFireAlwaysWaitsForExpiryOnAnExpiryHold() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(AccumulationMode.ACCUMULATING_FIRED_PANES, 10, ClosingBehavior.FIRE_ALWAYS);
    add(t, 14);
    t.advanceInputWatermark(15);
    assertEquals(new Instant(14), t.core().getOutputWatermarkHold());

    trigger.firing(true);
    t.advanceInputWatermark(20);
    assertThat(t.extractPanes(), contains(Pane.of("k", W10, 14, pane(true, false, Timing.ON_TIME, 0, 0), 14)));
    assertEquals(new Instant(29), t.core().getOutputWatermarkHold());
    assertEquals(new Instant(30), t.core().nextEventTimeWakeUp());

    trigger.firing(false);
    add(t, 13);
    assertEquals(new Instant(29), t.core().getOutputWatermarkHold());
    assertEquals(new Instant(30), t.core().nextEventTimeWakeUp());
    t.advanceInputWatermark(30);
    assertThat(t.extractPanes(), contains(Pane.of("k", W10, 19, pane(false, true, Timing.LATE, 1, 1), 14, 13)));
    assertTrue(t.core().isEmpty());
  }

  @Test
  void paneTimingMovesFromEarlyThroughOnTimeToLate() {
    // Beam holds the output watermark back by hand here; a held element does it in Weir, whose
    // output watermark is derived from the holds.
    GroupAlsoByWindowTester<String, Integer> t =
        tester(AccumulationMode.DISCARDING_FIRED_PANES, 100, ClosingBehavior.FIRE_IF_NON_EMPTY);
    t.advanceInputWatermark(0);
    trigger.firing(true);
    add(t, 1);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 1, pane(true, false, Timing.EARLY, 0, -1), 1)));
    add(t, 2);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 2, pane(false, false, Timing.EARLY, 1, -1), 2)));

    trigger.firing(false);
    add(t, 3);
    t.advanceInputWatermark(15);
    trigger.firing(true);
    add(t, 4);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 3, pane(false, false, Timing.ON_TIME, 2, 0), 3, 4)));
    add(t, 5);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(false, false, Timing.LATE, 3, 1), 5)));
    trigger.finishingWhenFired();
    add(t, 6);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(false, true, Timing.LATE, 4, 2), 6)));
  }

  @Test
  void triggerFinishingAtItsFirstFiringGivesAFirstAndLastEarlyPane() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(AccumulationMode.DISCARDING_FIRED_PANES, 100, ClosingBehavior.FIRE_IF_NON_EMPTY);
    t.advanceInputWatermark(0);
    trigger.firing(true).finishingWhenFired();
    add(t, 1);

    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 1, pane(true, true, Timing.EARLY, 0, -1), 1)));
  }

  @Test
  void firstAndLastPaneOfAWindowBehindTheWatermarkIsLate() {
    GroupAlsoByWindowTester<String, Integer> t =
        tester(AccumulationMode.DISCARDING_FIRED_PANES, 100, ClosingBehavior.FIRE_IF_NON_EMPTY);
    t.advanceInputWatermark(15);
    trigger.firing(true).finishingWhenFired();
    add(t, 1);

    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(true, true, Timing.LATE, 0, 0), 1)));
  }

  /** Two elements, then the watermark past their window, whose trigger holds back until asked at 100. */
  private GroupAlsoByWindowTester<String, Integer> onTimePaneAskedForAtProcessingTime100(AccumulationMode mode) {
    trigger.askedAgainAt(100, 200);
    GroupAlsoByWindowTester<String, Integer> t = tester(mode, 100, ClosingBehavior.FIRE_IF_NON_EMPTY);
    add(t, 1);
    add(t, 2);
    t.advanceInputWatermark(12);
    trigger.firing(true);
    t.advanceProcessingTime(100);
    return t;
  }

  @Test
  void firingWithoutNewElementsEmitsNothingAndKeepsThePaneIndexInDiscardingMode() {
    GroupAlsoByWindowTester<String, Integer> t = onTimePaneAskedForAtProcessingTime100(
        AccumulationMode.DISCARDING_FIRED_PANES);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 1, pane(true, false, Timing.ON_TIME, 0, 0), 1, 2)));

    t.advanceProcessingTime(200);
    assertThat("the trigger fired with nothing new", t.extractPanes(), empty());
    trigger.finishingWhenFired();
    add(t, 3);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(false, true, Timing.LATE, 1, 1), 3)));
    assertEquals(0, t.core().droppedDueToClosedWindow());
  }

  @Test
  void firingWithoutNewElementsEmitsNothingAndKeepsThePaneIndexInAccumulatingMode() {
    GroupAlsoByWindowTester<String, Integer> t = onTimePaneAskedForAtProcessingTime100(
        AccumulationMode.ACCUMULATING_FIRED_PANES);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 1, pane(true, false, Timing.ON_TIME, 0, 0), 1, 2)));

    t.advanceProcessingTime(200);
    assertThat("the trigger fired with nothing new", t.extractPanes(), empty());
    trigger.finishingWhenFired();
    add(t, 3);
    assertThat(t.extractPanes(), contains(Pane.of("k", W0, 9, pane(false, true, Timing.LATE, 1, 1), 1, 2, 3)));
    assertEquals(0, t.core().droppedDueToClosedWindow());
  }
}
