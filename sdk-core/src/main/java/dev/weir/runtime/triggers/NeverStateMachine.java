package dev.weir.runtime.triggers;

import com.google.common.base.VerifyException;
import java.util.List;

/** {@code Never.ever()}: never ready, never finished; the window's pane comes only when it expires. */
final class NeverStateMachine extends NodeStateMachine {
  private static final long serialVersionUID = 1L;

  NeverStateMachine() {
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
    return false;
  }

  @Override
  TriggerNodeState onFire(TriggerNodeState state, TriggerContext c) {
    // Composites fire a sub-trigger only when it is ready, which this one never is.
    throw new VerifyException("Never.ever() was asked to fire in window " + c.window());
  }

  @Override
  public String toString() {
    return "Never.ever()";
  }
}
