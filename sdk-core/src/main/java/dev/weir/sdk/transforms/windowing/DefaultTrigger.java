package dev.weir.sdk.transforms.windowing;

import java.util.List;
import org.joda.time.Instant;

/**
 * The trigger every collection has unless told otherwise: fires once when the watermark passes
 * the end of the window, and again for every late element within the allowed lateness.
 */
public final class DefaultTrigger extends Trigger {
  private static final long serialVersionUID = 1L;

  private DefaultTrigger() {}

  /** The default trigger. */
  public static DefaultTrigger of() {
    return new DefaultTrigger();
  }

  @Override
  public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
    return window.maxTimestamp();
  }

  @Override
  protected Trigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
    return this;
  }

  @Override
  public boolean isCompatible(Trigger other) {
    // As Beam: the default trigger mixes with any trigger that fires when the watermark passes.
    return other instanceof DefaultTrigger;
  }
}
