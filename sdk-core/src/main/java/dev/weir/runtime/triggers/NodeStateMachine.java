package dev.weir.runtime.triggers;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * The rules of one kind of trigger node, as pure functions of a {@link TriggerNodeState}:
 * composites call their sub-machines on the matching sub-states. The public face of a tree of
 * these is {@link TriggerTreeStateMachine}.
 *
 * <p>The methods mirror Beam's trigger state machines: {@code onElement}, {@code onMerge},
 * {@code shouldFire}, {@code onFire}, {@link #clear} (drop the node's data, keep every finished bit)
 * and {@link #initialState} (which is also Beam's "reset the tree": no data, no finished bits).
 * Unlike Beam, a merge starts from a fresh result: any bit or datum a rule does not set explicitly
 * is that of {@link #initialState}. Immutable and thread-safe.
 */
abstract class NodeStateMachine implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<NodeStateMachine> subMachines;

  NodeStateMachine(List<NodeStateMachine> subMachines) {
    this.subMachines = ImmutableList.copyOf(subMachines);
  }

  final List<NodeStateMachine> subMachines() {
    return subMachines;
  }

  final NodeStateMachine sub(int index) {
    return subMachines.get(index);
  }

  /** The state of a node that has seen nothing: no data and no finished bit anywhere below. */
  TriggerNodeState initialState() {
    List<TriggerNodeState> subs = new ArrayList<>();
    for (NodeStateMachine sub : subMachines) {
      subs.add(sub.initialState());
    }
    return TriggerNodeState.fresh(subs);
  }

  abstract TriggerNodeState onElement(TriggerNodeState state, TriggerContext c);

  /** The state of the merged window, from the states of the windows merged into it. */
  abstract TriggerNodeState onMerge(List<TriggerNodeState> mergingStates, TriggerContext c);

  abstract boolean shouldFire(TriggerNodeState state, TriggerContext c);

  abstract TriggerNodeState onFire(TriggerNodeState state, TriggerContext c);

  /** Drops the data of this subtree (counts, targets) and keeps every finished bit. */
  TriggerNodeState clear(TriggerNodeState state) {
    List<TriggerNodeState> subs = new ArrayList<>();
    for (int i = 0; i < subMachines.size(); i++) {
      subs.add(sub(i).clear(state.sub(i)));
    }
    return new TriggerNodeState(state.finished(), 0, null, subs);
  }

  /**
   * The earliest time of {@code domain} from which {@link #shouldFire} could hold without another
   * element, looking only at the parts of the tree that {@link #shouldFire} consults; null if none.
   */
  Instant nextDeadline(TriggerNodeState state, ClockDomain domain) {
    return null;
  }

  /** The sub-states at {@code index} of each of {@code states}. */
  static List<TriggerNodeState> subStatesAt(List<TriggerNodeState> states, int index) {
    List<TriggerNodeState> subs = new ArrayList<>(states.size());
    for (TriggerNodeState state : states) {
      subs.add(state.sub(index));
    }
    return subs;
  }

  static boolean allFinished(List<TriggerNodeState> states) {
    return states.stream().allMatch(TriggerNodeState::finished);
  }

  static boolean anyFinished(List<TriggerNodeState> states) {
    return states.stream().anyMatch(TriggerNodeState::finished);
  }

  static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
