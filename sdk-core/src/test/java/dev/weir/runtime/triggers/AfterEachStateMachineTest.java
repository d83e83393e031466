package dev.weir.runtime.triggers;

import static dev.weir.runtime.triggers.TriggerTester.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.AfterEach;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Trigger;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class AfterEachStateMachineTest {

  private static final Trigger TWO_THEN_THREE =
      AfterEach.inOrder(AfterPane.elementCountAtLeast(2), AfterPane.elementCountAtLeast(3));

  private final TriggerTester tester = TriggerTester.of(TWO_THEN_THREE);

  @Test
  void firesWhenTheFirstSubTriggerFires() {
    tester.elements(1).assertDoesNotFire().elements(1);
    assertTrue(tester.shouldFire());
  }

  @Test
  void thenRunsTheNextSubTriggerFromScratch() {
    tester.elements(2).fire().elements(2);
    assertFalse(tester.shouldFire());
    tester.elements(1);
    assertTrue(tester.shouldFire());
  }

  @Test
  void onlyTheCurrentSubTriggerCountsElements() {
    tester.elements(5).fire().elements(1);
    assertFalse(tester.shouldFire(), "the second trigger saw only the element after the first firing");
  }

  @Test
  void finishesAfterTheLastSubTriggerFinishes() {
    tester.elements(2).fire();
    assertFalse(tester.isFinished());
    tester.elements(3).fire();
    assertTrue(tester.isFinished());
  }

  @Test
  void aRepeatedSubTriggerNeverLetsTheSequenceMoveOn() {
    TriggerTester repeated = TriggerTester.of(
        AfterEach.inOrder(Repeatedly.forever(AfterPane.elementCountAtLeast(1)), AfterWatermark.pastEndOfWindow()));
    repeated.element().fire().advanceWatermarkTo(10).assertDoesNotFire().element();
    assertTrue(repeated.shouldFire());
    assertFalse(repeated.isFinished());
  }

  @Test
  void reportsTheDeadlineOfTheCurrentSubTriggerOnly() {
    TriggerTester timed = TriggerTester.of(AfterEach.inOrder(
        AfterPane.elementCountAtLeast(2), AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(10))));
    timed.advanceProcessingTimeTo(100).element();
    assertEquals(null, timed.nextProcessingTimeDeadline());
    timed.element().fire().advanceProcessingTimeTo(200).element();
    assertEquals(new Instant(211), timed.nextProcessingTimeDeadline());
  }

  @Test
  void whereWindowsMergeEverySubTriggerSeesElementsButAllStartOverAfterAFiring() {
    TriggerTester merging = TriggerTester.merging(TWO_THEN_THREE);
    merging.elements(5).fire().elements(2);
    assertFalse(merging.shouldFire());
    merging.elements(1);
    assertTrue(merging.shouldFire());
  }

  @Test
  void mergeMovesOnToTheSubTriggerAfterOnesFinishedInAMergedWindow() {
    TriggerTester merging = TriggerTester.merging(TWO_THEN_THREE);
    merging.elementIn(window(0, 10)).elementIn(window(0, 10)).fire(window(0, 10));
    merging.elementIn(window(0, 10)).elementIn(window(0, 10));
    merging.merge(window(0, 15), window(0, 10), window(5, 15));
    // AfterPane(2) finished in [0, 10), so it is finished in the merge; AfterPane(3) has counted 2.
    assertFalse(merging.shouldFire(window(0, 15)));
    merging.elementIn(window(0, 15));
    assertTrue(merging.shouldFire(window(0, 15)));
    merging.fire(window(0, 15));
    assertTrue(merging.isFinished(window(0, 15)));
  }

  @Test
  void mergeWhereTheFirstSubTriggerFinishedEverywhereContinuesWithTheSecond() {
    TriggerTester merging = TriggerTester.merging(AfterEach.inOrder(
        AfterWatermark.pastEndOfWindow(), AfterPane.elementCountAtLeast(2)));
    merging.elementIn(window(0, 10)).elementIn(window(5, 15)).advanceWatermarkTo(15);
    merging.fire(window(0, 10)).fire(window(5, 15)).elementIn(window(0, 10)).elementIn(window(5, 15));
    merging.merge(window(0, 15), window(0, 10), window(5, 15));
    assertTrue(merging.shouldFire(window(0, 15)), "the late counts of both windows add up to 2");
  }
}
