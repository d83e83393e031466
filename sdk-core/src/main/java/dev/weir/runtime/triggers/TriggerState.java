package dev.weir.runtime.triggers;

/**
 * The state of one trigger for one key and window: an immutable value owned by the grouping core,
 * understood only by the {@link TriggerStateMachine} that made it. Implementations have value
 * equality, so a state restored from a snapshot equals the state that was saved.
 */
public interface TriggerState {}
