package dev.weir.sdk.transforms.windowing;

import java.util.List;
import org.joda.time.Instant;

/** Fires like its main trigger until its {@code until} trigger fires, which finishes it. */
public final class OrFinallyTrigger extends Trigger {
  private static final long serialVersionUID = 1L;

  OrFinallyTrigger(Trigger actual, Trigger.OnceTrigger until) {
    super(List.of(actual, until));
  }

  /** The trigger that fires until {@link #getUntilTrigger()} does. */
  public Trigger getMainTrigger() {
    return subTriggers.get(0);
  }

  /** The trigger that finishes this one. */
  public Trigger getUntilTrigger() {
    return subTriggers.get(1);
  }

  @Override
  public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
    Instant main = getMainTrigger().getWatermarkThatGuaranteesFiring(window);
    Instant until = getUntilTrigger().getWatermarkThatGuaranteesFiring(window);
    return main.isBefore(until) ? main : until;
  }

  @Override
  protected Trigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
    // As in Beam: the until condition only matters where it was applied.
    return continuationOfSubTriggers.get(0);
  }

  @Override
  public boolean mayFinish() {
    return true;
  }

  @Override
  public String toString() {
    return getMainTrigger() + ".orFinally(" + getUntilTrigger() + ")";
  }
}
