package dev.weir.runtime.triggers;

import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * {@code AfterWatermark.pastEndOfWindow().withEarlyFirings(early).withLateFirings(late)}.
 *
 * <p>Before the watermark passes the end of the window the early trigger runs, repeated: ready when
 * it is, and restarted from its initial state after each early firing. The node is also ready once
 * the watermark passes the end of the window, whatever the early trigger holds: that is the ON_TIME
 * firing, which finishes the early trigger and starts the late trigger from no data. After it the
 * late trigger runs, repeated the same way; without a late trigger the node finishes with the
 * ON_TIME firing. (Beam restarts the early and late triggers by clearing their data and their own
 * finished bit only, leaving finished bits inside them set; like its {@code Repeatedly}, Weir resets
 * them completely.)
 *
 * <p>Elements: where windows never merge only the running sub-trigger sees them; where they may
 * merge both do, since a merge can make the early trigger run again. Merging: if the early trigger
 * was unfinished in some merged window, or the watermark has not passed the end of the merged
 * window, the early trigger runs again with the merged early states and the late trigger starts
 * over; otherwise the early phase stays over and the late trigger merges.
 */
final class AfterWatermarkEarlyAndLateStateMachine extends NodeStateMachine {
  private static final long serialVersionUID = 1L;
  private static final int EARLY = 0;
  private static final int LATE = 1;

  private final boolean windowsMayMerge;

  /** With {@code late} null the node finishes after the ON_TIME firing. */
  AfterWatermarkEarlyAndLateStateMachine(NodeStateMachine early, NodeStateMachine late, boolean windowsMayMerge) {
    super(late == null ? List.of(early) : List.of(early, late));
    this.windowsMayMerge = windowsMayMerge;
  }

  private boolean hasLate() {
    return subMachines().size() > LATE;
  }

  @Override
  TriggerNodeState onElement(TriggerNodeState state, TriggerContext c) {
    List<TriggerNodeState> subs = new ArrayList<>(state.subStates());
    boolean earlyRunning = !state.sub(EARLY).finished();
    if (windowsMayMerge || earlyRunning) {
      subs.set(EARLY, sub(EARLY).onElement(state.sub(EARLY), c));
    }
    if (hasLate() && (windowsMayMerge || (!earlyRunning && !state.sub(LATE).finished()))) {
      subs.set(LATE, sub(LATE).onElement(state.sub(LATE), c));
    }
    return state.withSubs(subs);
  }

  @Override
  TriggerNodeState onMerge(List<TriggerNodeState> mergingStates, TriggerContext c) {
    List<TriggerNodeState> earlyStates = subStatesAt(mergingStates, EARLY);
    TriggerNodeState result = initialState();
    if (!allFinished(earlyStates) || !c.endOfWindowReached()) {
      return result.withSub(EARLY, sub(EARLY).onMerge(earlyStates, c).withFinished(false));
    }
    result = result.withSub(EARLY, sub(EARLY).initialState().withFinished(true));
    if (hasLate()) {
      result = result.withSub(LATE, sub(LATE).onMerge(subStatesAt(mergingStates, LATE), c));
    }
    return result;
  }

  @Override
  boolean shouldFire(TriggerNodeState state, TriggerContext c) {
    if (!state.sub(EARLY).finished()) {
      return sub(EARLY).shouldFire(state.sub(EARLY), c) || c.endOfWindowReached();
    }
    return hasLate() && sub(LATE).shouldFire(state.sub(LATE), c);
  }

  @Override
  TriggerNodeState onFire(TriggerNodeState state, TriggerContext c) {
    if (!state.sub(EARLY).finished()) {
      return c.endOfWindowReached() ? onTimeFiring(state, c) : state.withSub(EARLY, sub(EARLY).initialState());
    }
    if (hasLate()) {
      return state.withSub(LATE, sub(LATE).initialState());
    }
    return state.withFinished(true);
  }

  /** The firing when the watermark has passed: ends the early phase, hands over to the late one. */
  private TriggerNodeState onTimeFiring(TriggerNodeState state, TriggerContext c) {
    TriggerNodeState early = state.sub(EARLY);
    if (sub(EARLY).shouldFire(early, c)) {
      early = sub(EARLY).onFire(early, c);
    }
    TriggerNodeState result = state.withSub(EARLY, sub(EARLY).clear(early).withFinished(true));
    if (!hasLate()) {
      return result.withFinished(true);
    }
    return result.withSub(LATE, sub(LATE).clear(state.sub(LATE)));
  }

  @Override
  Instant nextDeadline(TriggerNodeState state, ClockDomain domain) {
    if (!state.sub(EARLY).finished()) {
      return sub(EARLY).nextDeadline(state.sub(EARLY), domain);
    }
    return hasLate() ? sub(LATE).nextDeadline(state.sub(LATE), domain) : null;
  }

  @Override
  public String toString() {
    String s = "AfterWatermark.pastEndOfWindow().withEarlyFirings(" + sub(EARLY) + ")";
    return hasLate() ? s + ".withLateFirings(" + sub(LATE) + ")" : s;
  }
}
