package dev.weir.runtime.triggers;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * {@code AfterPane.elementCountAtLeast(n)}: counts the elements since the last firing or reset,
 * ready once the count is at least {@code n}, finished after firing.
 *
 * <p>Merging: finished if finished in any merged window (with its count dropped), otherwise the
 * counts add up.
 */
final class AfterPaneStateMachine extends NodeStateMachine {
  private static final long serialVersionUID = 1L;

  private final long countElems;

  AfterPaneStateMachine(long countElems) {
    super(List.of());
    checkArgument(countElems > 0, "element count must be positive: %s", countElems);
    this.countElems = countElems;
  }

  @Override
  TriggerNodeState onElement(TriggerNodeState state, TriggerContext c) {
    return state.withElementCount(state.elementCount() + 1);
  }

  @Override
  TriggerNodeState onMerge(List<TriggerNodeState> mergingStates, TriggerContext c) {
    if (anyFinished(mergingStates)) {
      return initialState().withFinished(true);
    }
    long sum = 0;
    for (TriggerNodeState state : mergingStates) {
      sum += state.elementCount();
    }
    return initialState().withElementCount(sum);
  }

  @Override
  boolean shouldFire(TriggerNodeState state, TriggerContext c) {
    return state.elementCount() >= countElems;
  }

  @Override
  TriggerNodeState onFire(TriggerNodeState state, TriggerContext c) {
    return clear(state).withFinished(true);
  }

  @Override
  public String toString() {
    return "AfterPane.elementCountAtLeast(" + countElems + ")";
  }
}
