package dev.weir.runtime.triggers;

import static dev.weir.runtime.triggers.TriggerTester.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.AfterFirst;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Trigger;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class AfterWatermarkEarlyAndLateStateMachineTest {

  private static final Trigger EARLY_AND_LATE = AfterWatermark.pastEndOfWindow()
      .withEarlyFirings(AfterPane.elementCountAtLeast(2))
      .withLateFirings(AfterPane.elementCountAtLeast(3));

  private static final Trigger EARLY_ONLY =
      AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(2));

  private final TriggerTester tester = TriggerTester.of(EARLY_AND_LATE);

  @Test
  void firesEarlyWhenTheEarlyTriggerFires() {
    tester.elements(1).assertDoesNotFire().elements(1);
    assertTrue(tester.shouldFire());
  }

  @Test
  void restartsTheEarlyTriggerAfterEachEarlyFiring() {
    tester.elements(2).fire().elements(1).assertDoesNotFire().elements(1);
    assertTrue(tester.shouldFire());
    assertFalse(tester.isFinished());
  }

  @Test
  void firesOnTimeWhenTheWatermarkReachesTheEnd() {
    tester.elements(1).advanceWatermarkTo(9).assertDoesNotFire().advanceWatermarkTo(10);
    assertTrue(tester.shouldFire());
  }

  @Test
  void firesOnTimeEvenWithNoElementSinceTheLastEarlyFiring() {
    tester.elements(2).fire().advanceWatermarkTo(10);
    assertTrue(tester.shouldFire());
  }

  @Test
  void afterTheOnTimeFiringRunsTheLateTriggerFromScratch() {
    tester.elements(1).advanceWatermarkTo(10).fire().assertDoesNotFire();
    tester.elements(2).assertDoesNotFire().elements(1);
    assertTrue(tester.shouldFire());
  }

  @Test
  void lateTriggerRepeats() {
    tester.advanceWatermarkTo(10).elements(1).fire().elements(3).fire().elements(2).assertDoesNotFire().elements(1);
    assertTrue(tester.shouldFire());
    assertFalse(tester.isFinished());
  }

  @Test
  void lateFiringsIgnoreTheEarlyTrigger() {
    tester.elements(1).advanceWatermarkTo(10).fire().elements(2);
    assertFalse(tester.shouldFire());
  }

  @Test
  void withoutLateFiringsFinishesAfterTheOnTimeFiring() {
    TriggerTester early = TriggerTester.of(EARLY_ONLY);
    early.elements(2).fire().advanceWatermarkTo(10).fire();
    assertTrue(early.isFinished());
  }

  @Test
  void withLateFiringsNeverFinishes() {
    tester.elements(1).advanceWatermarkTo(10).fire().elements(3).fire();
    assertFalse(tester.isFinished());
  }

  @Test
  void lateOnlyTriggerWaitsForTheWatermarkThenFiresLate() {
    TriggerTester late = TriggerTester.of(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)));
    late.elements(5).assertDoesNotFire().advanceWatermarkTo(10).fire().assertDoesNotFire().element();
    assertTrue(late.shouldFire());
  }

  @Test
  void earlyTriggerWithNestedFinishedBitsIsResetCompletely() {
    // Beam would leave AfterPane's finished bit set inside AfterFirst, making every later
    // evaluation an early firing; Weir restarts the early trigger as Repeatedly does.
    TriggerTester nested = TriggerTester.of(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterFirst.of(
        AfterPane.elementCountAtLeast(2), AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(50)))));
    nested.elements(2).fire().element();
    assertFalse(nested.shouldFire());
  }

  @Test
  void reportsTheEarlyDeadlineBeforeTheEndOfWindowAndTheLateOneAfter() {
    TriggerTester pt = TriggerTester.of(AfterWatermark.pastEndOfWindow()
        .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(5)))
        .withLateFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(50))));
    pt.advanceProcessingTimeTo(100).element();
    assertEquals(new Instant(106), pt.nextProcessingTimeDeadline());
    pt.advanceWatermarkTo(10).fire();
    assertNull(pt.nextProcessingTimeDeadline());
    pt.advanceProcessingTimeTo(200).element();
    assertEquals(new Instant(251), pt.nextProcessingTimeDeadline());
  }

  @Test
  void mergeBeforeTheEndRunsTheEarlyTriggerOnTheMergedCounts() {
    TriggerTester merging = TriggerTester.merging(EARLY_AND_LATE);
    IntervalWindow a = window(0, 10);
    IntervalWindow b = window(5, 15);
    merging.elementIn(a).elementIn(b).merge(window(0, 15), a, b);
    assertTrue(merging.shouldFire(window(0, 15)));
  }

  @Test
  void mergeOfWindowsThatAllFiredOnTimeStaysInTheLatePhase() {
    TriggerTester merging = TriggerTester.merging(EARLY_AND_LATE);
    IntervalWindow a = window(0, 10);
    IntervalWindow b = window(5, 15);
    merging.elementIn(a).elementIn(b).advanceWatermarkTo(15).fire(a).fire(b);
    merging.elementIn(a).elementIn(b).merge(window(0, 15), a, b);
    assertFalse(merging.shouldFire(window(0, 15)));
    merging.elementIn(window(0, 15));
    assertTrue(merging.shouldFire(window(0, 15)), "late counts of both windows add up to 3");
  }

  @Test
  void mergeIntoAWindowNotYetEndedRunsTheEarlyTriggerAgain() {
    TriggerTester merging = TriggerTester.merging(EARLY_AND_LATE);
    IntervalWindow a = window(0, 10);
    IntervalWindow b = window(8, 20);
    merging.elementIn(a).advanceWatermarkTo(10).fire(a).elementIn(b);
    merging.merge(window(0, 20), a, b);
    // AfterPane finished in a (by the ON_TIME firing), so as in Beam its merged count starts at 0.
    assertFalse(merging.shouldFire(window(0, 20)));
    merging.elementIn(window(0, 20));
    assertFalse(merging.shouldFire(window(0, 20)));
    merging.elementIn(window(0, 20));
    assertTrue(merging.shouldFire(window(0, 20)), "early firing of the merged window");
  }

  @Test
  void mergeWithANewWindowPastTheEndFiresAgainBeforeTheLatePhase() {
    TriggerTester merging = TriggerTester.merging(EARLY_AND_LATE);
    IntervalWindow a = window(0, 10);
    IntervalWindow b = window(5, 15);
    merging.elementIn(a).advanceWatermarkTo(10).fire(a);
    merging.advanceWatermarkTo(15).merge(window(0, 15), a, b).elementIn(window(0, 15));
    assertTrue(merging.shouldFire(window(0, 15)), "b's elements never had their ON_TIME pane");
    merging.fire(window(0, 15)).elementIn(window(0, 15)).elementIn(window(0, 15));
    assertFalse(merging.shouldFire(window(0, 15)), "now in the late phase, which needs 3");
  }
}
