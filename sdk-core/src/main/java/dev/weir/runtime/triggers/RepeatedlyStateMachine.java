package dev.weir.runtime.triggers;

import java.util.List;
import org.joda.time.Instant;

/**
 * {@code Repeatedly.forever(t)}: ready when {@code t} is; after a firing that finishes {@code t},
 * {@code t} starts over from its initial state (every finished bit below it cleared). Never
 * finishes by itself.
 */
final class RepeatedlyStateMachine extends NodeStateMachine {
  private static final long serialVersionUID = 1L;

  RepeatedlyStateMachine(NodeStateMachine repeated) {
    super(List.of(repeated));
  }

  private NodeStateMachine repeated() {
    return sub(0);
  }

  @Override
  TriggerNodeState onElement(TriggerNodeState state, TriggerContext c) {
    return state.withSub(0, repeated().onElement(state.sub(0), c));
  }

  @Override
  TriggerNodeState onMerge(List<TriggerNodeState> mergingStates, TriggerContext c) {
    return initialState().withSub(0, repeated().onMerge(subStatesAt(mergingStates, 0), c));
  }

  @Override
  boolean shouldFire(TriggerNodeState state, TriggerContext c) {
    return repeated().shouldFire(state.sub(0), c);
  }

  @Override
  TriggerNodeState onFire(TriggerNodeState state, TriggerContext c) {
    TriggerNodeState fired = repeated().onFire(state.sub(0), c);
    return state.withSub(0, fired.finished() ? repeated().initialState() : fired);
  }

  @Override
  Instant nextDeadline(TriggerNodeState state, ClockDomain domain) {
    return repeated().nextDeadline(state.sub(0), domain);
  }

  @Override
  public String toString() {
    return "Repeatedly.forever(" + repeated() + ")";
  }
}
