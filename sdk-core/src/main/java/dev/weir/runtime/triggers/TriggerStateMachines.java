package dev.weir.runtime.triggers;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.weir.sdk.transforms.windowing.AfterAll;
import dev.weir.sdk.transforms.windowing.AfterEach;
import dev.weir.sdk.transforms.windowing.AfterFirst;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterSynchronizedProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import dev.weir.sdk.transforms.windowing.Never;
import dev.weir.sdk.transforms.windowing.OrFinallyTrigger;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Trigger;
import dev.weir.sdk.transforms.windowing.WindowFn;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the {@link TriggerStateMachine} that runs a {@link Trigger}, composing one state machine per
 * node of the trigger, with Beam's semantics.
 *
 * <p>Two triggers behave differently where windows may merge (as in Beam): {@code AfterEach} and
 * {@code AfterWatermark} with early or late firings then feed every sub-trigger, since a merge can
 * revive one. Use {@link #forTrigger(Trigger, WindowFn)} to get the right variant; the one-argument
 * {@link #forTrigger(Trigger)} is for windows that never merge.
 *
 * <p>Stateless; all methods are thread-safe. The returned machines are immutable.
 */
public final class TriggerStateMachines {
  private TriggerStateMachines() {}

  /**
   * Whether {@code trigger} counts elements anywhere in its tree ({@link AfterPane}): only then can
   * it matter whether a runner hands the elements of a key to the core one at a time or several
   * together, since a count trigger fires on the element that completes the count.
   */
  public static boolean countsElements(Trigger trigger) {
    if (trigger instanceof AfterPane) {
      return true;
    }
    for (Trigger sub : trigger.subTriggers()) {
      if (countsElements(sub)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code trigger} waits on processing time anywhere in its tree ({@link AfterProcessingTime},
   * {@link AfterSynchronizedProcessingTime}): only then can a pane fire while neither an element nor
   * the watermark arrives.
   */
  public static boolean usesProcessingTime(Trigger trigger) {
    if (trigger instanceof AfterProcessingTime || trigger instanceof AfterSynchronizedProcessingTime) {
      return true;
    }
    for (Trigger sub : trigger.subTriggers()) {
      if (usesProcessingTime(sub)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The state machine of {@code trigger} for windows that never merge.
   *
   * @throws IllegalArgumentException if {@code trigger} (or one of its sub-triggers) is not one of
   *     the triggers of {@code dev.weir.sdk.transforms.windowing}
   */
  public static TriggerStateMachine forTrigger(Trigger trigger) {
    return forTrigger(trigger, false);
  }

  /** The state machine of {@code trigger} for the windows of {@code windowFn}. */
  public static TriggerStateMachine forTrigger(Trigger trigger, WindowFn<?, ?> windowFn) {
    return forTrigger(trigger, !windowFn.isNonMerging());
  }

  /**
   * The state machine of {@code trigger}; {@code windowsMayMerge} says whether
   * {@link TriggerStateMachine#onMerge} may be called.
   */
  public static TriggerStateMachine forTrigger(Trigger trigger, boolean windowsMayMerge) {
    checkNotNull(trigger, "trigger");
    return new TriggerTreeStateMachine(trigger, windowsMayMerge, node(trigger, windowsMayMerge));
  }

  private static NodeStateMachine node(Trigger trigger, boolean merging) {
    if (trigger instanceof DefaultTrigger) {
      return new DefaultTriggerStateMachine();
    } else if (trigger instanceof Never.NeverTrigger) {
      return new NeverStateMachine();
    } else if (trigger instanceof AfterWatermark.FromEndOfWindow) {
      return new AfterWatermarkStateMachine();
    } else if (trigger instanceof AfterWatermark.AfterWatermarkEarlyAndLate t) {
      NodeStateMachine late = t.getLateTrigger() == null ? null : node(t.getLateTrigger(), merging);
      return new AfterWatermarkEarlyAndLateStateMachine(node(t.getEarlyTrigger(), merging), late, merging);
    } else if (trigger instanceof AfterPane t) {
      return new AfterPaneStateMachine(t.getElementCount());
    } else if (trigger instanceof AfterProcessingTime t) {
      return new AfterProcessingTimeStateMachine(ClockDomain.PROCESSING_TIME, t.getTimestampTransforms());
    } else if (trigger instanceof AfterSynchronizedProcessingTime) {
      return new AfterProcessingTimeStateMachine(ClockDomain.SYNCHRONIZED_PROCESSING_TIME, List.of());
    } else if (trigger instanceof Repeatedly t) {
      return new RepeatedlyStateMachine(node(t.getRepeatedTrigger(), merging));
    } else if (trigger instanceof AfterEach t) {
      return new AfterEachStateMachine(nodes(t.subTriggers(), merging), merging);
    } else if (trigger instanceof AfterFirst t) {
      return new AfterFirstStateMachine(nodes(t.subTriggers(), merging));
    } else if (trigger instanceof AfterAll t) {
      return new AfterAllStateMachine(nodes(t.subTriggers(), merging));
    } else if (trigger instanceof OrFinallyTrigger t) {
      return new OrFinallyStateMachine(node(t.getMainTrigger(), merging), node(t.getUntilTrigger(), merging));
    }
    throw new IllegalArgumentException(
        "No state machine for trigger " + trigger + " (" + trigger.getClass().getName() + "): Weir runs only"
            + " the triggers of dev.weir.sdk.transforms.windowing; build yours from those");
  }

  private static List<NodeStateMachine> nodes(List<Trigger> triggers, boolean merging) {
    List<NodeStateMachine> nodes = new ArrayList<>();
    for (Trigger trigger : triggers) {
      nodes.add(node(trigger, merging));
    }
    return nodes;
  }
}
