package dev.weir.runtime.triggers;

import java.util.List;
import org.joda.time.Instant;

/**
 * {@code main.orFinally(until)}: both see every element; ready when either is. If {@code until} is
 * ready it fires and {@code main} drops its data; otherwise {@code main} fires and {@code until}
 * keeps counting across main's firings. Finished as soon as either is finished (so also when
 * {@code main} finishes). Merging merges both.
 */
final class OrFinallyStateMachine extends NodeStateMachine {
  private static final long serialVersionUID = 1L;
  private static final int MAIN = 0;
  private static final int UNTIL = 1;

  OrFinallyStateMachine(NodeStateMachine main, NodeStateMachine until) {
    super(List.of(main, until));
  }

  @Override
  TriggerNodeState onElement(TriggerNodeState state, TriggerContext c) {
    return state
        .withSub(MAIN, sub(MAIN).onElement(state.sub(MAIN), c))
        .withSub(UNTIL, sub(UNTIL).onElement(state.sub(UNTIL), c));
  }

  @Override
  TriggerNodeState onMerge(List<TriggerNodeState> mergingStates, TriggerContext c) {
    TriggerNodeState merged = initialState()
        .withSub(MAIN, sub(MAIN).onMerge(subStatesAt(mergingStates, MAIN), c))
        .withSub(UNTIL, sub(UNTIL).onMerge(subStatesAt(mergingStates, UNTIL), c));
    return withFinishedIfAnySubIs(merged);
  }

  @Override
  boolean shouldFire(TriggerNodeState state, TriggerContext c) {
    return sub(MAIN).shouldFire(state.sub(MAIN), c) || sub(UNTIL).shouldFire(state.sub(UNTIL), c);
  }

  @Override
  TriggerNodeState onFire(TriggerNodeState state, TriggerContext c) {
    TriggerNodeState result;
    if (sub(UNTIL).shouldFire(state.sub(UNTIL), c)) {
      result = state
          .withSub(UNTIL, sub(UNTIL).onFire(state.sub(UNTIL), c))
          .withSub(MAIN, sub(MAIN).clear(state.sub(MAIN)));
    } else {
      result = state.withSub(MAIN, sub(MAIN).onFire(state.sub(MAIN), c));
    }
    return withFinishedIfAnySubIs(result);
  }

  @Override
  Instant nextDeadline(TriggerNodeState state, ClockDomain domain) {
    return earliest(
        sub(MAIN).nextDeadline(state.sub(MAIN), domain), sub(UNTIL).nextDeadline(state.sub(UNTIL), domain));
  }

  private static TriggerNodeState withFinishedIfAnySubIs(TriggerNodeState state) {
    return state.withFinished(anyFinished(state.subStates()));
  }

  @Override
  public String toString() {
    return sub(MAIN) + ".orFinally(" + sub(UNTIL) + ")";
  }
}
