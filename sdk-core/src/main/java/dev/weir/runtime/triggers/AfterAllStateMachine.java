package dev.weir.runtime.triggers;

import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * {@code AfterAll.of(t1, t2, ...)}: unfinished sub-triggers see the elements; ready when every
 * sub-trigger is finished or ready; firing fires them all and finishes. Merging merges each
 * sub-trigger; the result is finished if all sub-triggers are. A sub-trigger that finished (through
 * a merge) stays finished and counts as ready.
 */
final class AfterAllStateMachine extends NodeStateMachine {
  private static final long serialVersionUID = 1L;

  AfterAllStateMachine(List<NodeStateMachine> subMachines) {
    super(subMachines);
  }

  @Override
  TriggerNodeState onElement(TriggerNodeState state, TriggerContext c) {
    List<TriggerNodeState> subs = new ArrayList<>();
    for (int i = 0; i < subMachines().size(); i++) {
      TriggerNodeState subState = state.sub(i);
      subs.add(subState.finished() ? subState : sub(i).onElement(subState, c));
    }
    return state.withSubs(subs);
  }

  @Override
  TriggerNodeState onMerge(List<TriggerNodeState> mergingStates, TriggerContext c) {
    List<TriggerNodeState> subs = new ArrayList<>();
    for (int i = 0; i < subMachines().size(); i++) {
      subs.add(sub(i).onMerge(subStatesAt(mergingStates, i), c));
    }
    return initialState().withSubs(subs).withFinished(allFinished(subs));
  }

  @Override
  boolean shouldFire(TriggerNodeState state, TriggerContext c) {
    for (int i = 0; i < subMachines().size(); i++) {
      if (!state.sub(i).finished() && !sub(i).shouldFire(state.sub(i), c)) {
        return false;
      }
    }
    return true;
  }

  @Override
  TriggerNodeState onFire(TriggerNodeState state, TriggerContext c) {
    List<TriggerNodeState> subs = new ArrayList<>();
    for (int i = 0; i < subMachines().size(); i++) {
      TriggerNodeState subState = state.sub(i);
      // A finished sub-trigger has nothing left to fire; its finished bit is what counts.
      subs.add(subState.finished() ? subState : sub(i).onFire(subState, c));
    }
    return state.withSubs(subs).withFinished(true);
  }

  /** The latest deadline of the unfinished sub-triggers: all of them must be ready. */
  @Override
  Instant nextDeadline(TriggerNodeState state, ClockDomain domain) {
    Instant result = null;
    for (int i = 0; i < subMachines().size(); i++) {
      if (!state.sub(i).finished()) {
        result = latest(result, sub(i).nextDeadline(state.sub(i), domain));
      }
    }
    return result;
  }

  @Override
  public String toString() {
    return "AfterAll.of(" + subMachines() + ")";
  }
}
