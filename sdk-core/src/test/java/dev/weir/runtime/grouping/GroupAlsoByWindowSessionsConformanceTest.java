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
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.Window.ClosingBehavior;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.WindowingStrategy;
import dev.weir.sdk.values.WindowingStrategy.AccumulationMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of Beam's {@code ReduceFnRunnerTest} over session windows, translated to the
 * grouping core: merging before firing, closed sessions and the elements that reach them again, and
 * the watermark holds of late sessions as they merge. Scenarios that mock Beam's trigger use a
 * {@link ScriptedTriggerStateMachine}. Beam's behaviour is the reference. Every test restores the
 * core from its snapshot after each step.
 */
class GroupAlsoByWindowSessionsConformanceTest {
  private static final Duration GAP = Duration.millis(10);
  private static final Duration ONE_MINUTE = Duration.standardMinutes(1);

  private final ScriptedTriggerStateMachine trigger = new ScriptedTriggerStateMachine();

  private static IntervalWindow window(long start, long end) {
    return new IntervalWindow(new Instant(start), new Instant(end));
  }

  private static TimestampedValue<Integer> at(int value, long timestamp) {
    return TimestampedValue.of(value, new Instant(timestamp));
  }

  /** Adds each value {@code n} with timestamp {@code n}, together in one call. */
  private static GroupAlsoByWindowTester<String, Integer> add(GroupAlsoByWindowTester<String, Integer> t, int... values) {
    List<TimestampedValue<Integer>> timestamped = new ArrayList<>();
    for (int value : values) {
      timestamped.add(at(value, value));
    }
    @SuppressWarnings("unchecked")
    TimestampedValue<Integer>[] array = timestamped.toArray(new TimestampedValue[0]);
    return t.addElements("k", array);
  }

  /** Sessions with the scripted trigger, as Beam's tester sets up its mocked-trigger cases. */
  private GroupAlsoByWindowTester<String, Integer> scripted(long latenessMillis) {
    return GroupAlsoByWindowTester.of(StringUtf8Coder.of(), VarIntCoder.of(),
        WindowingStrategy.of(Sessions.withGapDuration(GAP))
            .withTimestampCombiner(TimestampCombiner.EARLIEST)
            .withMode(AccumulationMode.DISCARDING_FIRED_PANES)
            .withAllowedLateness(Duration.millis(latenessMillis))
            .withClosingBehavior(ClosingBehavior.FIRE_IF_NON_EMPTY),
        trigger);
  }

