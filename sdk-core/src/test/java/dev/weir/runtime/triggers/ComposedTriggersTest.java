package dev.weir.runtime.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.AfterEach;
import dev.weir.sdk.transforms.windowing.AfterFirst;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Triggers as users compose them, run through whole scripts. */
class ComposedTriggersTest {

  @Test
  void batchesBySizeOrAgeForever() {
    TriggerTester tester = TriggerTester.of(Repeatedly.forever(AfterFirst.of(
        AfterPane.elementCountAtLeast(3),
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(100)))));
    tester.advanceProcessingTimeTo(0).elements(3).fire();
    tester.advanceProcessingTimeTo(10).element().advanceProcessingTimeTo(110).assertDoesNotFire();
    tester.advanceProcessingTimeTo(111).fire();
    tester.elements(2).assertDoesNotFire().element().fire();
    assertFalse(tester.isFinished());
  }

  @Test
  void speculativeOnTimeAndLatePanes() {
    TriggerTester tester = TriggerTester.of(AfterWatermark.pastEndOfWindow()
        .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(60)))
        .withLateFirings(AfterPane.elementCountAtLeast(1)));
    tester.advanceProcessingTimeTo(0).element().advanceProcessingTimeTo(61).fire();
    assertEquals(null, tester.nextProcessingTimeDeadline(), "no early pane pending until the next element");
    tester.element().advanceWatermarkTo(10).fire();
    tester.assertDoesNotFire().element().fire().element().fire();
    assertFalse(tester.isFinished());
  }

  @Test
  void onTimeThenAtMostOneLatePane() {
    TriggerTester tester = TriggerTester.of(
        AfterEach.inOrder(AfterWatermark.pastEndOfWindow(), AfterPane.elementCountAtLeast(1)));
    tester.element().advanceWatermarkTo(10).fire().assertDoesNotFire().element().fire();
    assertTrue(tester.isFinished());
  }

  @Test
  void earlyPanesStopAtTheDeadlineOfTheUntilTrigger() {
    TriggerTester tester = TriggerTester.of(Repeatedly.forever(AfterPane.elementCountAtLeast(1))
        .orFinally(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(30))));
    tester.advanceProcessingTimeTo(0).element().fire();
    assertEquals(new Instant(31), tester.nextProcessingTimeDeadline());
    tester.advanceProcessingTimeTo(31).fire();
    assertTrue(tester.isFinished());
  }

  @Test
  void repeatedWatermarkTriggerBehavesLikeTheDefaultTrigger() {
    TriggerTester repeated = TriggerTester.of(Repeatedly.forever(AfterWatermark.pastEndOfWindow()));
    TriggerTester standard = TriggerTester.of(DefaultTrigger.of());
    for (TriggerTester t : new TriggerTester[] {repeated, standard}) {
      t.element().advanceWatermarkTo(9).assertDoesNotFire().advanceWatermarkTo(10).fire().element().fire();
      assertFalse(t.isFinished());
    }
  }
}
