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

class OrFinallyStateMachineTest {

  private static final Trigger PAIRS_UNTIL_FIVE =
      Repeatedly.forever(AfterPane.elementCountAtLeast(2)).orFinally(AfterPane.elementCountAtLeast(5));

  private final TriggerTester tester = TriggerTester.of(PAIRS_UNTIL_FIVE);

  @Test
  void firesWhenTheMainTriggerFires() {
    tester.elements(2);
    assertTrue(tester.shouldFire());
    tester.fire();
    assertFalse(tester.isFinished());
  }

  @Test
  void untilTriggerCountsAcrossMainFirings() {
    tester.elements(2).fire().elements(2).fire().element();
    assertTrue(tester.shouldFire(), "the fifth element fires the until trigger with a one-element pane");
    tester.fire();
    assertTrue(tester.isFinished());
  }

  @Test
  void finishesWhenTheUntilTriggerFiresAlone() {
    TriggerTester watermark = TriggerTester.of(
        Repeatedly.forever(AfterPane.elementCountAtLeast(10)).orFinally(AfterWatermark.pastEndOfWindow()));
    watermark.elements(3).advanceWatermarkTo(10).fire();
    assertTrue(watermark.isFinished());
  }

  @Test
  void finishesWhenTheMainTriggerFinishes() {
    TriggerTester once = TriggerTester.of(AfterPane.elementCountAtLeast(1).orFinally(AfterWatermark.pastEndOfWindow()));
    once.element().fire();
    assertTrue(once.isFinished());
  }

  @Test
  void deadlineIsTheEarliestOfBoth() {
    TriggerTester timed = TriggerTester.of(
        Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(50)))
            .orFinally(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(20))));
    timed.advanceProcessingTimeTo(100).element();
    assertEquals(new Instant(121), timed.nextProcessingTimeDeadline());
  }

  @Test
  void mergesBothTriggers() {
    TriggerTester merging = TriggerTester.merging(PAIRS_UNTIL_FIVE);
    merging.elementIn(window(0, 10)).elementIn(window(0, 10)).fire(window(0, 10)).elementIn(window(0, 10));
    merging.elementIn(window(5, 15)).elementIn(window(5, 15));
    merging.merge(window(0, 15), window(0, 10), window(5, 15));
    assertTrue(merging.shouldFire(window(0, 15)));
    merging.fire(window(0, 15));
    assertTrue(merging.isFinished(window(0, 15)), "until saw 3 + 2 = 5 elements");
  }

  @Test
  void insideAfterEachWithMergingWindowsTheUntilCountStartsOverAfterEachFiring() {
    // Beam's AfterEach drops all sub-trigger data after each firing where windows may merge.
    Trigger trigger = AfterEach.inOrder(PAIRS_UNTIL_FIVE, AfterPane.elementCountAtLeast(1));
    TriggerTester merging = TriggerTester.merging(trigger);
    merging.elements(2).fire().elements(2).fire().elements(1);
    assertFalse(merging.shouldFire());
    TriggerTester nonMerging = TriggerTester.of(trigger);
    nonMerging.elements(2).fire().elements(2).fire().elements(1);
    assertTrue(nonMerging.shouldFire());
  }
}
