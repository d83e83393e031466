package dev.weir.runners.microbatch.stages;

import dev.weir.runners.microbatch.execution.Stage;
import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runners.microbatch.execution.BatchData;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import java.util.List;
import org.joda.time.Instant;

/**
 * Runs a step that does no work of its own: a {@code Flatten} (its output is the concatenation of
 * its inputs' elements of the batch) or the {@code GroupedValues} step of a lifted combine (its
 * grouping already emitted the combined values to its output, so it receives nothing and only
 * relays the grouping's watermark).
 */
public final class RelayStage extends Stage {
  private final boolean forwards;

  private RelayStage(Step step, StageContext context, boolean forwards) {
    super(step, context);
    this.forwards = forwards;
  }

  /** The stage of a {@code Flatten} step. */
  public static RelayStage flatten(Step step, StageContext context) {
    return new RelayStage(step, context, true);
  }

  /** The stage of a {@code GroupedValues} step whose grouping was lifted. */
  public static RelayStage liftedAway(Step step, StageContext context) {
    return new RelayStage(step, context, false);
  }

  @Override
  protected void run(List<WindowedValue<?>> input, Instant processingTime, BatchData outputs) {
    if (forwards) {
      outputs.emit(step.outputCollection(), input);
    }
  }
}
