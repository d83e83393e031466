package dev.weir.runtime.triggers;

import static dev.weir.runtime.triggers.TriggerTester.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class AfterProcessingTimeStateMachineTest {

  private static final AfterProcessingTime FIVE_AFTER_FIRST =
      AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(5));

  private final TriggerTester tester = TriggerTester.of(FIVE_AFTER_FIRST);

  @Test
  void doesNotFireBeforeAnyElement() {
    tester.advanceProcessingTimeTo(1000);
    TriggerStateMachine machine = tester.machine();
    assertFalse(machine.shouldFire(machine.initialState(), TriggerTester.WINDOW, tester.time()));
  }

  @Test
  void doesNotFireBeforeTheTarget() {
    tester.advanceProcessingTimeTo(10).element().advanceProcessingTimeTo(14);
    assertFalse(tester.shouldFire());
  }

  @Test
  void doesNotFireWithProcessingTimeExactlyAtTheTarget() {
    tester.advanceProcessingTimeTo(10).element().advanceProcessingTimeTo(15);
    assertFalse(tester.shouldFire());
  }

  @Test
  void firesOnceProcessingTimeIsPastTheTarget() {
    tester.advanceProcessingTimeTo(10).element().advanceProcessingTimeTo(16);
    assertTrue(tester.shouldFire());
  }

  @Test
  void laterElementsDoNotMoveTheTarget() {
    tester.advanceProcessingTimeTo(10).element().advanceProcessingTimeTo(14).element().advanceProcessingTimeTo(16);
    assertTrue(tester.shouldFire());
  }

  @Test
  void finishesAfterFiring() {
    tester.advanceProcessingTimeTo(10).element().advanceProcessingTimeTo(16).fire();
    assertTrue(tester.isFinished());
  }

  @Test
  void ignoresTheWatermark() {
    tester.element().advanceWatermarkTo(1000);
    assertFalse(tester.shouldFire());
  }

  @Test
  void ignoresSynchronizedProcessingTime() {
    tester.advanceProcessingTimeTo(10).element().advanceSynchronizedProcessingTimeTo(100);
    assertFalse(tester.shouldFire());
  }

  @Test
  void deadlineIsOneMillisecondAfterTheTarget() {
    tester.advanceProcessingTimeTo(10).element();
    assertEquals(new Instant(16), tester.nextProcessingTimeDeadline());
    assertNull(tester.nextSynchronizedProcessingTimeDeadline());
  }

  @Test
  void hasNoDeadlineBeforeAnElement() {
    TriggerStateMachine machine = tester.machine();
    assertNull(machine.nextProcessingTimeDeadline(machine.initialState()));
  }

  @Test
  void alignedTargetRoundsUpToThePeriod() {
    TriggerTester aligned = TriggerTester.of(AfterProcessingTime.pastFirstElementInPane().alignedTo(Duration.millis(100)));
    aligned.advanceProcessingTimeTo(130).element().advanceProcessingTimeTo(200);
    assertFalse(aligned.shouldFire());
    aligned.advanceProcessingTimeTo(201);
    assertTrue(aligned.shouldFire());
  }

  @Test
  void delaysAndAlignmentsApplyInOrder() {
    TriggerTester both = TriggerTester.of(AfterProcessingTime.pastFirstElementInPane()
        .plusDelayOf(Duration.millis(80)).alignedTo(Duration.millis(100)));
    both.advanceProcessingTimeTo(130).element();
    assertEquals(new Instant(301), both.nextProcessingTimeDeadline());
  }

  @Test
  void mergingKeepsTheEarliestTarget() {
    TriggerTester merging = TriggerTester.merging(FIVE_AFTER_FIRST);
    IntervalWindow a = window(1, 11);
    IntervalWindow b = window(3, 13);
    merging.advanceProcessingTimeTo(10).elementIn(a).advanceProcessingTimeTo(12).elementIn(b);
    merging.merge(window(1, 13), a, b).advanceProcessingTimeTo(16);
    assertTrue(merging.shouldFire(window(1, 13)));
  }

  @Test
  void mergingWithoutAnyElementHasNoTarget() {
    TriggerTester merging = TriggerTester.merging(FIVE_AFTER_FIRST);
    merging.merge(window(0, 20), window(0, 10), window(5, 20)).advanceProcessingTimeTo(1000);
    assertFalse(merging.shouldFire(window(0, 20)));
  }
}
