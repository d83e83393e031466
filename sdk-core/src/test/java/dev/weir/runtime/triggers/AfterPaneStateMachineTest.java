package dev.weir.runtime.triggers;

import static dev.weir.runtime.triggers.TriggerTester.window;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import org.junit.jupiter.api.Test;

class AfterPaneStateMachineTest {

  private final TriggerTester tester = TriggerTester.of(AfterPane.elementCountAtLeast(3));

  @Test
  void doesNotFireBelowTheCount() {
    tester.elements(2);
    assertFalse(tester.shouldFire());
  }

  @Test
  void firesAtExactlyTheCount() {
    tester.elements(3);
    assertTrue(tester.shouldFire());
  }

  @Test
  void firesAboveTheCount() {
    tester.elements(7);
    assertTrue(tester.shouldFire());
  }

  @Test
  void ignoresTheWatermark() {
    tester.elements(1).advanceWatermarkTo(1000);
    assertFalse(tester.shouldFire());
  }

  @Test
  void finishesAfterFiring() {
    tester.elements(3).fire();
    assertTrue(tester.isFinished());
    assertFalse(tester.shouldFire());
  }

  @Test
  void hasNoProcessingTimeDeadline() {
    tester.elements(1);
    assertNull(tester.nextProcessingTimeDeadline());
  }

  @Test
  void mergingAddsTheCounts() {
    TriggerTester merging = TriggerTester.merging(AfterPane.elementCountAtLeast(3));
    IntervalWindow a = window(0, 10);
    IntervalWindow b = window(5, 15);
    merging.elementIn(a).elementIn(b);
    assertFalse(merging.shouldFire(a));
    merging.merge(window(0, 15), a, b);
    assertFalse(merging.shouldFire(window(0, 15)));
    merging.elementIn(window(0, 15));
    assertTrue(merging.shouldFire(window(0, 15)));
  }

  @Test
  void mergingWithANewWindowKeepsTheCount() {
    TriggerTester merging = TriggerTester.merging(AfterPane.elementCountAtLeast(2));
    merging.elementIn(window(0, 10)).merge(window(0, 12), window(0, 10), window(2, 12));
    merging.elementIn(window(0, 12));
    assertTrue(merging.shouldFire(window(0, 12)));
  }
}
