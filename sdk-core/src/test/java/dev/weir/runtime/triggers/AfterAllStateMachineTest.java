package dev.weir.runtime.triggers;

import static dev.weir.runtime.triggers.TriggerTester.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.AfterAll;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.Never;
import dev.weir.sdk.transforms.windowing.Trigger;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class AfterAllStateMachineTest {

  private static final Trigger COUNT_AND_WATERMARK =
      AfterAll.of(AfterPane.elementCountAtLeast(2), AfterWatermark.pastEndOfWindow());

  private final TriggerTester tester = TriggerTester.of(COUNT_AND_WATERMARK);

  @Test
  void doesNotFireWhenOnlyTheCountIsReached() {
    tester.elements(2);
    assertFalse(tester.shouldFire());
  }

  @Test
  void doesNotFireWhenOnlyTheWatermarkPassed() {
    tester.elements(1).advanceWatermarkTo(10);
    assertFalse(tester.shouldFire());
  }

  @Test
  void firesWhenAllSubTriggersAreReady() {
    tester.elements(1).advanceWatermarkTo(10).elements(1);
    assertTrue(tester.shouldFire());
  }

  @Test
  void finishesAfterFiring() {
    tester.elements(2).advanceWatermarkTo(10).fire();
    assertTrue(tester.isFinished());
  }

  @Test
  void neverFiresWithANeverSubTrigger() {
    TriggerTester never = TriggerTester.of(AfterAll.of(AfterPane.elementCountAtLeast(1), Never.ever()));
    never.elements(10).advanceWatermarkTo(100);
    assertFalse(never.shouldFire());
  }

  @Test
  void deadlineIsTheLatestOfItsSubTriggers() {
    TriggerTester two = TriggerTester.of(AfterAll.of(
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(30)),
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(10))));
    two.advanceProcessingTimeTo(100).element();
    assertEquals(new Instant(131), two.nextProcessingTimeDeadline());
    two.advanceProcessingTimeTo(130);
    assertFalse(two.shouldFire());
    two.advanceProcessingTimeTo(131);
    assertTrue(two.shouldFire());
  }

  @Test
  void hasNoDeadlineWithoutTimedSubTriggers() {
    tester.element();
    assertNull(tester.nextProcessingTimeDeadline());
  }

  @Test
  void mergingMergesEachSubTrigger() {
    TriggerTester merging = TriggerTester.merging(AfterAll.of(
        AfterPane.elementCountAtLeast(1), AfterPane.elementCountAtLeast(3)));
    merging.elementIn(window(0, 10)).elementIn(window(0, 10)).elementIn(window(5, 15));
    merging.merge(window(0, 15), window(0, 10), window(5, 15));
    assertTrue(merging.shouldFire(window(0, 15)), "counts 3 and 3 after the merge");
  }
}
