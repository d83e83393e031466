package dev.weir.runtime.triggers;

import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * {@code AfterFirst.of(t1, t2, ...)}: every sub-trigger sees every element; ready as soon as any
 * sub-trigger is ready or finished; firing fires the ready ones, drops the data of the others and
 * finishes. Merging merges each sub-trigger; the result is finished if any sub-trigger is.
 */
final class AfterFirstStateMachine extends NodeStateMachine {
  private static final long serialVersionUID = 1L;

  AfterFirstStateMachine(List<NodeStateMachine> subMachines) {
    super(subMachines);
  }

  @Override
  TriggerNodeState onElement(TriggerNodeState state, TriggerContext c) {
    List<TriggerNodeState> subs = new ArrayList<>();
    for (int i = 0; i < subMachines().size(); i++) {
      subs.add(sub(i).onElement(state.sub(i), c));
    }
    return state.withSubs(subs);
  }

  @Override
  TriggerNodeState onMerge(List<TriggerNodeState> mergingStates, TriggerContext c) {
    List<TriggerNodeState> subs = new ArrayList<>();
    for (int i = 0; i < subMachines().size(); i++) {
      subs.add(sub(i).onMerge(subStatesAt(mergingStates, i), c));
    }
    return initialState().withSubs(subs).withFinished(anyFinished(subs));
  }

  @Override
  boolean shouldFire(TriggerNodeState state, TriggerContext c) {
    for (int i = 0; i < subMachines().size(); i++) {
      if (state.sub(i).finished() || sub(i).shouldFire(state.sub(i), c)) {
        return true;
      }
    }
    return false;
  }

  @Override
  TriggerNodeState onFire(TriggerNodeState state, TriggerContext c) {
    List<TriggerNodeState> subs = new ArrayList<>();
    for (int i = 0; i < subMachines().size(); i++) {
      TriggerNodeState subState = state.sub(i);
      subs.add(sub(i).shouldFire(subState, c) ? sub(i).onFire(subState, c) : sub(i).clear(subState));
    }
    return state.withSubs(subs).withFinished(true);
  }

  @Override
  Instant nextDeadline(TriggerNodeState state, ClockDomain domain) {
    Instant result = null;
    for (int i = 0; i < subMachines().size(); i++) {
      result = earliest(result, sub(i).nextDeadline(state.sub(i), domain));
    }
    return result;
  }

  @Override
  public String toString() {
    return "AfterFirst.of(" + subMachines() + ")";
  }
}
