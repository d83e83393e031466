package dev.weir.sdk.transforms.windowing;

import java.util.List;
import org.joda.time.Instant;

/**
 * A trigger that never fires: a window's contents are emitted only by the final pane when the
 * window expires (end of window plus allowed lateness), if at all.
 */
public final class Never {
  private Never() {}

  /** The trigger that never fires. */
  public static NeverTrigger ever() {
    return new NeverTrigger();
  }

  /** The trigger {@link Never#ever()} returns. */
  public static final class NeverTrigger extends Trigger.OnceTrigger {
    private static final long serialVersionUID = 1L;

    private NeverTrigger() {}

    @Override
    public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
      return BoundedWindow.TIMESTAMP_MAX_VALUE;
    }

    @Override
    protected Trigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
      return this;
    }

    @Override
    public String toString() {
      return "Never.ever()";
    }
  }
}
