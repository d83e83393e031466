package dev.weir.runtime.triggers;

import static dev.weir.runtime.triggers.TriggerTester.window;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import org.junit.jupiter.api.Test;

class AfterWatermarkStateMachineTest {

  private final TriggerTester tester = TriggerTester.of(AfterWatermark.pastEndOfWindow());

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
  void finishesAfterItsOneFiring() {
    tester.element().advanceWatermarkTo(10).fire();
    assertTrue(tester.isFinished());
    assertFalse(tester.shouldFire());
  }

  @Test
  void mergedWindowWaitsForItsOwnEndEvenIfAPartHadFired() {
    TriggerTester merging = TriggerTester.merging(AfterWatermark.pastEndOfWindow());
    IntervalWindow early = window(0, 10);
    IntervalWindow late = window(8, 20);
    merging.elementIn(early).elementIn(late).advanceWatermarkTo(10);
    assertTrue(merging.shouldFire(early));
    merging.merge(window(0, 20), early, late);
    assertFalse(merging.isFinished(window(0, 20)));
    assertFalse(merging.shouldFire(window(0, 20)));
    merging.advanceWatermarkTo(20);
    assertTrue(merging.shouldFire(window(0, 20)));
  }

  @Test
  void mergedWindowPastItsEndIsReadyAtOnce() {
    TriggerTester merging = TriggerTester.merging(AfterWatermark.pastEndOfWindow());
    merging.elementIn(window(0, 10)).elementIn(window(5, 15)).advanceWatermarkTo(15);
    merging.merge(window(0, 15), window(0, 10), window(5, 15));
    assertFalse(merging.isFinished(window(0, 15)));
    assertTrue(merging.shouldFire(window(0, 15)));
  }
}
