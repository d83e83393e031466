/**
 * User state and timers of stateful {@code DoFn}s, as in Beam's {@code org.apache.beam.sdk.state}.
 *
 * <p>A DoFn declares state with {@code @StateId} on final {@link dev.weir.sdk.state.StateSpec}
 * fields made by {@link dev.weir.sdk.state.StateSpecs} (value, bag, set, map, ordered list,
 * combining) and timers with {@code @TimerId} on final {@link dev.weir.sdk.state.TimerSpec} fields
 * made by {@link dev.weir.sdk.state.TimerSpecs}; its methods receive them as parameters with the
 * same annotations. State and timers are per key and window of a {@code KV} input.
 *
 * <p>Where Weir differs from Beam: {@code Timer.withNoOutputTimestamp}, timer families
 * ({@code TimerMap}), {@code MultimapState}, {@code WatermarkHoldState} and
 * {@code @AlwaysFetched} are not provided; {@code ValueState.write(null)} is the same as
 * {@code clear()}; alignment with {@code Timer.align} is also right for times before the epoch.
 */
package dev.weir.sdk.state;
