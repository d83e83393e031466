/**
 * Trigger state machines: one pure state machine per {@link dev.weir.sdk.transforms.windowing.Trigger},
 * with Beam's semantics, that the grouping core runs per key and window.
 *
 * <p>{@link dev.weir.runtime.triggers.TriggerStateMachines} turns a trigger into a
 * {@link dev.weir.runtime.triggers.TriggerStateMachine}: a stateless function from an immutable
 * {@link dev.weir.runtime.triggers.TriggerState} (a small tree with one node per sub-trigger) and the
 * clocks ({@link dev.weir.runtime.triggers.TriggerTime}) to a new state and a fire/no-fire answer.
 * States have value equality and a coder, so they can be snapshotted and restored anywhere.
 *
 * <p>Where Weir departs from Beam: a merge computes the merged state from the merged windows'
 * states alone, as if the result window were new; {@code AfterWatermark} early and late firings
 * restart their trigger completely (Beam leaves finished bits set inside it).
 *
 * <p>For the grouping core only (runtime); pipelines never see it. Passive: no threads, no clocks.
 */
package dev.weir.runtime.triggers;
