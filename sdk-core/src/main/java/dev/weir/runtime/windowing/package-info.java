/**
 * Window assignment as every runner performs it: {@link dev.weir.runtime.windowing.WindowAssigner}
 * applies a {@link dev.weir.sdk.transforms.windowing.WindowFn} to windowed values. (Merging of
 * windows joins this package with issue 3.)
 *
 * <p>Passive: no threads or clocks; called by runners on their own threads. Part of the execution
 * core: not API.
 */
package dev.weir.runtime.windowing;
