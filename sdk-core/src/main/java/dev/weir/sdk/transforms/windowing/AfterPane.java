package dev.weir.sdk.transforms.windowing;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;
import org.joda.time.Instant;

/** Fires once a pane holds at least a given number of elements. */
public final class AfterPane extends Trigger.OnceTrigger {
  private static final long serialVersionUID = 1L;

  private final int countElems;

  private AfterPane(int countElems) {
    checkArgument(countElems > 0, "AfterPane.elementCountAtLeast needs a positive count, got %s", countElems);
    this.countElems = countElems;
  }

  /** Fires once the pane has at least {@code countElems} elements. */
  public static AfterPane elementCountAtLeast(int countElems) {
    return new AfterPane(countElems);
  }

  public int getElementCount() {
    return countElems;
  }

  @Override
  public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
    return BoundedWindow.TIMESTAMP_MAX_VALUE;
  }

  @Override
  protected OnceTrigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
    // Downstream, any element is the result of a firing here.
    return elementCountAtLeast(1);
  }

  @Override
  public boolean isCompatible(Trigger other) {
    return this.equals(other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AfterPane && ((AfterPane) o).countElems == countElems;
  }

  @Override
  public int hashCode() {
    return Objects.hash(AfterPane.class, countElems);
  }

  @Override
  public String toString() {
    return "AfterPane.elementCountAtLeast(" + countElems + ")";
  }
}
