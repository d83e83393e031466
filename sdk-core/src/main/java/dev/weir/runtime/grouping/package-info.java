/**
 * Grouping by key and window, shared by every runner so that all of them produce the same panes:
 * {@link dev.weir.runtime.grouping.BatchGroupAlsoByWindow} groups a bounded input whose watermark
 * is known to reach the end of time. (Triggers, watermark holds and merging windows join this
 * package with the streaming work of issue 3.)
 *
 * <p>Passive: no threads, clocks or I/O; elements come in through method calls and results leave
 * through a callback. Part of the execution core: not API.
 */
package dev.weir.runtime.grouping;
