package dev.weir.runtime.triggers;

import static dev.weir.runtime.triggers.TriggerTester.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.AfterFirst;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class RepeatedlyStateMachineTest {

  @Test
  void firesWhenTheRepeatedTriggerFires() {
    TriggerTester tester = TriggerTester.of(Repeatedly.forever(AfterPane.elementCountAtLeast(2)));
    tester.elements(1).assertDoesNotFire().elements(1);
    assertTrue(tester.shouldFire());
  }

  @Test
  void restartsTheRepeatedTriggerAfterEachFiring() {
    TriggerTester tester = TriggerTester.of(Repeatedly.forever(AfterPane.elementCountAtLeast(2)));
    tester.elements(2).fire().elements(1);
    assertFalse(tester.shouldFire());
    tester.elements(1);
    assertTrue(tester.shouldFire());
  }

  @Test
  void neverFinishes() {
    TriggerTester tester = TriggerTester.of(Repeatedly.forever(AfterPane.elementCountAtLeast(1)));
    tester.element().fire().element().fire();
    assertFalse(tester.isFinished());
  }

  @Test
  void returnsToTheInitialStateAfterTheRepeatedTriggerFinishes() {
    TriggerTester tester = TriggerTester.of(Repeatedly.forever(AfterPane.elementCountAtLeast(1)));
    tester.element().fire();
    assertEquals(tester.machine().initialState(), tester.state(TriggerTester.WINDOW));
  }

  @Test
  void resetsFinishedBitsDeepInsideTheRepeatedTrigger() {
    // The Beam bug fixed in apache/beam#110: AfterFirst must not stay ready through a stale bit.
    TriggerTester tester = TriggerTester.of(Repeatedly.forever(AfterFirst.of(
        AfterPane.elementCountAtLeast(2), AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(100)))));
    tester.elements(2).fire().element();
    assertFalse(tester.shouldFire());
  }

  @Test
  void repeatedWatermarkTriggerStaysReadyPastTheEndOfTheWindow() {
    TriggerTester tester = TriggerTester.of(Repeatedly.forever(AfterWatermark.pastEndOfWindow()));
    tester.element().advanceWatermarkTo(10).fire().element();
    assertTrue(tester.shouldFire());
  }

  @Test
  void reportsTheDeadlineOfTheRepeatedTrigger() {
    TriggerTester tester = TriggerTester.of(Repeatedly.forever(
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(5))));
    tester.advanceProcessingTimeTo(100).element();
    assertEquals(new Instant(106), tester.nextProcessingTimeDeadline());
  }

  @Test
  void mergesTheRepeatedTrigger() {
    TriggerTester tester = TriggerTester.merging(Repeatedly.forever(AfterPane.elementCountAtLeast(2)));
    tester.elementIn(window(0, 10)).elementIn(window(5, 15));
    tester.merge(window(0, 15), window(0, 10), window(5, 15));
    assertTrue(tester.shouldFire(window(0, 15)));
  }
}
