package dev.weir.runtime.grouping;

import dev.weir.runtime.windowing.WindowExpiry;

import static com.google.common.base.Verify.verify;

import dev.weir.runtime.grouping.WakeUps.WakeUp;
import dev.weir.runtime.grouping.WatermarkHold.Clocks;
import dev.weir.runtime.triggers.TriggerStateMachine;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.Metrics;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.Window.ClosingBehavior;
import dev.weir.sdk.transforms.windowing.Window.OnTimeBehavior;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.joda.time.Instant;

/**
 * Groups the values of one step by key and window as time advances, with triggers, panes,
 * accumulation modes, allowed lateness, watermark holds and merging windows: the one streaming
 * group-also-by-window of Weir, called by every runner, with Beam's semantics (its
 * {@code ReduceFnRunner}).
 *
 * <p><b>Passive.</b> No threads, clocks or I/O. Elements arrive through {@link #processElements}
 * (windows already assigned), time through {@link #advanceInputWatermark},
 * {@link #advanceProcessingTime} and {@link #advanceSynchronizedProcessingTime}; panes leave
 * through the output callback, synchronously, during those calls. The same calls in the same
 * order give the same panes in the same order. All three clocks start at
 * {@link BoundedWindow#TIMESTAMP_MIN_VALUE} and only move forward; moving one back fails with
 * both values in the message.
 *
 * <p><b>What fires when.</b> An element for a window whose garbage-collection time
 * ({@code maxTimestamp + allowedLateness}) is before the input watermark is dropped and counted in
 * {@link #droppedDueToLateness()}; one for a window whose trigger has finished is dropped and
 * counted in {@link #droppedDueToClosedWindow()}. After the elements of a call are added, each of
 * their windows whose trigger says so emits a pane. When the input watermark passes a window's
 * end, or processing time reaches a trigger's deadline, the window's trigger is asked again. When
 * the input watermark passes a window's garbage-collection time, the window emits its final pane
 * (if it holds data, or is ON_TIME under {@link OnTimeBehavior#FIRE_ALWAYS}, or under
 * {@link ClosingBehavior#FIRE_ALWAYS}) and is forgotten. Windows due in one advance are
 * activated once each, in order of due time, key encoding and window encoding.
 *
 * <p><b>Watermarks.</b> {@link #getOutputWatermarkHold()} is the earliest hold over all windows
 * (see {@link WatermarkHold}). After each call no event-time wake-up before the input watermark is
 * pending, so once a runner has passed on the panes of a call, the step's output watermark may be
 * the minimum of that hold and the input watermark. Pane timing (ON_TIME or LATE) and whether an
 * element can still hold use each key's own output watermark: the input watermark as it stood at
 * the end of the previous call, held back by that key's holds (Beam's per-key "local" output
 * watermark), so that the panes never depend on how a runner partitions keys among cores.
 *
 * <p><b>Snapshots.</b> {@link #snapshot()} encodes the whole state through coders (keys, windows,
 * accumulators, trigger states, holds, panes, clocks and counters), versioned;
 * {@link #restore} rebuilds an equal core from it and the same spec.
 *
 * <p>Not thread-safe: one instance per step and key partition, called by one thread at a time.
 *
 * @param <K> the key type
 * @param <InputT> the type of the grouped values
 * @param <AccumT> the type of what a window keeps
 * @param <OutputT> the type of a pane's contents
 */
public final class GroupAlsoByWindowCore<K, InputT, AccumT, OutputT> {
  /** The metric counting elements dropped because their window expired. */
  public static final String DROPPED_DUE_TO_LATENESS = "droppedDueToLateness";
  /** The metric counting elements dropped because their window's trigger had finished. */
  public static final String DROPPED_DUE_TO_CLOSED_WINDOW = "droppedDueToClosedWindow";

