package dev.weir.sdk.transforms.windowing;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Joiner;
import java.util.List;
import org.joda.time.Instant;

/** Runs its sub-triggers one after another: fires when the current one fires, finishes after the last. */
public final class AfterEach extends Trigger {
  private static final long serialVersionUID = 1L;

  private AfterEach(List<Trigger> subTriggers) {
    super(subTriggers);
    checkArgument(!subTriggers.isEmpty(), "AfterEach.inOrder needs at least one trigger");
  }

  /** The triggers, in order. */
  public static AfterEach inOrder(Trigger... triggers) {
    return new AfterEach(List.of(triggers));
  }

  /** The triggers, in order. */
  public static AfterEach inOrder(List<Trigger> triggers) {
    return new AfterEach(triggers);
  }

  @Override
  public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
    // Guaranteed once the first sub-trigger is, as in Beam.
    return subTriggers.get(0).getWatermarkThatGuaranteesFiring(window);
  }

  @Override
  protected Trigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
    return Repeatedly.forever(new AfterFirst(continuationOfSubTriggers));
  }

  @Override
  public boolean mayFinish() {
    return subTriggers.stream().allMatch(Trigger::mayFinish);
  }

  @Override
  public String toString() {
    return "AfterEach.inOrder(" + Joiner.on(", ").join(subTriggers) + ")";
  }
}
