/**
 * Timers and time for the execution core: {@link dev.weir.runtime.timers.PendingTimers} keeps
 * pending timers per key, window and id in firing order with their watermark holds;
 * {@link dev.weir.runtime.timers.TimerData} and its coder are a timer as saved in snapshots; a
 * {@link dev.weir.runtime.timers.Clock} is where a runner reads processing time (the system clock,
 * or a {@link dev.weir.runtime.timers.ManualClock} under {@code TestStream} and in tests). The
 * cores never read a clock themselves. For runners only.
 */
package dev.weir.runtime.timers;
