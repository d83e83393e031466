package dev.weir.runtime.triggers;

import static com.google.common.base.Preconditions.checkArgument;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.CoderProperties;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Trigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * Drives one {@link TriggerStateMachine} through a script of elements, merges and clock advances,
 * holding one state per window the way the grouping core does.
 *
 * <p>Every new state goes through the machine's state coder before it is kept: the tester checks
 * that it decodes (through a stream handing out one byte per read) to an equal state with the same
 * bytes, and continues from the decoded copy, so every behaviour test also proves that snapshots are
 * complete. Clocks only move forward. Methods without a window act on {@link #WINDOW}.
 */
final class TriggerTester {
  /** The window of single-window scripts: {@code [0, 10)}, max timestamp 9. */
  static final IntervalWindow WINDOW = window(0, 10);

  private final TriggerStateMachine machine;
  private final Map<BoundedWindow, TriggerState> states = new HashMap<>();
  private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant processingTime = new Instant(0);
  private Instant synchronizedProcessingTime = new Instant(0);

  private TriggerTester(TriggerStateMachine machine) {
    this.machine = machine;
  }

  /** A tester for windows that never merge. */
  static TriggerTester of(Trigger trigger) {
    return new TriggerTester(TriggerStateMachines.forTrigger(trigger));
  }

  /** A tester for windows that may merge. */
  static TriggerTester merging(Trigger trigger) {
    return new TriggerTester(TriggerStateMachines.forTrigger(trigger, true));
  }

  static IntervalWindow window(long start, long end) {
    return new IntervalWindow(new Instant(start), new Instant(end));
  }

  TriggerStateMachine machine() {
    return machine;
  }

  TriggerTester advanceWatermarkTo(long millis) {
    checkArgument(millis >= watermark.getMillis(), "watermark moving back from %s to %s", watermark, millis);
    watermark = new Instant(millis);
    return this;
  }

  TriggerTester advanceProcessingTimeTo(long millis) {
    checkArgument(millis >= processingTime.getMillis(), "processing time moving back to %s", millis);
    processingTime = new Instant(millis);
    return this;
  }

  TriggerTester advanceSynchronizedProcessingTimeTo(long millis) {
    checkArgument(millis >= synchronizedProcessingTime.getMillis(), "sync time moving back to %s", millis);
    synchronizedProcessingTime = new Instant(millis);
    return this;
  }

  TriggerTime time() {
    return new TriggerTime(watermark, processingTime, synchronizedProcessingTime);
  }

  /** {@code count} elements arrive in {@link #WINDOW}. */
  TriggerTester elements(int count) {
    for (int i = 0; i < count; i++) {
      elementIn(WINDOW);
    }
    return this;
  }

  TriggerTester element() {
    return elements(1);
  }

  /** One element arrives in {@code window}, which starts from the initial state if it is new. */
  TriggerTester elementIn(BoundedWindow window) {
    TriggerState state = states.containsKey(window) ? states.get(window) : keep(window, machine.initialState());
    keep(window, machine.onElement(state, window, time()));
    return this;
  }

  boolean shouldFire() {
    return shouldFire(WINDOW);
  }

  boolean shouldFire(BoundedWindow window) {
    TriggerState state = state(window);
    boolean answer = machine.shouldFire(state, window, time());
    assertEquals(answer, machine.shouldFire(state, window, time()), "shouldFire must be a pure function");
    return answer;
  }

  /** Fires {@link #WINDOW}, which must be ready. */
  TriggerTester fire() {
    return fire(WINDOW);
  }

  TriggerTester fire(BoundedWindow window) {
    assertTrue(shouldFire(window), "expected " + machine + " to be ready in " + window + " at " + time());
    keep(window, machine.onFire(state(window), window, time()));
    return this;
  }

  TriggerTester assertDoesNotFire() {
    assertFalse(shouldFire(), "expected " + machine + " not to be ready in " + WINDOW + " at " + time());
    return this;
  }

  boolean isFinished() {
    return isFinished(WINDOW);
  }

  boolean isFinished(BoundedWindow window) {
    return machine.isFinished(state(window));
  }

  /** Merges {@code merged} (new windows start from the initial state) into {@code result}. */
  TriggerTester merge(BoundedWindow result, BoundedWindow... merged) {
    List<TriggerState> mergingStates = new ArrayList<>();
    for (BoundedWindow window : merged) {
      TriggerState state = states.remove(window);
      mergingStates.add(state == null ? machine.initialState() : state);
    }
    keep(result, machine.onMerge(mergingStates, result, time()));
    return this;
  }

  Instant nextProcessingTimeDeadline() {
    return machine.nextProcessingTimeDeadline(state(WINDOW));
  }

  Instant nextSynchronizedProcessingTimeDeadline() {
    return machine.nextSynchronizedProcessingTimeDeadline(state(WINDOW));
  }

  TriggerState state(BoundedWindow window) {
    TriggerState state = states.get(window);
    checkArgument(state != null, "no state for window %s", window);
    return state;
  }

  private TriggerState keep(BoundedWindow window, TriggerState state) {
    TriggerState restored = roundTrip(state);
    states.put(window, restored);
    return restored;
  }

  private TriggerState roundTrip(TriggerState state) {
    try {
      TriggerState decoded = CoderProperties.decodeEncode(machine.stateCoder(), state);
      assertEquals(state, decoded, "state did not survive its coder");
      assertEquals(state.hashCode(), decoded.hashCode(), "decoded state hashes differently");
      assertArrayEquals(
          CoderProperties.encode(machine.stateCoder(), state),
          CoderProperties.encode(machine.stateCoder(), decoded),
          "decoded state encodes differently");
      return decoded;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
