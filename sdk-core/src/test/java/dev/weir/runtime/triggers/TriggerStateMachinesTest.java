package dev.weir.runtime.triggers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Trigger;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class TriggerStateMachinesTest {

  /** A trigger Weir has no state machine for. */
  private static final class CustomTrigger extends Trigger.OnceTrigger {
    private static final long serialVersionUID = 1L;

    @Override
    public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
      return window.maxTimestamp();
    }

    @Override
    protected Trigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
      return this;
    }
  }

  @Test
  void rejectsATriggerItDoesNotKnowNamingIt() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> TriggerStateMachines.forTrigger(Repeatedly.forever(new CustomTrigger())));
    assertThat(e.getMessage(), containsString("CustomTrigger"));
    assertThat(e.getMessage(), containsString("dev.weir.sdk.transforms.windowing"));
  }

  @Test
  void machinesOfEqualTriggersAreEqual() {
    assertEquals(
        TriggerStateMachines.forTrigger(AfterPane.elementCountAtLeast(2)),
        TriggerStateMachines.forTrigger(AfterPane.elementCountAtLeast(2)));
    assertNotEquals(
        TriggerStateMachines.forTrigger(AfterPane.elementCountAtLeast(2)),
        TriggerStateMachines.forTrigger(AfterPane.elementCountAtLeast(3)));
  }

  @Test
  void nonMergingWindowFnGivesTheNonMergingMachine() {
    assertEquals(
        TriggerStateMachines.forTrigger(DefaultTrigger.of()),
        TriggerStateMachines.forTrigger(DefaultTrigger.of(), FixedWindows.of(Duration.millis(10))));
    assertNotEquals(
        TriggerStateMachines.forTrigger(DefaultTrigger.of()), TriggerStateMachines.forTrigger(DefaultTrigger.of(), true));
  }

  @Test
  void anElementForAFinishedWindowFailsNamingTheWindow() {
    TriggerTester tester = TriggerTester.of(AfterWatermark.pastEndOfWindow());
    tester.element().advanceWatermarkTo(10).fire();
    IllegalStateException e = assertThrows(IllegalStateException.class, tester::element);
    assertThat(e.getMessage(), containsString("has finished in window " + TriggerTester.WINDOW));
    assertThat(e.getMessage(), containsString("drop the elements of a closed window"));
  }

  @Test
  void firingAFinishedWindowFails() {
    TriggerTester tester = TriggerTester.of(AfterPane.elementCountAtLeast(1));
    tester.element().fire();
    TriggerStateMachine machine = tester.machine();
    TriggerState finished = tester.state(TriggerTester.WINDOW);
    IllegalStateException e = assertThrows(
        IllegalStateException.class, () -> machine.onFire(finished, TriggerTester.WINDOW, tester.time()));
    assertThat(e.getMessage(), containsString("cannot fire again"));
  }

  @Test
  void aFinishedWindowIsNeverReady() {
    TriggerTester tester = TriggerTester.of(AfterWatermark.pastEndOfWindow());
    tester.element().advanceWatermarkTo(10).fire();
    assertFalse(tester.shouldFire());
  }

  @Test
  void mergingAFinishedWindowFails() {
    TriggerTester tester = TriggerTester.merging(AfterPane.elementCountAtLeast(1));
    tester.element().fire();
    IllegalStateException e = assertThrows(
        IllegalStateException.class, () -> tester.merge(TriggerTester.window(0, 20), TriggerTester.WINDOW));
    assertThat(e.getMessage(), containsString("closed windows do not take part in merges"));
  }

  @Test
  void mergingNothingFails() {
    TriggerStateMachine machine = TriggerStateMachines.forTrigger(DefaultTrigger.of(), true);
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> machine.onMerge(List.of(), TriggerTester.WINDOW, TriggerTime.of(new Instant(0), new Instant(0))));
    assertThat(e.getMessage(), containsString("no states to merge"));
  }

  @Test
  void aStateFromElsewhereIsRejected() {
    TriggerStateMachine machine = TriggerStateMachines.forTrigger(DefaultTrigger.of());
    TriggerState foreign = new TriggerState() {};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> machine.isFinished(foreign));
    assertThat(e.getMessage(), containsString("got a state it did not make"));
  }

  @Test
  void aCountTriggerNestedInLateFiringsCountsElements() {
    Trigger trigger = AfterWatermark.pastEndOfWindow()
        .withLateFirings(AfterPane.elementCountAtLeast(1));

    assertEquals(true, TriggerStateMachines.countsElements(Repeatedly.forever(trigger)));
  }

  @Test
  void watermarkAndDefaultTriggersCountNoElements() {
    assertFalse(TriggerStateMachines.countsElements(DefaultTrigger.of()));
    assertFalse(TriggerStateMachines.countsElements(AfterWatermark.pastEndOfWindow()));
  }
}
