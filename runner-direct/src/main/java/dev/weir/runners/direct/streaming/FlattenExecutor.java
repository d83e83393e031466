package dev.weir.runners.direct.streaming;

import dev.weir.runtime.graph.Step;

/**
 * Executes a {@code Flatten.PCollections} step: every batch of every input goes on to the output
 * at once, on the driver thread, with no work on a worker. Its watermark is the minimum of its
 * inputs'; with no input at all it is the end of time.
 */
final class FlattenExecutor extends StepExecutor {
  FlattenExecutor(Step step, Driver driver) {
    super(step, driver);
  }

  @Override
  void accept(int inputIndex, Batch<?> batch) {
    driver.emit(step.outputCollection(), batch);
  }

  @Override
  void dispatchReady() {}
}
