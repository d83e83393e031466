package dev.weir.runners.direct.streaming;

import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.sdk.values.PCollectionView;

/**
 * Executes a {@code View.CreatePCollectionView} step: the elements of the viewed collection go
 * into the run's {@link SideInputContainer} as they arrive, on the driver thread, and the view's
 * watermark there follows this step's output watermark, which makes windows ready.
 */
final class CreateViewExecutor extends StepExecutor {
  private final PCollectionView<?> view;

  CreateViewExecutor(Step step, Driver driver) {
    super(step, driver);
    this.view = (PCollectionView<?>) step.output();
  }

  @Override
  void accept(int inputIndex, Batch<?> batch) {
    driver.sideInputs().add(view, batch.elements());
  }

  @Override
  void dispatchReady() {
    driver.sideInputs().advanceWatermark(view, outputWatermark());
  }
}
