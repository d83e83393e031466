package dev.weir.runtime.triggers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderProperties;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import java.io.IOException;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class TriggerNodeStateCoderTest {

  private final TriggerStateMachine machine = TriggerStateMachines.forTrigger(AfterWatermark.pastEndOfWindow()
      .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(5)))
      .withLateFirings(AfterPane.elementCountAtLeast(2)));
  private final Coder<TriggerState> coder = machine.stateCoder();

  /** A state with a count, a target (before the epoch) and finished bits set at several levels. */
  private final TriggerState rich = new TriggerNodeState(false, 0, null, List.of(
      new TriggerNodeState(true, 0, new Instant(-42), List.of()),
      new TriggerNodeState(false, 7, null, List.of())));

  @Test
  void roundTripsEveryField() throws IOException {
    CoderProperties.coderDecodeEncodeEqual(coder, rich);
    CoderProperties.coderDecodeEncodeEqual(coder, machine.initialState());
  }

  @Test
  void isDeterministicAndSelfDelimiting() throws IOException {
    CoderProperties.coderDeterministic(coder, rich, CoderUtils.clone(coder, rich));
    CoderProperties.coderDecodesBackToBack(coder, rich, machine.initialState());
  }

  @Test
  void isSerializable() throws Exception {
    CoderProperties.coderSerializable(coder, rich);
  }

  @Test
  void refusesToEncodeAStateOfAnotherShapeNamingTheTrigger() {
    TriggerState flat = TriggerStateMachines.forTrigger(AfterPane.elementCountAtLeast(1)).initialState();
    CoderException e = assertThrows(CoderException.class, () -> CoderUtils.encodeToByteArray(coder, flat));
    assertThat(e.getMessage(), containsString("has 0 sub-states, the trigger has 2"));
  }

  @Test
  void failsToDecodeTheStateOfAnotherTrigger() throws IOException {
    byte[] flat = CoderUtils.encodeToByteArray(
        TriggerStateMachines.forTrigger(AfterPane.elementCountAtLeast(1)).stateCoder(),
        TriggerStateMachines.forTrigger(AfterPane.elementCountAtLeast(1)).initialState());
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(coder, flat));
  }

  @Test
  void rejectsUnknownFlags() {
    Coder<TriggerState> paneCoder = TriggerStateMachines.forTrigger(AfterPane.elementCountAtLeast(1)).stateCoder();
    CoderException e = assertThrows(
        CoderException.class, () -> CoderUtils.decodeFromByteArray(paneCoder, new byte[] {(byte) 0x80}));
    assertThat(e.getMessage(), containsString("unknown flags"));
  }

  @Test
  void codersOfEqualTriggersAreEqual() {
    assertEquals(
        TriggerStateMachines.forTrigger(Repeatedly.forever(AfterPane.elementCountAtLeast(2))).stateCoder(),
        TriggerStateMachines.forTrigger(Repeatedly.forever(AfterPane.elementCountAtLeast(2))).stateCoder());
    assertNotEquals(
        TriggerStateMachines.forTrigger(AfterPane.elementCountAtLeast(2)).stateCoder(),
        TriggerStateMachines.forTrigger(AfterPane.elementCountAtLeast(3)).stateCoder());
  }
}
