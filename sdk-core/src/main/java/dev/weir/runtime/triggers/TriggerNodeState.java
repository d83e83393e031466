package dev.weir.runtime.triggers;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * The state of one node of a trigger tree, and through {@link #subStates} of the whole subtree:
 * the immutable value behind every {@link TriggerState} this package makes.
 *
 * <p>Each field belongs to one kind of node; the others stay at their neutral value (false, 0,
 * null, empty).
 *
 * @param finished whether this node has finished (Beam's "finished bit"); a composite may reset it
 * @param elementCount the elements counted since the last firing or reset ({@code AfterPane})
 * @param target the time after which a processing-time node fires, or null before the pane's first
 *     element ({@code AfterProcessingTime}, {@code AfterSynchronizedProcessingTime})
 * @param subStates the states of the node's sub-triggers, in the trigger's order; never null
 */
record TriggerNodeState(boolean finished, long elementCount, Instant target, List<TriggerNodeState> subStates)
    implements TriggerState {

  TriggerNodeState {
    checkArgument(elementCount >= 0, "element count must not be negative: %s", elementCount);
    subStates = List.copyOf(subStates);
  }

  /** The state of a node that has seen nothing, with the given sub-states. */
  static TriggerNodeState fresh(List<TriggerNodeState> subStates) {
    return new TriggerNodeState(false, 0, null, subStates);
  }

  TriggerNodeState sub(int index) {
    return subStates.get(index);
  }

  TriggerNodeState withFinished(boolean newFinished) {
    return new TriggerNodeState(newFinished, elementCount, target, subStates);
  }

  TriggerNodeState withElementCount(long newCount) {
    return new TriggerNodeState(finished, newCount, target, subStates);
  }

  TriggerNodeState withTarget(Instant newTarget) {
    return new TriggerNodeState(finished, elementCount, newTarget, subStates);
  }

  TriggerNodeState withSub(int index, TriggerNodeState newSub) {
    List<TriggerNodeState> subs = new ArrayList<>(subStates);
    subs.set(index, newSub);
    return new TriggerNodeState(finished, elementCount, target, subs);
  }

  TriggerNodeState withSubs(List<TriggerNodeState> newSubs) {
    return new TriggerNodeState(finished, elementCount, target, newSubs);
  }
}
