package dev.weir.runtime.grouping;

import dev.weir.runtime.triggers.TriggerStateMachines;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.values.WindowingStrategy;

/**
 * When a runner may combine the values of a lifted {@code Combine.perKey} per key and window before
 * they reach the grouping core (and hand it accumulators, {@link PaneContents#mergingAccumulators}),
 * and when it may hold those accumulators back until the input watermark moves: the one rule for
 * every runner. A runner adds its own conditions (a manual clock, a checkpointed state) on top.
 * Stateless.
 */
public final class MapSideCombining {
  private MapSideCombining() {}

  /**
   * Whether combining before the core gives the panes combining in the core gives, for an input
   * with {@code strategy}: windows that never merge, the END_OF_WINDOW timestamp combiner (so no
   * element's timestamp is needed), and a trigger that does not count elements (it would see one
   * accumulator where there were several elements).
   */
  public static boolean preservesPanes(WindowingStrategy<?, ?> strategy) {
    return strategy.getWindowFn().isNonMerging()
        && strategy.getTimestampCombiner() == TimestampCombiner.END_OF_WINDOW
        && !TriggerStateMachines.countsElements(strategy.getTrigger());
  }

  /**
   * Whether, for an input with {@code strategy} that {@link #preservesPanes}, a window that has not
   * ended fires only when the input watermark moves: its trigger waits on no processing time, so
   * accumulators of such windows may be held until the next watermark without delaying a pane.
   * (Windows that have ended may still fire on arrival under allowed lateness.)
   */
  public static boolean unendedWindowsWaitForTheWatermark(WindowingStrategy<?, ?> strategy) {
    return preservesPanes(strategy) && !TriggerStateMachines.usesProcessingTime(strategy.getTrigger());
  }
}
