package dev.weir.runtime.triggers;

import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * {@code AfterEach.inOrder(t1, t2, ...)}: runs its sub-triggers one after another; ready when the
 * first unfinished one is ready, finished when all have finished.
 *
 * <p>As in Beam, where windows may merge every sub-trigger sees every element (a merge can revive
 * an earlier one) and all of them drop their data after each firing; where windows never merge only
 * the current sub-trigger sees elements. Merging: the sub-triggers merge in order while all before
 * them are finished in the merged result; the later ones start from their initial state.
 */
final class AfterEachStateMachine extends NodeStateMachine {
  private static final long serialVersionUID = 1L;

  private final boolean windowsMayMerge;

  AfterEachStateMachine(List<NodeStateMachine> subMachines, boolean windowsMayMerge) {
    super(subMachines);
    this.windowsMayMerge = windowsMayMerge;
  }

  @Override
  TriggerNodeState onElement(TriggerNodeState state, TriggerContext c) {
    TriggerNodeState result = state;
    for (int i = 0; i < subMachines().size(); i++) {
      if (windowsMayMerge || i == firstUnfinished(state)) {
        result = result.withSub(i, sub(i).onElement(state.sub(i), c));
      }
    }
    return result;
  }

  @Override
  TriggerNodeState onMerge(List<TriggerNodeState> mergingStates, TriggerContext c) {
    List<TriggerNodeState> subs = new ArrayList<>();
    boolean priorAllFinished = true;
    for (int i = 0; i < subMachines().size(); i++) {
      TriggerNodeState merged =
          priorAllFinished ? sub(i).onMerge(subStatesAt(mergingStates, i), c) : sub(i).initialState();
      priorAllFinished &= merged.finished();
      subs.add(merged);
    }
    return withFinishedIfAllSubsAre(initialState().withSubs(subs));
  }

  @Override
  boolean shouldFire(TriggerNodeState state, TriggerContext c) {
    int current = firstUnfinished(state);
    return current >= 0 && sub(current).shouldFire(state.sub(current), c);
  }

  @Override
  TriggerNodeState onFire(TriggerNodeState state, TriggerContext c) {
    int current = firstUnfinished(state);
    TriggerNodeState result = state.withSub(current, sub(current).onFire(state.sub(current), c));
    if (windowsMayMerge) {
      for (int i = 0; i < subMachines().size(); i++) {
        result = result.withSub(i, sub(i).clear(result.sub(i)));
      }
    }
    return withFinishedIfAllSubsAre(result);
  }

  @Override
  Instant nextDeadline(TriggerNodeState state, ClockDomain domain) {
    int current = firstUnfinished(state);
    return current < 0 ? null : sub(current).nextDeadline(state.sub(current), domain);
  }

  private static int firstUnfinished(TriggerNodeState state) {
    for (int i = 0; i < state.subStates().size(); i++) {
      if (!state.sub(i).finished()) {
        return i;
      }
    }
    return -1;
  }

  private static TriggerNodeState withFinishedIfAllSubsAre(TriggerNodeState state) {
    return state.withFinished(firstUnfinished(state) < 0);
  }

  @Override
  public String toString() {
    return "AfterEach.inOrder(" + subMachines() + ")";
  }
}
