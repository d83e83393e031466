package dev.weir.runtime.grouping;

import dev.weir.runtime.grouping.WakeUps.WakeUp;
import dev.weir.runtime.triggers.TriggerState;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;

/**
 * Everything the grouping core keeps for one key and one active window (one whose trigger has not
 * finished). Each field says what it holds, how it merges when windows merge, and when it is
 * cleared. Mutable, owned by one core; not thread-safe.
 */
final class WindowState<AccumT> {
  final BoundedWindow window;
  final EncodedBytes windowBytes;

  /**
   * The values (or accumulator) of the window. Merges through {@link PaneContents#merge}, sources
   * in window-encoding order. Cleared after each pane in discarding mode, else only with the window.
   */
  AccumT accumulator;

  /**
   * The trigger's state. Merges through the trigger machine's {@code onMerge}. Dropped when the
   * trigger finishes (the window then becomes closed) or the window is garbage-collected.
   */
  TriggerState trigger;

  /**
   * The watermark holds; merge and clear by the rules of {@link WatermarkHold}. Set only through
   * {@link GroupingState#setHolds}, which keeps {@link #holdMillis} in step.
   */
  Holds holds = Holds.NONE;

  /** {@code holds.combined()} in millis, {@link Long#MAX_VALUE} for none: read per call per key. */
  long holdMillis = Long.MAX_VALUE;

  /**
   * The last pane emitted, null before the first. Not merged: a merged window keeps its own previous
   * pane if it was one of the merged windows and starts afresh otherwise, as in Beam.
   */
  PaneInfo previousPane;

  /** Elements added since the last pane (whether the next pane is empty). Sums on merge. */
  long elementsSincePane;

  // Derived from the fields above and the clocks, so never part of a snapshot.
  WakeUp eventWakeUp;
  WakeUp processingWakeUp;
  WakeUp synchronizedWakeUp;

  WindowState(BoundedWindow window, EncodedBytes windowBytes, AccumT accumulator, TriggerState trigger) {
    this.window = window;
    this.windowBytes = windowBytes;
    this.accumulator = accumulator;
    this.trigger = trigger;
  }
}
