package dev.weir.runtime.grouping;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runtime.triggers.TriggerStateMachine;
import dev.weir.runtime.triggers.TriggerStateMachines;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.SerializableCoder;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.Objects;

/**
 * What one grouping step is: its name (for errors), how keys are encoded (keys are equal when
 * their encodings are), what a window keeps, the windowing strategy of its input, and the state
 * machine of that strategy's trigger. A {@link GroupAlsoByWindowCore} and every snapshot of it
 * belong to one spec; restoring a snapshot needs an equal one.
 *
 * @param stepName the full name of the grouping step, for error messages; never null
 * @param keyCoder encodes keys; must be deterministic for grouping to be correct; never null
 * @param contents what a window keeps and a pane holds; never null
 * @param strategy the windowing strategy of the grouped input; never null
 * @param triggerMachine runs {@code strategy}'s trigger; never null
 * @param <K> the key type
 * @param <InputT> the type of the grouped values
 * @param <AccumT> the type of what a window keeps
 * @param <OutputT> the type of a pane's contents
 */
public record GroupAlsoByWindowSpec<K, InputT, AccumT, OutputT>(
    String stepName,
    Coder<K> keyCoder,
    PaneContents<InputT, AccumT, OutputT> contents,
    WindowingStrategy<?, ?> strategy,
    TriggerStateMachine triggerMachine) {

  /** Checks that nothing is null and the step has a name. */
  public GroupAlsoByWindowSpec {
    Objects.requireNonNull(stepName, "stepName");
    checkArgument(!stepName.isEmpty(), "a grouping step needs a name for its errors");
    Objects.requireNonNull(keyCoder, "keyCoder");
    Objects.requireNonNull(contents, "contents");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(triggerMachine, "triggerMachine");
  }

  /**
   * The spec of a step grouping an input with {@code strategy}, running the strategy's trigger with
   * the machine {@link TriggerStateMachines} makes for it and the strategy's window function.
   *
   * @throws IllegalArgumentException if the trigger is not one of Weir's triggers
   */
  public static <K, InputT, AccumT, OutputT> GroupAlsoByWindowSpec<K, InputT, AccumT, OutputT> of(
      String stepName, Coder<K> keyCoder, PaneContents<InputT, AccumT, OutputT> contents,
      WindowingStrategy<?, ?> strategy) {
    return new GroupAlsoByWindowSpec<>(stepName, keyCoder, contents, strategy,
        TriggerStateMachines.forTrigger(strategy.getTrigger(), strategy.getWindowFn()));
  }

  /**
   * This spec with its own copy of its pane contents, made by serialization, for one more
   * partition or subtask of the step: a lifted grouping's contents hold the user's CombineFn,
   * which, like a DoFn, is used by one thread at a time.
   *
   * @throws IllegalStateException naming the step if the contents do not serialize
   */
  @SuppressWarnings("unchecked")
  public GroupAlsoByWindowSpec<K, InputT, AccumT, OutputT> withOwnContents() {
    PaneContents<InputT, AccumT, OutputT> copy;
    try {
      copy = CoderUtils.clone(SerializableCoder.of(PaneContents.class), contents);
    } catch (CoderException e) {
      throw new IllegalStateException("The CombineFn of '" + stepName + "' could not be copied by"
          + " serialization: " + e + ". Fix: make its fields serializable or transient.", e);
    }
    return new GroupAlsoByWindowSpec<>(stepName, keyCoder, copy, strategy, triggerMachine);
  }
}
