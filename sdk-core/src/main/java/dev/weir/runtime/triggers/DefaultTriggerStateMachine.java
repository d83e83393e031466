package dev.weir.runtime.triggers;

import java.util.List;

/**
 * {@code DefaultTrigger}: ready whenever the watermark is past the end of the window, so it fires
 * the ON_TIME pane and then once for each batch of late elements; it never finishes and keeps no
 * data. Ready also with an empty pane: the grouping core decides whether an empty pane is emitted.
 */
final class DefaultTriggerStateMachine extends NodeStateMachine {
  private static final long serialVersionUID = 1L;

  DefaultTriggerStateMachine() {
    super(List.of());
  }

  @Override
  TriggerNodeState onElement(TriggerNodeState state, TriggerContext c) {
    return state;
  }

  @Override
  TriggerNodeState onMerge(List<TriggerNodeState> mergingStates, TriggerContext c) {
    return initialState();
  }

  @Override
  boolean shouldFire(TriggerNodeState state, TriggerContext c) {
    return c.endOfWindowReached();
  }

  @Override
  TriggerNodeState onFire(TriggerNodeState state, TriggerContext c) {
    return state;
  }

  @Override
  public String toString() {
    return "DefaultTrigger";
  }
}
