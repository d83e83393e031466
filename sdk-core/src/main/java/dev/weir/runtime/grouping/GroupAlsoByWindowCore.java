package dev.weir.runtime.grouping;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.weir.runtime.grouping.MergingWindows.Merge;
import dev.weir.runtime.grouping.WakeUps.WakeUp;
import dev.weir.runtime.grouping.WatermarkHold.Clocks;
import dev.weir.runtime.grouping.WatermarkHold.Release;
import dev.weir.runtime.triggers.TriggerState;
import dev.weir.runtime.triggers.TriggerStateMachine;
import dev.weir.runtime.triggers.TriggerTime;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.Metrics;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import dev.weir.sdk.transforms.windowing.Window.ClosingBehavior;
import dev.weir.sdk.transforms.windowing.Window.OnTimeBehavior;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import dev.weir.sdk.values.WindowingStrategy.AccumulationMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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
 * (see {@link WatermarkHold}); a runner's output watermark for the step is at most the minimum of
 * it and the input watermark. The core's own notion of the output watermark, used for pane timing
 * and holds, is that minimum as it stood at the end of the previous call.
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

  private static final Comparator<WindowState<?>> BY_WINDOW_ENCODING =
      Comparator.comparing(state -> state.windowBytes);

  private final GroupAlsoByWindowSpec<K, InputT, AccumT, OutputT> spec;
  private final Consumer<? super WindowedValue<KV<K, OutputT>>> output;
  private final WindowingStrategy<?, ?> strategy;
  private final TriggerStateMachine machine;
  private final PaneContents<InputT, AccumT, OutputT> contents;
  private final Coder<BoundedWindow> windowCoder;
  private final WindowExpiry expiry;
  private final WatermarkHold watermarkHold;
  private final Counter latenessMetric = Metrics.counter(GroupAlsoByWindowCore.class, DROPPED_DUE_TO_LATENESS);
  private final Counter closedMetric = Metrics.counter(GroupAlsoByWindowCore.class, DROPPED_DUE_TO_CLOSED_WINDOW);

  private final Map<EncodedBytes, KeyState<K, AccumT>> keys = new HashMap<>();
  private final WakeUps eventTimeWakeUps = new WakeUps();
  private final WakeUps processingTimeWakeUps = new WakeUps();
  private final WakeUps synchronizedWakeUps = new WakeUps();
  /** How many windows hold at each instant: the multiset behind {@link #getOutputWatermarkHold}. */
  private final TreeMap<Instant, Integer> holdCounts = new TreeMap<>();

  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant synchronizedProcessingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant outputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private long droppedDueToLateness;
  private long droppedDueToClosedWindow;

  /** An empty core for {@code spec}, emitting panes to {@code output}. */
  @SuppressWarnings("unchecked")
  public GroupAlsoByWindowCore(
      GroupAlsoByWindowSpec<K, InputT, AccumT, OutputT> spec, Consumer<? super WindowedValue<KV<K, OutputT>>> output) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.output = Objects.requireNonNull(output, "output");
    this.strategy = spec.strategy();
    this.machine = spec.triggerMachine();
    this.contents = spec.contents();
    this.windowCoder = (Coder<BoundedWindow>) strategy.getWindowFn().windowCoder();
    this.expiry = new WindowExpiry(strategy.getAllowedLateness());
    this.watermarkHold = new WatermarkHold(strategy);
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

  /** Encodes the whole state of this core; {@link #restore} reads it back. */
  public byte[] snapshot() {
    return new GroupAlsoByWindowSnapshot<>(this).write();
  }

  /**
   * Adds {@code values}, the elements of one {@code key} in their already assigned windows, then
   * emits the panes their windows' triggers ask for. Merging window functions merge the new
   * windows with the key's active ones first.
   */
  public void processElements(K key, Iterable<WindowedValue<InputT>> values) {
    List<WindowedValue<InputT>> kept = dropExpired(values);
    if (kept.isEmpty()) {
      return;
    }
    EncodedBytes keyBytes = encode(spec.keyCoder(), key, "key");
    KeyState<K, AccumT> keyState = keys.computeIfAbsent(keyBytes, bytes -> new KeyState<>(key, bytes));
    Map<BoundedWindow, BoundedWindow> mergedInto = strategy.getWindowFn().isNonMerging()
        ? Map.of()
        : mergeWindows(keyState, kept);
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
      WindowState<AccumT> state = keyState.active.get(window);
      if (state != null && machine.shouldFire(state.trigger, window, now())) {
        emit(keyState, state);
      }
      state = keyState.active.get(window);
      if (state != null) {
        refreshWakeUps(keyState, state);
      }
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
    checkForward("input watermark", inputWatermark, watermark);
    inputWatermark = watermark;
    WakeUp due;
    while ((due = eventTimeWakeUps.first()) != null && due.time().isBefore(inputWatermark)) {
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
    checkForward("processing time", processingTime, time);
    processingTime = time;
    fireDue(processingTimeWakeUps, time);
    endCall(null);
  }

  /**
   * Like {@link #advanceProcessingTime} for synchronized processing time.
   *
   * @throws IllegalArgumentException with both values if {@code time} is before the current one
   */
  public void advanceSynchronizedProcessingTime(Instant time) {
    checkForward("synchronized processing time", synchronizedProcessingTime, time);
    synchronizedProcessingTime = time;
    fireDue(synchronizedWakeUps, time);
    endCall(null);
  }

  /**
   * The earliest watermark hold over all keys and windows, or {@link BoundedWindow#TIMESTAMP_MAX_VALUE}
   * if nothing holds.
   */
  public Instant getOutputWatermarkHold() {
    return holdCounts.isEmpty() ? BoundedWindow.TIMESTAMP_MAX_VALUE : holdCounts.firstKey();
  }

  /**
   * The smallest input watermark at which {@link #advanceInputWatermark} would do anything, or
   * null if no window waits on event time.
   */
  public Instant nextEventTimeWakeUp() {
    WakeUp first = eventTimeWakeUps.first();
    return first == null ? null : first.time().plus(1);
  }

  /**
   * The processing time at which {@link #advanceProcessingTime} would next fire a trigger that waits
   * on processing time (always after the current processing time), or null if none waits.
   */
  public Instant nextProcessingTimeWakeUp() {
    WakeUp first = processingTimeWakeUps.first();
    return first == null ? null : first.time();
  }

  /** Like {@link #nextProcessingTimeWakeUp} for synchronized processing time. */
  public Instant nextSynchronizedProcessingTimeWakeUp() {
    WakeUp first = synchronizedWakeUps.first();
    return first == null ? null : first.time();
  }

  public Instant currentInputWatermark() {
    return inputWatermark;
  }

  public Instant currentProcessingTime() {
    return processingTime;
  }

  public Instant currentSynchronizedProcessingTime() {
    return synchronizedProcessingTime;
  }

  /** The output watermark as this core sees it: see the class documentation. */
  public Instant currentOutputWatermark() {
    return outputWatermark;
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
    return keys.isEmpty();
  }

  private List<WindowedValue<InputT>> dropExpired(Iterable<WindowedValue<InputT>> values) {
    List<WindowedValue<InputT>> kept = new ArrayList<>();
    for (WindowedValue<InputT> value : values) {
      for (WindowedValue<InputT> inOneWindow : value.explodeWindows()) {
        if (expiry.isExpired(inOneWindow.getWindows().iterator().next(), inputWatermark)) {
          droppedDueToLateness++;
          latenessMetric.inc();
        } else {
          kept.add(inOneWindow);
        }
      }
    }
    return kept;
  }

  private Map<BoundedWindow, BoundedWindow> mergeWindows(KeyState<K, AccumT> keyState, List<WindowedValue<InputT>> values) {
    List<WindowState<AccumT>> activeStates = new ArrayList<>(keyState.active.values());
    activeStates.sort(BY_WINDOW_ENCODING);
    List<BoundedWindow> active = new ArrayList<>();
    for (WindowState<AccumT> state : activeStates) {
      active.add(state.window);
    }
    Set<BoundedWindow> added = new LinkedHashSet<>();
    for (WindowedValue<InputT> value : values) {
      added.add(value.getWindows().iterator().next());
    }
    Map<BoundedWindow, BoundedWindow> mergedInto = new HashMap<>();
    for (Merge merge : MergingWindows.merge(spec.stepName(), strategy.getWindowFn(), active, added)) {
      for (BoundedWindow window : merge.toBeMerged()) {
        mergedInto.put(window, merge.result());
      }
      applyMerge(keyState, merge);
    }
    return mergedInto;
  }

  private void applyMerge(KeyState<K, AccumT> keyState, Merge merge) {
    List<WindowState<AccumT>> sources = new ArrayList<>();
    for (BoundedWindow window : merge.toBeMerged()) {
      WindowState<AccumT> state = keyState.active.get(window);
      if (state != null) {
        sources.add(state);
      }
    }
    if (sources.isEmpty()) {
      // Only windows of new elements: the result gets its state with its first element.
      return;
    }
    sources.sort(BY_WINDOW_ENCODING);
    BoundedWindow window = merge.result();
    List<AccumT> accumulators = new ArrayList<>();
    List<TriggerState> triggers = new ArrayList<>();
    List<Holds> holds = new ArrayList<>();
    WindowState<AccumT> result = new WindowState<>(window, encode(windowCoder, window, "window"), null, null);
    for (WindowState<AccumT> source : sources) {
      accumulators.add(source.accumulator);
      triggers.add(source.trigger);
      holds.add(source.holds);
      result.elementsSincePane += source.elementsSincePane;
      if (source.window.equals(window)) {
        result.previousPane = source.previousPane;
      }
      removeWindow(keyState, source);
    }
    // As in Beam's ReduceFnRunner, only windows with state take part in the trigger's merge; a
    // window new with this merge has seen nothing (its element is added to the merged window next).
    result.accumulator = contents.merge(accumulators);
    result.trigger = machine.onMerge(triggers, window, now());
    WakeUp closedWakeUp = keyState.closed.remove(window);
    eventTimeWakeUps.remove(closedWakeUp);
    setHolds(result, watermarkHold.merge(holds, window, clocks()));
    keyState.active.put(window, result);
    refreshWakeUps(keyState, result);
  }

  private void addElement(KeyState<K, AccumT> keyState, BoundedWindow window, WindowedValue<InputT> value) {
    if (keyState.closed.containsKey(window)) {
      droppedDueToClosedWindow++;
      closedMetric.inc();
      return;
    }
    WindowState<AccumT> state = keyState.active.get(window);
    if (state == null) {
      state = new WindowState<>(
          window, encode(windowCoder, window, "window"), contents.createEmpty(), machine.initialState());
      keyState.active.put(window, state);
    }
    state.elementsSincePane++;
    setHolds(state, watermarkHold.addElement(state.holds, window, value.getTimestamp(), clocks()));
    state.accumulator = contents.add(state.accumulator, value.getValue());
    state.trigger = machine.onElement(state.trigger, window, now());
  }

  private void activateAtEventTime(WakeUp due) {
    KeyState<K, AccumT> keyState = keys.get(due.key());
    WindowState<AccumT> state = keyState.active.get(due.window());
    if (state == null) {
      // A closed window: its garbage-collection time has come.
      checkState(due.equals(keyState.closed.remove(due.window())), "stale wake-up %s", due);
      eventTimeWakeUps.remove(due);
    } else if (expiry.isExpired(state.window, inputWatermark)) {
      firePane(keyState, state, true);
      removeWindow(keyState, state);
    } else {
      if (machine.shouldFire(state.trigger, state.window, now())) {
        emit(keyState, state);
      }
      if (keyState.active.get(due.window()) == state) {
        refreshWakeUps(keyState, state);
      }
    }
    dropIfEmpty(keyState);
  }

  private void fireDue(WakeUps wakeUps, Instant time) {
    boolean synchronizedTime = wakeUps == synchronizedWakeUps;
    List<WakeUp> due = wakeUps.atOrBefore(time);
    while (!due.isEmpty()) {
      List<WakeUp> again = new ArrayList<>();
      for (WakeUp wakeUp : due) {
        KeyState<K, AccumT> keyState = keys.get(wakeUp.key());
        WindowState<AccumT> state = keyState == null ? null : keyState.active.get(wakeUp.window());
        if (state == null) {
          continue;
        }
        if (!machine.shouldFire(state.trigger, state.window, now())) {
          refreshWakeUps(keyState, state);
          continue;
        }
        emit(keyState, state);
        if (keyState.active.get(wakeUp.window()) == state) {
          refreshWakeUps(keyState, state);
          // Firing changed the trigger's state; a trigger may be due again at this same time.
          Instant next = synchronizedTime
              ? machine.nextSynchronizedProcessingTimeDeadline(state.trigger)
              : machine.nextProcessingTimeDeadline(state.trigger);
          if (next != null && !next.isAfter(time)) {
            again.add(wakeUp);
          }
        }
        dropIfEmpty(keyState);
      }
      due = again;
    }
  }

  /** Fires the pane the trigger asked for, then discards or closes as the strategy and trigger say. */
  private void emit(KeyState<K, AccumT> keyState, WindowState<AccumT> state) {
    state.trigger = machine.onFire(state.trigger, state.window, now());
    boolean finished = machine.isFinished(state.trigger);
    firePane(keyState, state, finished);
    if (finished) {
      removeWindow(keyState, state);
      WakeUp gc = wakeUp(keyState, state, expiry.garbageCollectionTime(state.window));
      keyState.closed.put(state.window, gc);
      eventTimeWakeUps.add(gc);
    } else if (strategy.getMode() == AccumulationMode.DISCARDING_FIRED_PANES) {
      state.accumulator = contents.createEmpty();
    }
  }

  /** Emits the window's pane if it must be seen, releasing its holds either way. */
  private void firePane(KeyState<K, AccumT> keyState, WindowState<AccumT> state, boolean isFinal) {
    Release release = watermarkHold.release(state.holds, state.window, isFinal, inputWatermark);
    setHolds(state, release.remaining());
    boolean isEmpty = state.elementsSincePane == 0;
    state.elementsSincePane = 0;
    if (isEmpty
        && strategy.getClosingBehavior() == ClosingBehavior.FIRE_IF_NON_EMPTY
        && strategy.getOnTimeBehavior() == OnTimeBehavior.FIRE_IF_NON_EMPTY) {
      return;
    }
    PaneInfo pane = PaneInfoTracker.nextPane(
        state.previousPane, state.window.maxTimestamp(), inputWatermark, outputWatermark, isFinal);
    boolean mustEmit = !isEmpty
        || (pane.getTiming() == Timing.ON_TIME && strategy.getOnTimeBehavior() == OnTimeBehavior.FIRE_ALWAYS)
        || (isFinal && strategy.getClosingBehavior() == ClosingBehavior.FIRE_ALWAYS);
    if (!mustEmit) {
      return;
    }
    state.previousPane = pane;
    OutputT paneContents = contents.extract(state.accumulator);
    output.accept(WindowedValue.of(KV.of(keyState.key, paneContents), release.outputTimestamp(), state.window, pane));
  }

  private void removeWindow(KeyState<K, AccumT> keyState, WindowState<AccumT> state) {
    keyState.active.remove(state.window);
    eventTimeWakeUps.remove(state.eventWakeUp);
    processingTimeWakeUps.remove(state.processingWakeUp);
    synchronizedWakeUps.remove(state.synchronizedWakeUp);
    setHolds(state, Holds.NONE);
  }

  /**
   * Re-derives the window's wake-ups from its state and the clocks. A processing-time deadline
   * already reached needs none: the trigger then waits for something else (an element, the
   * watermark), and whatever brings that asks it again.
   */
  void refreshWakeUps(KeyState<K, AccumT> keyState, WindowState<AccumT> state) {
    eventTimeWakeUps.remove(state.eventWakeUp);
    BoundedWindow window = state.window;
    Instant eventTime = inputWatermark.isAfter(window.maxTimestamp())
        ? expiry.garbageCollectionTime(window)
        : window.maxTimestamp();
    state.eventWakeUp = wakeUp(keyState, state, eventTime);
    eventTimeWakeUps.add(state.eventWakeUp);
    processingTimeWakeUps.remove(state.processingWakeUp);
    state.processingWakeUp = wakeUp(keyState, state,
        unreached(machine.nextProcessingTimeDeadline(state.trigger), processingTime));
    synchronizedWakeUps.remove(state.synchronizedWakeUp);
    state.synchronizedWakeUp = wakeUp(keyState, state,
        unreached(machine.nextSynchronizedProcessingTimeDeadline(state.trigger), synchronizedProcessingTime));
    if (state.processingWakeUp != null) {
      processingTimeWakeUps.add(state.processingWakeUp);
    }
    if (state.synchronizedWakeUp != null) {
      synchronizedWakeUps.add(state.synchronizedWakeUp);
    }
  }

  private static Instant unreached(Instant deadline, Instant now) {
    return deadline != null && deadline.isAfter(now) ? deadline : null;
  }

  private WakeUp wakeUp(KeyState<K, AccumT> keyState, WindowState<AccumT> state, Instant time) {
    return time == null ? null : new WakeUp(time, keyState.keyBytes, state.windowBytes, state.window);
  }

  /** Replaces the window's holds, keeping the multiset of all holds in step. */
  void setHolds(WindowState<AccumT> state, Holds holds) {
    Instant old = state.holds.combined();
    if (old != null) {
      holdCounts.computeIfPresent(old, (instant, count) -> count == 1 ? null : count - 1);
    }
    state.holds = holds;
    Instant now = holds.combined();
    if (now != null) {
      holdCounts.merge(now, 1, Integer::sum);
    }
  }

  private void endCall(KeyState<K, AccumT> touched) {
    if (touched != null) {
      dropIfEmpty(touched);
    }
    Instant held = getOutputWatermarkHold();
    Instant candidate = held.isBefore(inputWatermark) ? held : inputWatermark;
    if (candidate.isAfter(outputWatermark)) {
      outputWatermark = candidate;
    }
  }

  private void dropIfEmpty(KeyState<K, AccumT> keyState) {
    if (keyState.isEmpty()) {
      keys.remove(keyState.keyBytes);
    }
  }

  private TriggerTime now() {
    return new TriggerTime(inputWatermark, processingTime, synchronizedProcessingTime);
  }

  private Clocks clocks() {
    return new Clocks(inputWatermark, outputWatermark);
  }

  private void checkForward(String clock, Instant current, Instant next) {
    Objects.requireNonNull(next, clock);
    checkArgument(!next.isBefore(current),
        "Grouping step '%s': the %s cannot move back, from %s to %s", spec.stepName(), clock, current, next);
  }

  <T> EncodedBytes encode(Coder<T> coder, T value, String what) {
    try {
      return new EncodedBytes(CoderUtils.encodeToByteArray(coder, value));
    } catch (CoderException e) {
      throw new IllegalArgumentException(
          "Grouping step '" + spec.stepName() + "' cannot encode a " + what + " with " + coder + ": " + value, e);
    }
  }

  // Accessors for GroupAlsoByWindowSnapshot, which reads and writes the fields above.

  GroupAlsoByWindowSpec<K, InputT, AccumT, OutputT> spec() {
    return spec;
  }

  Map<EncodedBytes, KeyState<K, AccumT>> keys() {
    return keys;
  }

  Coder<BoundedWindow> windowCoder() {
    return windowCoder;
  }

  long[] counters() {
    return new long[] {droppedDueToLateness, droppedDueToClosedWindow};
  }

  Instant[] clockValues() {
    return new Instant[] {inputWatermark, processingTime, synchronizedProcessingTime, outputWatermark};
  }

  void restoreClocksAndCounters(Instant[] clockValues, long[] counters) {
    inputWatermark = clockValues[0];
    processingTime = clockValues[1];
    synchronizedProcessingTime = clockValues[2];
    outputWatermark = clockValues[3];
    droppedDueToLateness = counters[0];
    droppedDueToClosedWindow = counters[1];
  }

  void restoreClosedWindow(KeyState<K, AccumT> keyState, BoundedWindow window, EncodedBytes windowBytes) {
    WakeUp gc = new WakeUp(expiry.garbageCollectionTime(window), keyState.keyBytes, windowBytes, window);
    keyState.closed.put(window, gc);
    eventTimeWakeUps.add(gc);
  }
}
