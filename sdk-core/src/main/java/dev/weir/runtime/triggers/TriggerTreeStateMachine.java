package dev.weir.runtime.triggers;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * The {@link TriggerStateMachine} of one {@link Trigger}: the root of a tree of
 * {@link NodeStateMachine}s, checking the call protocol at the root and handing states in and out
 * as {@link TriggerNodeState}s. Immutable and thread-safe; equal when made from equal triggers for
 * the same kind of windows.
 */
final class TriggerTreeStateMachine implements TriggerStateMachine {
  private final Trigger trigger;
  private final boolean windowsMayMerge;
  private final NodeStateMachine root;
  private final TriggerNodeStateCoder coder;

  TriggerTreeStateMachine(Trigger trigger, boolean windowsMayMerge, NodeStateMachine root) {
    this.trigger = trigger;
    this.windowsMayMerge = windowsMayMerge;
    this.root = root;
    this.coder = new TriggerNodeStateCoder(root);
  }

  @Override
  public TriggerState initialState() {
    return root.initialState();
  }

  @Override
  public TriggerState onElement(TriggerState state, BoundedWindow window, TriggerTime time) {
    TriggerNodeState s = own(state);
    checkState(
        !s.finished(),
        "%s has finished in window %s: drop the elements of a closed window instead of passing them on",
        root,
        window);
    return root.onElement(s, new TriggerContext(window, time));
  }

  @Override
  public TriggerState onMerge(List<TriggerState> mergingStates, BoundedWindow mergedWindow, TriggerTime time) {
    checkArgument(!mergingStates.isEmpty(), "no states to merge into window %s", mergedWindow);
    List<TriggerNodeState> states = new ArrayList<>();
    for (TriggerState state : mergingStates) {
      TriggerNodeState s = own(state);
      checkState(
          !s.finished(),
          "%s has finished in a window merging into %s: closed windows do not take part in merges",
          root,
          mergedWindow);
      states.add(s);
    }
    return root.onMerge(states, new TriggerContext(mergedWindow, time));
  }

  @Override
  public boolean shouldFire(TriggerState state, BoundedWindow window, TriggerTime time) {
    TriggerNodeState s = own(state);
    return !s.finished() && root.shouldFire(s, new TriggerContext(window, time));
  }

  @Override
  public TriggerState onFire(TriggerState state, BoundedWindow window, TriggerTime time) {
    TriggerNodeState s = own(state);
    checkState(!s.finished(), "%s has finished in window %s and cannot fire again", root, window);
    return root.onFire(s, new TriggerContext(window, time));
  }

  @Override
  public boolean isFinished(TriggerState state) {
    return own(state).finished();
  }

  @Override
  public Instant nextProcessingTimeDeadline(TriggerState state) {
    return deadline(state, ClockDomain.PROCESSING_TIME);
  }

  @Override
  public Instant nextSynchronizedProcessingTimeDeadline(TriggerState state) {
    return deadline(state, ClockDomain.SYNCHRONIZED_PROCESSING_TIME);
  }

  private Instant deadline(TriggerState state, ClockDomain domain) {
    TriggerNodeState s = own(state);
    return s.finished() ? null : root.nextDeadline(s, domain);
  }

  @Override
  public Coder<TriggerState> stateCoder() {
    return coder;
  }

  private TriggerNodeState own(TriggerState state) {
    checkArgument(
        state instanceof TriggerNodeState,
        "%s got a state it did not make: %s; pass the states from initialState() and the other methods",
        root,
        state);
    return (TriggerNodeState) state;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TriggerTreeStateMachine other
        && trigger.equals(other.trigger)
        && windowsMayMerge == other.windowsMayMerge;
  }

  @Override
  public int hashCode() {
    return Objects.hash(trigger, windowsMayMerge);
  }

  @Override
  public String toString() {
    return root + (windowsMayMerge ? " (merging windows)" : "");
  }
}
