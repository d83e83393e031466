package dev.weir.sdk.transforms.windowing;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Joiner;
import java.util.List;
import org.joda.time.Instant;

/** Fires once, as soon as any of its sub-triggers fires. */
public final class AfterFirst extends Trigger.OnceTrigger {
  private static final long serialVersionUID = 1L;

  AfterFirst(List<Trigger> subTriggers) {
    super(subTriggers);
    checkArgument(!subTriggers.isEmpty(), "AfterFirst.of needs at least one trigger");
  }

  /** Fires when the first of {@code triggers} fires. */
  public static AfterFirst of(OnceTrigger... triggers) {
    return new AfterFirst(List.of(triggers));
  }

  /** Fires when the first of {@code triggers} fires. */
  public static AfterFirst of(List<? extends Trigger> triggers) {
    return new AfterFirst(List.copyOf(triggers));
  }

  @Override
  public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
    Instant earliest = BoundedWindow.TIMESTAMP_MAX_VALUE;
    for (Trigger sub : subTriggers) {
      Instant t = sub.getWatermarkThatGuaranteesFiring(window);
      if (t.isBefore(earliest)) {
        earliest = t;
      }
    }
    return earliest;
  }

  @Override
  protected OnceTrigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
    return new AfterFirst(continuationOfSubTriggers);
  }

  @Override
  public String toString() {
    return "AfterFirst.of(" + Joiner.on(", ").join(subTriggers) + ")";
  }
}
