/**
 * Grouping by key and window, shared by every runner so that all of them produce the same panes.
 *
 * <p>{@link dev.weir.runtime.grouping.GroupAlsoByWindowCore} is the streaming group-also-by-window:
 * triggers (through a {@link dev.weir.runtime.triggers.TriggerStateMachine}), panes and their
 * {@code PaneInfo}, accumulation modes, allowed lateness and dropping of late data, timestamp
 * combiners and watermark holds, merging windows, and snapshots to bytes. It is configured by a
 * {@link dev.weir.runtime.grouping.GroupAlsoByWindowSpec}; what a window keeps is a
 * {@link dev.weir.runtime.grouping.PaneContents} (all values for a {@code GroupByKey}; a combiner's
 * accumulator for a combining grouping). Its rules live one per class: {@code dev.weir.runtime.windowing.WindowExpiry}
 * (lateness), {@code WatermarkHold} (holds and pane timestamps), {@code PaneInfoTracker} (pane
 * timing and indices), {@code MergingWindows} (asking a merging window function), {@code PaneFiring}
 * (emitting, discarding, closing); {@code GroupingState} and {@code GroupingClocks} hold what the
 * core keeps, {@code GroupAlsoByWindowSnapshot} writes and reads it.
 * {@link dev.weir.runtime.grouping.BatchGroupAlsoByWindow} groups a bounded input whose watermark
 * is known to reach the end of time, for the triggers it supports; for those it gives what the
 * streaming core gives when fed everything and then the end of time.
 *
 * <p>Semantics are Beam's ({@code ReduceFnRunner}, {@code WatermarkHold}, {@code PaneInfoTracker},
 * {@code LateDataUtils}), with these decisions where Beam leaves room:
 * <ul>
 *   <li>Pane timing and whether an element can still hold are decided with each key's own output
 *       watermark (the input watermark at the end of the previous call, held back by the key's
 *       holds), never with other keys' holds: the panes do not depend on how a runner partitions
 *       keys among cores.
 *   <li>Event-time work is synchronous: an advance of the input watermark fires everything it makes
 *       due before returning, each window once (as Beam handles all of a window's timers in one
 *       activation), in order of due time, key encoding and window encoding.
 *   <li>A new window of a merge that brings no state (only new elements' windows) gets its state
 *       with its first element; Beam would run the trigger's merge over no windows first.
 * </ul>
 *
 * <p>Passive: no threads, clocks or I/O; elements and time advances come in through method calls
 * and panes leave through a callback. Part of the execution core: not API; used by runners.
 */
package dev.weir.runtime.grouping;

