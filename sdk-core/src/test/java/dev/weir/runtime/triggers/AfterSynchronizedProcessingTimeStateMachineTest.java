package dev.weir.runtime.triggers;

import static dev.weir.runtime.triggers.TriggerTester.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.AfterSynchronizedProcessingTime;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class AfterSynchronizedProcessingTimeStateMachineTest {

  private final TriggerTester tester = TriggerTester.of(AfterSynchronizedProcessingTime.ofFirstElement());

  @Test
  void targetIsTheProcessingTimeOfTheFirstElement() {
    tester.advanceProcessingTimeTo(50).advanceSynchronizedProcessingTimeTo(20).element();
    assertEquals(new Instant(51), tester.nextSynchronizedProcessingTimeDeadline());
    assertNull(tester.nextProcessingTimeDeadline());
  }

  @Test
  void doesNotFireWithSynchronizedTimeExactlyAtTheTarget() {
    tester.advanceProcessingTimeTo(50).element().advanceSynchronizedProcessingTimeTo(50);
    assertFalse(tester.shouldFire());
  }

  @Test
  void firesOnceSynchronizedTimeIsPastTheTarget() {
    tester.advanceProcessingTimeTo(50).element().advanceSynchronizedProcessingTimeTo(51);
    assertTrue(tester.shouldFire());
  }

  @Test
  void ignoresProcessingTime() {
    tester.advanceProcessingTimeTo(50).element().advanceProcessingTimeTo(1000);
    assertFalse(tester.shouldFire());
  }

  @Test
  void finishesAfterFiring() {
    tester.element().advanceSynchronizedProcessingTimeTo(1).fire();
    assertTrue(tester.isFinished());
  }

  @Test
  void mergingKeepsTheEarliestTarget() {
    TriggerTester merging = TriggerTester.merging(AfterSynchronizedProcessingTime.ofFirstElement());
    merging.advanceProcessingTimeTo(10).elementIn(window(0, 10)).advanceProcessingTimeTo(30).elementIn(window(5, 15));
    merging.merge(window(0, 15), window(0, 10), window(5, 15)).advanceSynchronizedProcessingTimeTo(11);
    assertTrue(merging.shouldFire(window(0, 15)));
  }
}
