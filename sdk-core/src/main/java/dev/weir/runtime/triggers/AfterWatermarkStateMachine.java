package dev.weir.runtime.triggers;

import java.util.List;

/**
 * {@code AfterWatermark.pastEndOfWindow()}: ready once the watermark is past the end of the window
 * (after {@code maxTimestamp()}), finished after that one firing.
 *
 * <p>Merging: the merged node is finished only if it was finished in every merged window and the
 * watermark is past the end of the merged window; otherwise it waits again, because elements of
 * some merged window have not had their ON_TIME pane yet.
 */
final class AfterWatermarkStateMachine extends NodeStateMachine {
  private static final long serialVersionUID = 1L;

  AfterWatermarkStateMachine() {
    super(List.of());
  }

  @Override
  TriggerNodeState onElement(TriggerNodeState state, TriggerContext c) {
    return state;
  }

  @Override
  TriggerNodeState onMerge(List<TriggerNodeState> mergingStates, TriggerContext c) {
    return initialState().withFinished(allFinished(mergingStates) && c.endOfWindowReached());
  }

  @Override
  boolean shouldFire(TriggerNodeState state, TriggerContext c) {
    return c.endOfWindowReached();
  }

  @Override
  TriggerNodeState onFire(TriggerNodeState state, TriggerContext c) {
    return state.withFinished(true);
  }

  @Override
  public String toString() {
    return "AfterWatermark.pastEndOfWindow()";
  }
}
