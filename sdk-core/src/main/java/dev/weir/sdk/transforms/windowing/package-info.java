/**
 * Event time: window functions ({@code FixedWindows}, {@code SlidingWindows}, {@code Sessions},
 * {@code GlobalWindows}, {@code CalendarWindows}), triggers, {@code PaneInfo}, {@code
 * TimestampCombiner} and the {@code Window} transform, mirroring {@code
 * org.apache.beam.sdk.transforms.windowing}. These are immutable descriptions; the execution core
 * ({@code dev.weir.runtime.triggers}, {@code grouping}) runs them, once, for every runner.
 */
package dev.weir.sdk.transforms.windowing;
