package dev.weir.runtime.grouping;

import dev.weir.runtime.grouping.MergingWindows.Merge;
import dev.weir.runtime.grouping.WatermarkHold.Clocks;
import dev.weir.runtime.triggers.TriggerState;
import dev.weir.runtime.triggers.TriggerStateMachine;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.WindowFn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * Merges one key's windows as a merging window function declares, with Beam's rules for each part
 * of a window's state: contents merge (sources in window-encoding order), the trigger merges its
 * states, holds merge by {@link WatermarkHold#merge}, counts of elements since the last pane add
 * up, and the pane history is kept only if the merged window was one of the merged ones. As in
 * Beam's {@code ReduceFnRunner}, only windows with state take part; a window of a new element has
 * seen nothing yet (its element is added to the merged window afterwards).
 *
 * <p>Part of a {@link GroupAlsoByWindowCore}, sharing its state and clocks; not thread-safe.
 */
final class WindowMerger<K, AccumT> {
  private static final Comparator<WindowState<?>> BY_WINDOW_ENCODING =
      Comparator.comparing(windowState -> windowState.windowBytes);

  private final String stepName;
  private final WindowFn<?, ?> windowFn;
  private final Coder<BoundedWindow> windowCoder;
  private final PaneContents<?, AccumT, ?> contents;
  private final TriggerStateMachine machine;
  private final WatermarkHold watermarkHold;
  private final GroupingState<K, AccumT> state;
  private final GroupingClocks clocks;
  private final PaneFiring<K, AccumT, ?> firing;

  @SuppressWarnings("unchecked")
  WindowMerger(GroupAlsoByWindowSpec<K, ?, AccumT, ?> spec, GroupingState<K, AccumT> state, GroupingClocks clocks,
      PaneFiring<K, AccumT, ?> firing) {
    this.stepName = spec.stepName();
    this.windowFn = spec.strategy().getWindowFn();
    this.windowCoder = (Coder<BoundedWindow>) windowFn.windowCoder();
    this.contents = spec.contents();
    this.machine = spec.triggerMachine();
    this.watermarkHold = new WatermarkHold(spec.strategy());
    this.state = state;
    this.clocks = clocks;
    this.firing = firing;
  }

  /**
   * Merges {@code added} (the windows of a call's elements) with the key's active windows, and
   * returns the window each merged window became. {@code outputWatermark} is the key's.
   */
  Map<BoundedWindow, BoundedWindow> merge(
      KeyState<K, AccumT> keyState, Collection<BoundedWindow> added, Instant outputWatermark) {
    List<WindowState<AccumT>> activeStates = new ArrayList<>(keyState.active.values());
    activeStates.sort(BY_WINDOW_ENCODING);
    List<BoundedWindow> active = new ArrayList<>();
    for (WindowState<AccumT> windowState : activeStates) {
      active.add(windowState.window);
    }
    Map<BoundedWindow, BoundedWindow> mergedInto = new HashMap<>();
    for (Merge merge : MergingWindows.merge(stepName, windowFn, active, added)) {
      for (BoundedWindow window : merge.toBeMerged()) {
        mergedInto.put(window, merge.result());
      }
      apply(keyState, merge, outputWatermark);
    }
    return mergedInto;
  }

  private void apply(KeyState<K, AccumT> keyState, Merge merge, Instant outputWatermark) {
    List<WindowState<AccumT>> sources = new ArrayList<>();
    for (BoundedWindow window : merge.toBeMerged()) {
      WindowState<AccumT> source = keyState.active.get(window);
      if (source != null) {
        sources.add(source);
      }
    }
    if (sources.isEmpty()) {
      // Only windows of new elements: the result gets its state with its first element.
      return;
    }
    sources.sort(BY_WINDOW_ENCODING);
    BoundedWindow window = merge.result();
    WindowState<AccumT> result =
        new WindowState<>(window, EncodedBytes.of(windowCoder, window, stepName, "window"), null, null);
    List<AccumT> accumulators = new ArrayList<>();
    List<TriggerState> triggers = new ArrayList<>();
    List<Holds> holds = new ArrayList<>();
    for (WindowState<AccumT> source : sources) {
      accumulators.add(source.accumulator);
      triggers.add(source.trigger);
      holds.add(source.holds);
      result.elementsSincePane += source.elementsSincePane;
      if (source.window.equals(window)) {
        result.previousPane = source.previousPane;
      }
      state.removeActive(keyState, source);
    }
    result.accumulator = contents.merge(accumulators);
    result.trigger = machine.onMerge(triggers, window, clocks.triggerTime());
    // Only a window function that merges into a window it closed earlier gets here; the merged
    // window is open again, as its merged trigger state says.
    state.removeClosed(keyState, window);
    state.putActive(keyState, result);
    Clocks holdClocks = new Clocks(clocks.inputWatermark(), outputWatermark);
    state.setHolds(result, watermarkHold.merge(holds, window, holdClocks));
    firing.refreshWakeUps(keyState, result);
  }
}