  private final GroupAlsoByWindowSpec<K, InputT, AccumT, OutputT> spec;
  private final WindowingStrategy<?, ?> strategy;
  private final TriggerStateMachine machine;
  private final PaneContents<InputT, AccumT, OutputT> contents;
  private final Coder<BoundedWindow> windowCoder;
  private final WindowExpiry expiry;
  private final WatermarkHold watermarkHold;
  private final Counter latenessMetric = Metrics.counter(GroupAlsoByWindowCore.class, DROPPED_DUE_TO_LATENESS);
  private final Counter closedMetric = Metrics.counter(GroupAlsoByWindowCore.class, DROPPED_DUE_TO_CLOSED_WINDOW);
  private final GroupingState<K, AccumT> state = new GroupingState<>();
  private final GroupingClocks clocks;
  private final PaneFiring<K, AccumT, OutputT> firing;
  private final WindowMerger<K, AccumT> merger;
  /**
   * Numbers the calls; each key's output watermark is fixed at its first use in a call (kept on
   * its {@link KeyState} with the call's number).
   */
  private long call;
  private long droppedDueToLateness;
  private long droppedDueToClosedWindow;

  /** An empty core for {@code spec}, emitting panes to {@code output}. */
  @SuppressWarnings("unchecked")
  public GroupAlsoByWindowCore(
      GroupAlsoByWindowSpec<K, InputT, AccumT, OutputT> spec, Consumer<? super WindowedValue<KV<K, OutputT>>> output) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.strategy = spec.strategy();
    this.machine = spec.triggerMachine();
    this.contents = spec.contents();
    this.windowCoder = (Coder<BoundedWindow>) strategy.getWindowFn().windowCoder();
    this.expiry = new WindowExpiry(strategy.getAllowedLateness());
    this.watermarkHold = new WatermarkHold(strategy);
    this.clocks = new GroupingClocks(spec.stepName());
    this.firing = new PaneFiring<>(spec, state, clocks, Objects.requireNonNull(output, "output"));
    this.merger = new WindowMerger<>(spec, state, clocks, firing);
  }

  /**
   * A core rebuilt from {@code snapshot}, which a core with an equal {@code spec} wrote.
   *
   * @throws IllegalArgumentException naming the step if the snapshot's version is unknown or its
   *     bytes do not decode with {@code spec}'s coders
   */
  public static <K, InputT, AccumT, OutputT> GroupAlsoByWindowCore<K, InputT, AccumT, OutputT> restore(
      GroupAlsoByWindowSpec<K, InputT, AccumT, OutputT> spec,
      byte[] snapshot,
      Consumer<? super WindowedValue<KV<K, OutputT>>> output) {
    GroupAlsoByWindowCore<K, InputT, AccumT, OutputT> core = new GroupAlsoByWindowCore<>(spec, output);
    new GroupAlsoByWindowSnapshot<>(core).read(snapshot);
    return core;
  }

  /**
   * Encodes the whole state of this core; {@link #restore} reads it back. Equal states give equal
   * bytes.
   *
   * @throws IllegalStateException naming the step if a coder of the spec cannot encode part of it
   */
  public byte[] snapshot() {
    return new GroupAlsoByWindowSnapshot<>(this).write();
  }

  /**
   * Adds {@code values}, elements of one {@code key} in the windows upstream assigned them, at the
   * current clocks (a runner advances processing time first if triggers should see the arrival
   * time), then emits the panes their windows' triggers ask for. An element in several windows
   * counts once in each. A merging window function first merges the elements' windows with the
   * key's active ones; as in Beam, only windows that have state take part in the trigger's merge.
   *
   * @throws IllegalArgumentException naming the step if the key or a window cannot be encoded
   * @throws dev.weir.runtime.dofn.UserCodeException naming the step if the window function's
   *     {@code mergeWindows} throws
   */
  public void processElements(K key, Iterable<WindowedValue<InputT>> values) {
    call++;
    List<WindowedValue<InputT>> kept = dropExpired(values);
    if (kept.isEmpty()) {
      return;
    }
    KeyState<K, AccumT> keyState =
        state.keyState(key, spec.keyCoder().structuralValue(key), () -> encode(spec.keyCoder(), key, "key"));
    // Fixed before this call changes any hold of the key.
    Instant outputWatermark = outputWatermark(keyState);
    Map<BoundedWindow, BoundedWindow> mergedInto = strategy.getWindowFn().isNonMerging()
        ? Map.of()
        : merger.merge(keyState, windowsOf(kept), outputWatermark);
    Set<BoundedWindow> toConsider = new LinkedHashSet<>();
    for (WindowedValue<InputT> value : kept) {
      BoundedWindow window = value.getWindows().iterator().next();
      window = mergedInto.getOrDefault(window, window);
      if (!keyState.closed.containsKey(window)) {
        toConsider.add(window);
      }
      addElement(keyState, window, value);
    }
    for (BoundedWindow window : toConsider) {
      WindowState<AccumT> windowState = keyState.active.get(window);
      if (windowState == null) {
        continue;
      }
      if (firing.shouldFire(windowState)) {
        firing.onTriggerFiring(keyState, windowState, outputWatermark);
      }
      firing.refreshIfActive(keyState, windowState);
    }
    endCall(keyState);
  }

  /**
   * Moves the input watermark to {@code watermark}, then activates every window whose end or
   * garbage-collection time it passed.
   *
   * @throws IllegalArgumentException with both values if {@code watermark} is before the current one
   */
  public void advanceInputWatermark(Instant watermark) {
    call++;
    clocks.advanceInputWatermark(watermark);
    WakeUp due;
    while ((due = state.eventTime.first()) != null && due.time().isBefore(watermark)) {
      activateAtEventTime(due);
    }
    endCall(null);
  }

  /**
   * Moves processing time to {@code time}, then asks the trigger of every window whose processing
   * time deadline is at or before it.
   *
   * @throws IllegalArgumentException with both values if {@code time} is before the current one
   */
  public void advanceProcessingTime(Instant time) {
    call++;
    clocks.advanceProcessingTime(time);
    fireDue(state.processingTime, time);
    endCall(null);
  }

  /**
   * Like {@link #advanceProcessingTime} for synchronized processing time.
   *
   * @throws IllegalArgumentException with both values if {@code time} is before the current one
   */
  public void advanceSynchronizedProcessingTime(Instant time) {
    call++;
    clocks.advanceSynchronizedProcessingTime(time);
    fireDue(state.synchronizedProcessingTime, time);
    endCall(null);
  }

  /**
   * The earliest watermark hold over all keys and windows, or {@link BoundedWindow#TIMESTAMP_MAX_VALUE}
   * if nothing holds.
   */
  public Instant getOutputWatermarkHold() {
    Instant hold = state.earliestHold();
    return hold == null ? BoundedWindow.TIMESTAMP_MAX_VALUE : hold;
  }

  /**
   * The smallest input watermark at which {@link #advanceInputWatermark} would do anything, or
   * null if no window waits on event time.
   */
  public Instant nextEventTimeWakeUp() {
    WakeUp first = state.eventTime.first();
    return first == null ? null : first.time().plus(1);
  }

  /**
   * The processing time at which {@link #advanceProcessingTime} would next fire a trigger that waits
   * on processing time (always after the current processing time), or null if none waits.
   */
  public Instant nextProcessingTimeWakeUp() {
    WakeUp first = state.processingTime.first();
    return first == null ? null : first.time();
  }

  /** Like {@link #nextProcessingTimeWakeUp} for synchronized processing time. */
  public Instant nextSynchronizedProcessingTimeWakeUp() {
    WakeUp first = state.synchronizedProcessingTime.first();
    return first == null ? null : first.time();
  }

  public Instant currentInputWatermark() {
    return clocks.inputWatermark();
  }

  public Instant currentProcessingTime() {
    return clocks.processingTime();
  }

  public Instant currentSynchronizedProcessingTime() {
    return clocks.synchronizedProcessingTime();
  }

  /**
   * The output watermark of {@code key}'s panes as this core sees it between calls: the input
   * watermark held back by the key's earliest hold. It decides whether a pane can still be on time
   * and whether an element can still hold; see the class documentation.
   */
  public Instant currentOutputWatermark(K key) {
    KeyState<K, AccumT> keyState = state.keys.get(encode(spec.keyCoder(), key, "key"));
    Instant hold = keyState == null ? null : earliestHold(keyState);
    Instant input = clocks.inputWatermark();
    return hold != null && hold.isBefore(input) ? hold : input;
  }

  /** Elements dropped because their window had expired, since the core was created. */
  public long droppedDueToLateness() {
    return droppedDueToLateness;
  }

  /** Elements dropped because their window's trigger had finished, since the core was created. */
  public long droppedDueToClosedWindow() {
    return droppedDueToClosedWindow;
  }

  /** Whether no key has any window, active or closed. */
  public boolean isEmpty() {
    return state.keys.isEmpty();
  }

  private List<WindowedValue<InputT>> dropExpired(Iterable<WindowedValue<InputT>> values) {
    Instant watermark = clocks.inputWatermark();
    List<WindowedValue<InputT>> kept =
        values instanceof Collection<?> collection ? new ArrayList<>(collection.size()) : new ArrayList<>();
    for (WindowedValue<InputT> value : values) {
      if (value.getWindows().size() == 1) {
        keepUnlessExpired(value, value.getWindows().iterator().next(), watermark, kept);
      } else {
        for (WindowedValue<InputT> inOneWindow : value.explodeWindows()) {
          keepUnlessExpired(inOneWindow, inOneWindow.getWindows().iterator().next(), watermark, kept);
        }
      }
    }
    return kept;
  }

  private void keepUnlessExpired(
      WindowedValue<InputT> inOneWindow, BoundedWindow window, Instant watermark, List<WindowedValue<InputT>> kept) {
    if (expiry.isExpired(window, watermark)) {
      droppedDueToLateness++;
      latenessMetric.inc();
    } else {
      kept.add(inOneWindow);
    }
  }

  private static Set<BoundedWindow> windowsOf(List<? extends WindowedValue<?>> values) {
    Set<BoundedWindow> windows = new LinkedHashSet<>();
    for (WindowedValue<?> value : values) {
      windows.add(value.getWindows().iterator().next());
    }
    return windows;
  }

  private void addElement(KeyState<K, AccumT> keyState, BoundedWindow window, WindowedValue<InputT> value) {
    if (keyState.closed.containsKey(window)) {
      droppedDueToClosedWindow++;
      closedMetric.inc();
      return;
    }
    WindowState<AccumT> windowState = keyState.active.get(window);
    if (windowState == null) {
      windowState = new WindowState<>(
          window, encode(windowCoder, window, "window"), contents.createEmpty(), machine.initialState());
      state.putActive(keyState, windowState);
    }
    windowState.elementsSincePane++;
    Holds holds = watermarkHold.addElement(windowState.holds, window, value.getTimestamp(), holdClocks(keyState));
    state.setHolds(windowState, holds);
    windowState.accumulator = contents.add(windowState.accumulator, value.getValue());
    windowState.trigger = machine.onElement(windowState.trigger, window, clocks.triggerTime());
  }

  /**
   * Handles a window whose end or garbage-collection time the input watermark passed: Beam's
   * timer handling, where what happens depends only on the window's state and the clocks.
   */
  private void activateAtEventTime(WakeUp due) {
    KeyState<K, AccumT> keyState = state.keys.get(due.key());
    WindowState<AccumT> windowState = keyState.active.get(due.window());
    if (windowState == null) {
      verify(due.equals(keyState.closed.get(due.window())), "wake-up %s has no window", due);
      state.removeClosed(keyState, due.window());
    } else if (expiry.isExpired(windowState.window, clocks.inputWatermark())) {
      firing.garbageCollect(keyState, windowState, outputWatermark(keyState));
    } else {
      if (firing.shouldFire(windowState)) {
        firing.onTriggerFiring(keyState, windowState, outputWatermark(keyState));
      }
      firing.refreshIfActive(keyState, windowState);
    }
    state.dropIfEmpty(keyState);
  }

  /** Asks the trigger of each window whose deadline in the domain of {@code wakeUps} has come. */
  private void fireDue(WakeUps wakeUps, Instant time) {
    boolean synchronizedTime = wakeUps == state.synchronizedProcessingTime;
    List<WakeUp> due = wakeUps.atOrBefore(time);
    while (!due.isEmpty()) {
      List<WakeUp> again = new ArrayList<>();
      for (WakeUp wakeUp : due) {
        KeyState<K, AccumT> keyState = state.keys.get(wakeUp.key());
        WindowState<AccumT> windowState = keyState == null ? null : keyState.active.get(wakeUp.window());
        if (windowState == null) {
          continue;
        }
        boolean fires = firing.shouldFire(windowState);
        if (fires) {
          firing.onTriggerFiring(keyState, windowState, outputWatermark(keyState));
        }
        if (firing.refreshIfActive(keyState, windowState) && fires) {
          // Firing changed the trigger's state; it may be due again at this same time.
          Instant next = synchronizedTime
              ? machine.nextSynchronizedProcessingTimeDeadline(windowState.trigger)
              : machine.nextProcessingTimeDeadline(windowState.trigger);
          if (next != null && !next.isAfter(time)) {
            again.add(wakeUp);
          }
        }
        state.dropIfEmpty(keyState);
      }
      due = again;
    }
  }

  private void endCall(KeyState<K, AccumT> touched) {
    if (touched != null) {
      state.dropIfEmpty(touched);
    }
    clocks.settle();
  }

  /**
   * The output watermark of the key's panes during this call: the settled input watermark held back
   * by the key's earliest hold as the call found it. Per key (Beam's "local" output watermark), so
   * that how a runner partitions keys among cores never changes a pane.
   */
  private Instant outputWatermark(KeyState<K, AccumT> keyState) {
    if (keyState.outputWatermarkCall != call) {
      Instant hold = earliestHold(keyState);
      Instant settled = clocks.settledInputWatermark();
      keyState.outputWatermark = hold != null && hold.isBefore(settled) ? hold : settled;
      keyState.outputWatermarkCall = call;
    }
    return keyState.outputWatermark;
  }

  private static Instant earliestHold(KeyState<?, ?> keyState) {
    WindowState<?> earliest = null;
    for (WindowState<?> windowState : keyState.active.values()) {
      if (windowState.holdMillis != Long.MAX_VALUE && (earliest == null || windowState.holdMillis < earliest.holdMillis)) {
        earliest = windowState;
      }
    }
    return earliest == null ? null : earliest.holds.combined();
  }

  private Clocks holdClocks(KeyState<K, AccumT> keyState) {
    return new Clocks(clocks.inputWatermark(), outputWatermark(keyState));
  }

  <T> EncodedBytes encode(Coder<T> coder, T value, String what) {
    return EncodedBytes.of(coder, value, spec.stepName(), what);
  }

  // For GroupAlsoByWindowSnapshot, which writes and reads what this core keeps.

  GroupAlsoByWindowSpec<K, InputT, AccumT, OutputT> spec() {
    return spec;
  }

  GroupingState<K, AccumT> state() {
    return state;
  }

  GroupingClocks clocks() {
    return clocks;
  }

  PaneFiring<K, AccumT, OutputT> firing() {
    return firing;
  }

  Coder<BoundedWindow> windowCoder() {
    return windowCoder;
  }

  WindowExpiry expiry() {
    return expiry;
  }

  long[] counters() {
    return new long[] {droppedDueToLateness, droppedDueToClosedWindow};
  }

  void restoreCounters(long[] counters) {
    droppedDueToLateness = counters[0];
    droppedDueToClosedWindow = counters[1];
  }
}
