package dev.weir.runtime.triggers;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.List;
import org.joda.time.Instant;

/**
 * Runs one {@link dev.weir.sdk.transforms.windowing.Trigger} for one key and window, as a pure
 * function of an immutable state value: the grouping core keeps the state (and snapshots it
 * through {@link #stateCoder()}), feeds events in, and asks whether to fire.
 *
 * <p>Call protocol for one window, as the grouping core uses it:
 * <ol>
 *   <li>{@code s = initialState()} when the window first gets an element;
 *   <li>{@code s = onElement(s, window, time)} for each element that arrives (after it is buffered);
 *   <li>{@code s = onMerge(states, mergedWindow, time)} when windows merge (sessions);
 *   <li>whenever anything changed (an element, a watermark or processing-time advance, a timer),
 *       {@code shouldFire(s, window, time)}; if true the core calls {@code s = onFire(s, window, time)}
 *       and emits the pane (see {@link #shouldFire} for empty panes);
 *   <li>{@code isFinished(s)}: the window emits no more panes; later elements are dropped, and
 *       {@code onElement}, {@code onFire} and {@code onMerge} must not be called with {@code s} again
 *       (they fail with {@link IllegalStateException}).
 * </ol>
 * Implementations are stateless and thread-safe; all mutable state lives in the values passed in.
 * Same inputs give the same outputs, which is what makes runners agree. Machines come from
 * {@link TriggerStateMachines}; a state passed to a machine that did not make it fails with
 * {@link IllegalArgumentException}.
 *
 * <p>Time boundaries are Beam's: the watermark has passed the end of a window when it is after
 * {@code window.maxTimestamp()}, i.e. it reached {@code window.end()}; a processing-time trigger
 * fires when its clock is strictly after its target.
 */
public interface TriggerStateMachine {

  /** The state of a window that has seen nothing yet. */
  TriggerState initialState();

  /** The state after an element arrived in {@code window} at {@code time}. */
  TriggerState onElement(TriggerState state, BoundedWindow window, TriggerTime time);

  /**
   * The state of {@code mergedWindow}, made from the states of the merged windows that already had
   * trigger state (as Beam's ReduceFnRunner does: a window that is new with this merge contributes
   * nothing, so a late element bridging two sessions keeps them in their late phase); if
   * {@code mergedWindow} is itself one of those windows its state is in the list like the others. None of them may be finished: closed windows do not take part in merges. The result is
   * computed as for a window that is new, then takes what each trigger keeps across a merge (counts
   * add up, the earliest processing-time target wins, finished sub-triggers stay finished where
   * Beam says so).
   */
  TriggerState onMerge(List<TriggerState> mergingStates, BoundedWindow mergedWindow, TriggerTime time);

  /**
   * Whether the window should fire now; always false once finished. This may be true while the pane
   * is empty: a trigger waiting for the watermark stays ready once it passed the end of the window
   * (the default trigger after its ON_TIME pane, for instance). As in Beam's {@code ReduceFnRunner},
   * the core still calls {@link #onFire}, and emits an empty pane only where Beam would (the ON_TIME
   * pane under {@code OnTimeBehavior.FIRE_ALWAYS}, the final pane under
   * {@code ClosingBehavior.FIRE_ALWAYS}).
   */
  boolean shouldFire(TriggerState state, BoundedWindow window, TriggerTime time);

  /** The state after the pane that {@link #shouldFire} asked for was emitted. */
  TriggerState onFire(TriggerState state, BoundedWindow window, TriggerTime time);

  /** Whether the trigger has finished: no more panes for this window. */
  boolean isFinished(TriggerState state);

  /**
   * The earliest processing time from which {@link #shouldFire} could become true without another
   * element arriving (one millisecond after a processing-time trigger's target), or null if none;
   * the core sets a processing-time timer for it. It may lie at or before the current processing
   * time when the trigger also waits for something else (a count, the watermark, another
   * sub-trigger); such a deadline has been reached and needs no new timer.
   */
  Instant nextProcessingTimeDeadline(TriggerState state);

  /**
   * Like {@link #nextProcessingTimeDeadline} for synchronized processing time, or null.
   */
  Instant nextSynchronizedProcessingTimeDeadline(TriggerState state);

  /** Encodes this machine's states, for snapshots. */
  Coder<TriggerState> stateCoder();
}
