package dev.weir.runtime.triggers;

import static dev.weir.runtime.triggers.TriggerTester.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.AfterFirst;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.Trigger;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class AfterFirstStateMachineTest {

  private static final Trigger COUNT_OR_TIME = AfterFirst.of(
      AfterPane.elementCountAtLeast(3), AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(10)));

  private final TriggerTester tester = TriggerTester.of(COUNT_OR_TIME);

  @Test
  void firesWhenTheFirstSubTriggerIsReady() {
    tester.elements(3);
    assertTrue(tester.shouldFire());
  }

  @Test
  void firesWhenTheSecondSubTriggerIsReady() {
    tester.advanceProcessingTimeTo(100).element().advanceProcessingTimeTo(111);
    assertTrue(tester.shouldFire());
  }

  @Test
  void doesNotFireWhileNoSubTriggerIsReady() {
    tester.advanceProcessingTimeTo(100).elements(2).advanceProcessingTimeTo(110);
    assertFalse(tester.shouldFire());
  }

  @Test
  void finishesAfterFiring() {
    tester.elements(3).fire();
    assertTrue(tester.isFinished());
  }

  @Test
  void deadlineIsTheEarliestOfItsSubTriggers() {
    TriggerTester two = TriggerTester.of(AfterFirst.of(
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(30)),
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(10))));
    two.advanceProcessingTimeTo(100).element();
    assertEquals(new Instant(111), two.nextProcessingTimeDeadline());
  }

  @Test
  void mergeFinishedInAnySubTriggerMakesItReadyAndFinished() {
    TriggerTester merging = TriggerTester.merging(AfterFirst.of(
        AfterWatermark.pastEndOfWindow(), AfterPane.elementCountAtLeast(5)));
    merging.elementIn(window(0, 10)).elementIn(window(5, 15));
    merging.merge(window(0, 15), window(0, 10), window(5, 15));
    assertFalse(merging.isFinished(window(0, 15)));
    assertFalse(merging.shouldFire(window(0, 15)));
    merging.advanceWatermarkTo(15);
    assertTrue(merging.shouldFire(window(0, 15)));
  }

  @Test
  void mergingAddsTheCountsOfTheCountingSubTrigger() {
    TriggerTester merging = TriggerTester.merging(COUNT_OR_TIME);
    merging.elementIn(window(0, 10)).elementIn(window(0, 10)).elementIn(window(5, 15));
    merging.merge(window(0, 15), window(0, 10), window(5, 15));
    assertTrue(merging.shouldFire(window(0, 15)));
  }
}
