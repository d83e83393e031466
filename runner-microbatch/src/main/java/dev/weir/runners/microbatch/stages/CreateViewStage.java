package dev.weir.runners.microbatch.stages;

import dev.weir.runners.microbatch.execution.BatchData;
import dev.weir.runners.microbatch.execution.Stage;
import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.values.PCollectionView;
import java.util.List;
import org.joda.time.Instant;

/**
 * Runs a {@code View.CreatePCollectionView} step: the batch's elements of the viewed collection go
 * into the run's {@link SideInputContainer}, and the view's watermark there becomes this step's input
 * watermark for the batch, which makes windows ready for the steps that read the view later in
 * the same batch.
 */
public final class CreateViewStage extends Stage {
  private final PCollectionView<?> view;

  public CreateViewStage(Step step, StageContext context) {
    super(step, context);
    this.view = (PCollectionView<?>) step.output();
  }

  @Override
  protected void run(List<WindowedValue<?>> input, Instant processingTime, BatchData outputs) {
    context.sideInputs().add(view, input);
    context.sideInputs().advanceWatermark(view, inputWatermark());
  }

  /** The view this step fills. */
  public PCollectionView<?> view() {
    return view;
  }
}
