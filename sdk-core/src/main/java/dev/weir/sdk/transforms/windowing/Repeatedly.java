package dev.weir.sdk.transforms.windowing;

import java.util.List;
import java.util.Objects;
import org.joda.time.Instant;

/** Fires each time its sub-trigger fires, restarting it after every firing; never finishes by itself. */
public final class Repeatedly extends Trigger {
  private static final long serialVersionUID = 1L;

  private Repeatedly(Trigger repeated) {
    super(List.of(repeated));
  }

  /** Repeats {@code repeated} forever (use {@link #orFinally} to stop). */
  public static Repeatedly forever(Trigger repeated) {
    return new Repeatedly(Objects.requireNonNull(repeated, "repeated trigger"));
  }

  /** The trigger that is repeated. */
  public Trigger getRepeatedTrigger() {
    return subTriggers.get(0);
  }

  @Override
  public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
    return getRepeatedTrigger().getWatermarkThatGuaranteesFiring(window);
  }

  @Override
  protected Trigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
    return new Repeatedly(continuationOfSubTriggers.get(0));
  }

  @Override
  public String toString() {
    return "Repeatedly.forever(" + getRepeatedTrigger() + ")";
  }
}
