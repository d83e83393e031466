package dev.weir.runtime.triggers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import org.junit.jupiter.api.Test;

class DefaultTriggerStateMachineTest {

  private final TriggerTester tester = TriggerTester.of(DefaultTrigger.of());

  @Test
  void doesNotFireBeforeTheWatermarkPassesTheEndOfTheWindow() {
    tester.elements(3).advanceWatermarkTo(5);
    assertFalse(tester.shouldFire());
  }

  @Test
  void doesNotFireWithTheWatermarkExactlyAtTheMaxTimestamp() {
    tester.element().advanceWatermarkTo(9);
    assertFalse(tester.shouldFire());
  }

  @Test
  void firesWhenTheWatermarkReachesTheEndOfTheWindow() {
    tester.element().advanceWatermarkTo(10);
    assertTrue(tester.shouldFire());
  }

  @Test
  void staysReadyAfterFiringSoEachLateElementBatchFires() {
    tester.element().advanceWatermarkTo(10).fire();
    tester.element();
    assertTrue(tester.shouldFire());
    tester.fire().element();
    assertTrue(tester.shouldFire());
  }

  @Test
  void neverFinishes() {
    tester.element().advanceWatermarkTo(10).fire().element().fire();
    assertFalse(tester.isFinished());
  }

  @Test
  void hasNoProcessingTimeDeadline() {
    tester.element();
    assertNull(tester.nextProcessingTimeDeadline());
  }

  @Test
  void mergedWindowFiresWhenTheWatermarkPassesItsEnd() {
    TriggerTester merging = TriggerTester.merging(DefaultTrigger.of());
    merging.elementIn(TriggerTester.window(0, 10)).elementIn(TriggerTester.window(5, 15));
    merging.advanceWatermarkTo(12).merge(TriggerTester.window(0, 15), TriggerTester.window(0, 10), TriggerTester.window(5, 15));
    assertFalse(merging.shouldFire(TriggerTester.window(0, 15)));
    merging.advanceWatermarkTo(15);
    assertTrue(merging.shouldFire(TriggerTester.window(0, 15)));
  }
}
