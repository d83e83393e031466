package dev.weir.runners.direct.streaming;

import dev.weir.runtime.graph.CombinableGrouping;
import dev.weir.runtime.graph.Step;

/**
 * Stands for the {@code Combine.GroupedValues} step of a lifted {@link CombinableGrouping}: the
 * grouping before it already combined the values and emits to this step's output, so it receives
 * nothing and does nothing. It stays in the run only to relay the watermark: its output watermark
 * follows its input, the grouping's output watermark, so the readers of the combined collection
 * see the watermark the grouping holds for what it emits there.
 */
final class LiftedAwayExecutor extends StepExecutor {
  LiftedAwayExecutor(Step step, Driver driver) {
    super(step, driver);
  }

  @Override
  void dispatchReady() {}
}
