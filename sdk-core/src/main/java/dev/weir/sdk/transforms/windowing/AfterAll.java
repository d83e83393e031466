package dev.weir.sdk.transforms.windowing;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Joiner;
import java.util.List;
import org.joda.time.Instant;

/** Fires once, when every one of its sub-triggers has fired. */
public final class AfterAll extends Trigger.OnceTrigger {
  private static final long serialVersionUID = 1L;

  private AfterAll(List<Trigger> subTriggers) {
    super(subTriggers);
    checkArgument(!subTriggers.isEmpty(), "AfterAll.of needs at least one trigger");
  }

  /** Fires when all of {@code triggers} have fired. */
  public static AfterAll of(OnceTrigger... triggers) {
    return new AfterAll(List.of(triggers));
  }

  /** Fires when all of {@code triggers} have fired. */
  public static AfterAll of(List<? extends Trigger> triggers) {
    return new AfterAll(List.copyOf(triggers));
  }

  @Override
  public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
    Instant latest = BoundedWindow.TIMESTAMP_MIN_VALUE;
    for (Trigger sub : subTriggers) {
      Instant t = sub.getWatermarkThatGuaranteesFiring(window);
      if (t.isAfter(latest)) {
        latest = t;
      }
    }
    return latest;
  }

  @Override
  protected OnceTrigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
    return new AfterAll(continuationOfSubTriggers);
  }

  @Override
  public String toString() {
    return "AfterAll.of(" + Joiner.on(", ").join(subTriggers) + ")";
  }
}
