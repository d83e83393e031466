package dev.weir.runtime.triggers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weir.sdk.transforms.windowing.Never;
import org.junit.jupiter.api.Test;

class NeverStateMachineTest {

  private final TriggerTester tester = TriggerTester.of(Never.ever());

  @Test
  void neverFiresWhateverHappens() {
    tester.elements(100).advanceWatermarkTo(1_000_000).advanceProcessingTimeTo(1_000_000);
    assertFalse(tester.shouldFire());
  }

  @Test
  void neverFinishes() {
    tester.elements(5).advanceWatermarkTo(100);
    assertFalse(tester.isFinished());
  }

  @Test
  void hasNoDeadlines() {
    tester.element();
    assertNull(tester.nextProcessingTimeDeadline());
    assertNull(tester.nextSynchronizedProcessingTimeDeadline());
  }

  @Test
  void staysSilentAfterAMerge() {
    TriggerTester merging = TriggerTester.merging(Never.ever());
    merging.elementIn(TriggerTester.window(0, 10)).elementIn(TriggerTester.window(5, 15)).advanceWatermarkTo(100);
    merging.merge(TriggerTester.window(0, 15), TriggerTester.window(0, 10), TriggerTester.window(5, 15));
    assertFalse(merging.shouldFire(TriggerTester.window(0, 15)));
  }
}
