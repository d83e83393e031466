/**
 * Keyed user state and the stateful-DoFn core: {@link dev.weir.runtime.state.StatefulDoFnCore}
 * runs a DoFn with state and timers for every runner, holding its state in a
 * {@link dev.weir.runtime.state.StateTable} (one in-memory cell per key, window and state id) and
 * its timers in a {@link dev.weir.runtime.timers.PendingTimers}, and saving both, with the times,
 * to versioned bytes through coders.
 *
 * <p>{@link dev.weir.runtime.windowing.WindowExpiry} holds the rule for when a window's state may be
 * dropped (the watermark past its end plus the allowed lateness). Everything here is passive: no
 * threads, no clocks; runners call in with elements and times and receive outputs through an
 * {@code OutputManager}. For runners only; pipelines never see this package.
 */
package dev.weir.runtime.state;
