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
 *       {@code shouldFire(s, window, time)}; if true the core emits a pane and calls
 *       {@code s = onFire(s, window, time)};
 *   <li>{@code isFinished(s)}: the window emits no more panes; later elements are dropped.
 * </ol>
 * Implementations are stateless and thread-safe; all mutable state lives in the values passed in.
 * Same inputs give the same outputs, which is what makes runners agree.
 */
public interface TriggerStateMachine {

  /** The state of a window that has seen nothing yet. */
  TriggerState initialState();

  /** The state after an element arrived in {@code window} at {@code time}. */
  TriggerState onElement(TriggerState state, BoundedWindow window, TriggerTime time);

  /** The state of {@code mergedWindow}, made from the states of the windows merged into it. */
  TriggerState onMerge(List<TriggerState> mergingStates, BoundedWindow mergedWindow, TriggerTime time);

  /** Whether the window should emit a pane now. */
  boolean shouldFire(TriggerState state, BoundedWindow window, TriggerTime time);

  /** The state after the pane that {@link #shouldFire} asked for was emitted. */
  TriggerState onFire(TriggerState state, BoundedWindow window, TriggerTime time);

  /** Whether the trigger has finished: no more panes for this window. */
  boolean isFinished(TriggerState state);

  /**
   * The earliest processing time at which {@link #shouldFire} could become true without another
   * element arriving, or null if none; the core sets a processing-time timer for it.
   */
  Instant nextProcessingTimeDeadline(TriggerState state);

  /**
   * Like {@link #nextProcessingTimeDeadline} for synchronized processing time, or null.
   */
  Instant nextSynchronizedProcessingTimeDeadline(TriggerState state);

  /** Encodes this machine's states, for snapshots. */
  Coder<TriggerState> stateCoder();
}
