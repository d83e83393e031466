package dev.weir.sdk.transforms.windowing;

import java.util.List;
import org.joda.time.Instant;

/**
 * Fires once the synchronized processing time (the runner's processing time, held back by every
 * upstream stage) passes the arrival of the pane's first element: the continuation of a
 * processing-time trigger, so a downstream grouping fires when the upstream panes have arrived.
 */
public final class AfterSynchronizedProcessingTime extends Trigger.OnceTrigger {
  private static final long serialVersionUID = 1L;

  private AfterSynchronizedProcessingTime() {}

  /** Fires once synchronized processing time passes the pane's first element. */
  public static AfterSynchronizedProcessingTime ofFirstElement() {
    return new AfterSynchronizedProcessingTime();
  }

  @Override
  public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
    return BoundedWindow.TIMESTAMP_MAX_VALUE;
  }

  @Override
  protected OnceTrigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
    return this;
  }

  @Override
  public String toString() {
    return "AfterSynchronizedProcessingTime.ofFirstElement()";
  }
}
