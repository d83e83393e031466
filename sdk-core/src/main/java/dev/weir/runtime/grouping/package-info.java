/**
 * Grouping by key and window, shared by every runner so that all of them produce the same panes.
 *
 * <p>{@link dev.weir.runtime.grouping.GroupAlsoByWindowCore} is the streaming group-also-by-window:
 * triggers (through a {@link dev.weir.runtime.triggers.TriggerStateMachine}), panes and their
 * {@code PaneInfo}, accumulation modes, allowed lateness and dropping of late data, timestamp
 * combiners and watermark holds, merging windows, and snapshots to bytes. It is configured by a
 * {@link dev.weir.runtime.grouping.GroupAlsoByWindowSpec}; what a window keeps is a
 * {@link dev.weir.runtime.grouping.PaneContents} (all values for a {@code GroupByKey}; a combiner's
 * accumulator for a combining grouping). Its rules live one per class: {@code WindowExpiry}
 * (lateness), {@code WatermarkHold} (holds and pane timestamps), {@code PaneInfoTracker} (pane
 * timing and indices), {@code MergingWindows} (asking a merging window function).
 * {@link dev.weir.runtime.grouping.BatchGroupAlsoByWindow} groups a bounded input whose watermark
 * is known to reach the end of time, for the triggers it supports.
 *
 * <p>Passive: no threads, clocks or I/O; elements and time advances come in through method calls
 * and panes leave through a callback. Part of the execution core: not API; used by runners.
 */
package dev.weir.runtime.grouping;
