package dev.weir.runtime.grouping;

import dev.weir.runtime.windowing.WindowExpiry;

import dev.weir.runtime.grouping.WatermarkHold.Release;
import dev.weir.runtime.triggers.TriggerStateMachine;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import dev.weir.sdk.transforms.windowing.Window.ClosingBehavior;
import dev.weir.sdk.transforms.windowing.Window.OnTimeBehavior;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import dev.weir.sdk.values.WindowingStrategy.AccumulationMode;
import java.util.function.Consumer;
import org.joda.time.Instant;

/**
 * Fires the panes of one grouping step's windows and keeps their wake-ups current, with Beam's
 * rules ({@code ReduceFnRunner.emit} and {@code onTrigger}): a trigger firing releases the window's
 * holds, emits a pane if it must be seen, then discards the contents (discarding mode) or closes the
 * window (finished trigger); the final pane at garbage collection needs no trigger.
 *
 * <p>Part of a {@link GroupAlsoByWindowCore}, sharing its state and clocks; not thread-safe.
 */
final class PaneFiring<K, AccumT, OutputT> {
  private final WindowingStrategy<?, ?> strategy;
  private final TriggerStateMachine machine;
  private final PaneContents<?, AccumT, OutputT> contents;
  private final WatermarkHold watermarkHold;
  private final WindowExpiry expiry;
  private final GroupingState<K, AccumT> state;
  private final GroupingClocks clocks;
  private final Consumer<? super WindowedValue<KV<K, OutputT>>> output;

  PaneFiring(
      GroupAlsoByWindowSpec<K, ?, AccumT, OutputT> spec,
      GroupingState<K, AccumT> state,
      GroupingClocks clocks,
      Consumer<? super WindowedValue<KV<K, OutputT>>> output) {
    this.strategy = spec.strategy();
    this.machine = spec.triggerMachine();
    this.contents = spec.contents();
    this.watermarkHold = new WatermarkHold(strategy);
    this.expiry = new WindowExpiry(strategy.getAllowedLateness());
    this.state = state;
    this.clocks = clocks;
    this.output = output;
  }

  /** Whether the window's trigger asks for a pane now. */
  boolean shouldFire(WindowState<AccumT> windowState) {
    return machine.shouldFire(windowState.trigger, windowState.window, clocks.triggerTime());
  }

  /**
   * Fires the pane the trigger asked for, then discards or closes as the strategy and trigger say;
   * {@code outputWatermark} is the key's output watermark (it decides a pane's timing).
   */
  void onTriggerFiring(KeyState<K, AccumT> keyState, WindowState<AccumT> windowState, Instant outputWatermark) {
    windowState.trigger = machine.onFire(windowState.trigger, windowState.window, clocks.triggerTime());
    boolean finished = machine.isFinished(windowState.trigger);
    firePane(keyState, windowState, finished, outputWatermark);
    if (finished) {
      state.removeActive(keyState, windowState);
      state.putClosed(keyState, windowState.window, windowState.windowBytes,
          expiry.garbageCollectionTime(windowState.window));
    } else if (strategy.getMode() == AccumulationMode.DISCARDING_FIRED_PANES) {
      windowState.accumulator = contents.createEmpty();
    }
  }

  /** Emits the window's final pane where one must be seen, then forgets the window. */
  void garbageCollect(KeyState<K, AccumT> keyState, WindowState<AccumT> windowState, Instant outputWatermark) {
    firePane(keyState, windowState, true, outputWatermark);
    state.removeActive(keyState, windowState);
  }

  /** Emits the window's pane if it must be seen, releasing its holds either way. */
  private void firePane(
      KeyState<K, AccumT> keyState, WindowState<AccumT> windowState, boolean isFinal, Instant outputWatermark) {
    Instant inputWatermark = clocks.inputWatermark();
    Release release = watermarkHold.release(windowState.holds, windowState.window, isFinal, inputWatermark);
    state.setHolds(windowState, release.remaining());
    boolean isEmpty = windowState.elementsSincePane == 0;
    windowState.elementsSincePane = 0;
    if (isEmpty
        && strategy.getClosingBehavior() == ClosingBehavior.FIRE_IF_NON_EMPTY
        && strategy.getOnTimeBehavior() == OnTimeBehavior.FIRE_IF_NON_EMPTY) {
      return;
    }
    PaneInfo pane = PaneInfoTracker.nextPane(windowState.previousPane, windowState.window.maxTimestamp(),
        inputWatermark, outputWatermark, isFinal);
    boolean mustEmit = !isEmpty
        || (pane.getTiming() == Timing.ON_TIME && strategy.getOnTimeBehavior() == OnTimeBehavior.FIRE_ALWAYS)
        || (isFinal && strategy.getClosingBehavior() == ClosingBehavior.FIRE_ALWAYS);
    if (!mustEmit) {
      return;
    }
    windowState.previousPane = pane;
    // The accumulator is dropped after a final or discarding pane, so it need not be protected.
    boolean accumulatorDropped = isFinal || strategy.getMode() == AccumulationMode.DISCARDING_FIRED_PANES;
    OutputT paneContents = accumulatorDropped
        ? contents.extractLast(windowState.accumulator)
        : contents.extract(windowState.accumulator);
    output.accept(WindowedValue.of(
        KV.of(keyState.key, paneContents), release.outputTimestamp(), windowState.window, pane));
  }

  /** Re-derives the window's wake-ups if it is still active; returns whether it is. */
  boolean refreshIfActive(KeyState<K, AccumT> keyState, WindowState<AccumT> windowState) {
    if (keyState.active.get(windowState.window) != windowState) {
      return false;
    }
    refreshWakeUps(keyState, windowState);
    return true;
  }

  /**
   * Re-derives the window's wake-ups from its state and the clocks: its end, then (once the
   * watermark passed it) its garbage-collection time; its trigger's processing-time deadlines. A
   * deadline already reached needs none: the trigger then waits for something else (an element, the
   * watermark), and whatever brings that asks it again.
   */
  void refreshWakeUps(KeyState<K, AccumT> keyState, WindowState<AccumT> windowState) {
    BoundedWindow window = windowState.window;
    Instant eventTime = clocks.inputWatermark().isAfter(window.maxTimestamp())
        ? expiry.garbageCollectionTime(window)
        : window.maxTimestamp();
    state.setWakeUps(keyState, windowState, eventTime,
        unreached(machine.nextProcessingTimeDeadline(windowState.trigger), clocks.processingTime()),
        unreached(machine.nextSynchronizedProcessingTimeDeadline(windowState.trigger),
            clocks.synchronizedProcessingTime()));
  }

  private static Instant unreached(Instant deadline, Instant now) {
    return deadline != null && deadline.isAfter(now) ? deadline : null;
  }
}