  /** Sessions firing at their end and then once per late element (or per {@code lateCount} of them). */
  private static GroupAlsoByWindowTester<String, Integer> lateFirings(int lateCount, Duration lateness) {
    return GroupAlsoByWindowTester.of(StringUtf8Coder.of(), VarIntCoder.of(),
        WindowingStrategy.of(Sessions.withGapDuration(GAP))
            .withMode(AccumulationMode.DISCARDING_FIRED_PANES)
            .withTrigger(Repeatedly.forever(
                AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(lateCount))))
            .withAllowedLateness(lateness));
  }

  @Test
  void sessionPassingEndAndExpiryInOneAdvanceGivesOneFinalOnTimePane() {
    GroupAlsoByWindowTester<String, Integer> t = GroupAlsoByWindowTester.of(StringUtf8Coder.of(), VarIntCoder.of(),
            WindowingStrategy.of(Sessions.withGapDuration(GAP))
                .withTimestampCombiner(TimestampCombiner.EARLIEST)
                .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
                .withAllowedLateness(Duration.millis(50))
                .withClosingBehavior(ClosingBehavior.FIRE_ALWAYS))
        .advanceInputWatermark(0);
    add(t, 1).advanceInputWatermark(100);

    assertThat(t.extractPanes(), contains(Pane.of("k", window(1, 11), 1, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1)));
  }

  @Test
  void sessionsMergeBeforeTheirPaneIsEmitted() {
    GroupAlsoByWindowTester<String, Integer> t = scripted(0);
    add(t, 1, 10).advanceInputWatermark(100);

    assertThat(t.extractPanes(), contains(Pane.of("k", window(1, 20), 1, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1, 10)));
  }

  @Test
  void mergedSessionClosedByItsTriggerBeforeExpiryEmitsNothingMore() {
    GroupAlsoByWindowTester<String, Integer> t = scripted(50);
    add(t, 1, 10);
    trigger.firing(true).finishingWhenFired();
    t.advanceInputWatermark(30).advanceInputWatermark(100);

    assertThat(t.extractPanes(), contains(Pane.of("k", window(1, 20), 1, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1, 10)));
    assertTrue(t.core().isEmpty());
  }

  @Test
  void elementsMergingIntoAClosedSessionAgainAreDropped() {
    GroupAlsoByWindowTester<String, Integer> t = scripted(50);
    add(t, 1, 2);
    trigger.firing(true).finishingWhenFired();
    t.advanceInputWatermark(13);
    assertThat(t.extractPanes(), contains(Pane.of("k", window(1, 12), 1, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1, 2)));

    trigger.firing(false);
    add(t, 1, 2);
    assertThat(t.extractPanes(), empty());
    assertEquals(2, t.core().droppedDueToClosedWindow());
  }

  @Test
  void elementOfAClosedSessionsOwnWindowIsDroppedAndOpensNothing() {
    GroupAlsoByWindowTester<String, Integer> t = scripted(50);
    add(t, 1);
    trigger.firing(true).finishingWhenFired();
    t.advanceInputWatermark(15);
    add(t, 1);
    assertEquals(1, t.core().droppedDueToClosedWindow());
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold(), "no active window holds");

    t.advanceInputWatermark(100);
    assertThat(t.extractPanes(), contains(Pane.of("k", window(1, 11), 1, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1)));
    assertTrue(t.core().isEmpty());
  }

  @Test
  void sessionClosedAfterAMergeStaysClosedForElementsThatMergeIntoItAgain() {
    GroupAlsoByWindowTester<String, Integer> t = scripted(50);
    trigger.firing(true).finishingWhenFired();
    add(t, 1, 8);
    assertThat(t.extractPanes(), contains(
        Pane.of("k", window(1, 18), 1, PaneInfo.createPane(true, true, Timing.EARLY), 1, 8)));

    add(t, 1, 2, 8);
    assertEquals(3, t.core().droppedDueToClosedWindow());
    t.advanceInputWatermark(100);
    assertThat(t.extractPanes(), empty());
  }

  @Test
  void elementOfAClosedSessionMergingWithNewOnesOpensAFreshSession() {
    GroupAlsoByWindowTester<String, Integer> t = scripted(50);
    trigger.firing(true).finishingWhenFired();
    add(t, 2);
    trigger.firing(false);
    add(t, 1, 2, 3).advanceInputWatermark(100);

    assertThat(t.extractPanes(), contains(
        Pane.of("k", window(2, 12), 2, PaneInfo.createPane(true, true, Timing.EARLY), 2),
        Pane.of("k", window(1, 13), 1, PaneInfo.ON_TIME_AND_ONLY_FIRING, 1, 2, 3)));
    assertEquals(0, t.core().droppedDueToClosedWindow());
  }

  @Test
  void lateSessionsThatFireAtOnceLeaveNoHold() {
    GroupAlsoByWindowTester<String, Integer> t = lateFirings(1, ONE_MINUTE).advanceInputWatermark(40);
    add(t, 1);
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold());
    add(t, 10);
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold());
  }

  @Test
  void sessionMergedPastTheWatermarkHoldsAtItsEndUntilTheWatermarkPassesIt() {
    GroupAlsoByWindowTester<String, Integer> t = lateFirings(1, ONE_MINUTE).advanceInputWatermark(24);
    add(t, 1);
    add(t, 14);
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold(), "both fired as they came");
    add(t, 6, 16);
    assertEquals(new Instant(25), t.core().getOutputWatermarkHold(), "the merged session [1, 26) ends after 24");
    add(t, 6, 21);
    assertEquals(new Instant(30), t.core().getOutputWatermarkHold(), "and grows to [1, 31)");

    t.advanceInputWatermark(31);
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold());
    add(t, 0);
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold(), "a late element fires at once");
    add(t, 32, 40);
    assertEquals(new Instant(49), t.core().getOutputWatermarkHold());
    add(t, 24);
    assertEquals(new Instant(49), t.core().getOutputWatermarkHold(), "[0, 31) and [32, 50) joined");
    t.advanceInputWatermark(50);
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold());
  }

  @Test
  void lateSessionsMergingHoldAtTheMergedSessionsExpiry() {
    Duration lateness = Duration.standardMinutes(100);
    GroupAlsoByWindowTester<String, Integer> t = lateFirings(10, lateness).advanceInputWatermark(20);
    add(t, 3);
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, t.core().getOutputWatermarkHold(), "[3, 13) fired at once");
    add(t, 4);
    Instant expiryOfMerged = new Instant(13).plus(lateness);
    assertEquals(expiryOfMerged, t.core().getOutputWatermarkHold(), "[3, 14) waits for ten late elements");

    t.advanceInputWatermark(1000);
    assertEquals(expiryOfMerged, t.core().getOutputWatermarkHold());
  }

  @Test
  void holdsNeverLagTheInputWatermarkWhileLateSessionsMerge() {
    Duration lateness = Duration.standardMinutes(100);
    for (long seed = 0; seed < 30; seed++) {
      Random random = new Random(seed);
      Duration gap = Duration.millis(10 + random.nextInt(40));
      GroupAlsoByWindowTester<String, Integer> t = GroupAlsoByWindowTester.of(StringUtf8Coder.of(), VarIntCoder.of(),
          WindowingStrategy.of(Sessions.withGapDuration(gap))
              .withMode(AccumulationMode.DISCARDING_FIRED_PANES)
              .withTrigger(Repeatedly.forever(
                  AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1))))
              .withAllowedLateness(lateness));
      int maxTimestamp = 1 + random.nextInt(400);
      int[] timestamps = new int[4 + random.nextInt(100)];
      for (int i = 0; i < timestamps.length; i++) {
        timestamps[i] = random.nextInt(maxTimestamp);
      }
      long watermark = 0;
      for (int from = 0; from < timestamps.length; ) {
        int to = Math.min(timestamps.length, from + random.nextInt(timestamps.length));
        add(t, Arrays.copyOfRange(timestamps, from, to));
        if (random.nextInt(3) == 0) {
          long next = random.nextInt(maxTimestamp + (int) gap.getMillis());
          if (next > watermark) {
            watermark = next;
            t.advanceInputWatermark(watermark);
          }
        }
        from = to;
        Instant hold = t.core().getOutputWatermarkHold();
        assertFalse(hold.isBefore(new Instant(watermark)), "seed " + seed + ": hold " + hold + " lags " + watermark);
      }
      watermark = gap.getMillis() + maxTimestamp;
      t.advanceInputWatermark(watermark);
      Instant hold = t.core().getOutputWatermarkHold();
      assertTrue(hold.equals(BoundedWindow.TIMESTAMP_MAX_VALUE) || hold.equals(new Instant(watermark).plus(lateness)),
          "seed " + seed + ": hold " + hold + " after every session ended");
      assertEquals(0, t.core().droppedDueToClosedWindow(), "seed " + seed);
    }
  }
}
