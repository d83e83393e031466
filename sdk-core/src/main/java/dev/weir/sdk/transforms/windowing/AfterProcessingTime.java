package dev.weir.sdk.transforms.windowing;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Fires once processing time reaches a point derived from when the first element of the pane
 * arrived: {@code pastFirstElementInPane().plusDelayOf(...)}, optionally {@code alignedTo(...)}.
 */
public final class AfterProcessingTime extends Trigger.OnceTrigger {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<TimestampTransform> transforms;

  private AfterProcessingTime(List<TimestampTransform> transforms) {
    this.transforms = ImmutableList.copyOf(transforms);
  }

  /** Fires as soon as processing time passes the arrival of the pane's first element. */
  public static AfterProcessingTime pastFirstElementInPane() {
    return new AfterProcessingTime(List.of());
  }

  /** Fires {@code delay} later. */
  public AfterProcessingTime plusDelayOf(Duration delay) {
    return with(TimestampTransform.delay(delay));
  }

  /** Fires at the next multiple of {@code period} after {@code offset}. */
  public AfterProcessingTime alignedTo(Duration period, Instant offset) {
    return with(TimestampTransform.alignTo(period, offset));
  }

  /** Fires at the next multiple of {@code period} since the epoch. */
  public AfterProcessingTime alignedTo(Duration period) {
    return alignedTo(period, new Instant(0));
  }

  private AfterProcessingTime with(TimestampTransform transform) {
    return new AfterProcessingTime(ImmutableList.<TimestampTransform>builder().addAll(transforms).add(transform).build());
  }

  /** The steps from the first element's arrival to the firing time, in order. */
  public List<TimestampTransform> getTimestampTransforms() {
    return transforms;
  }

  /** The firing time for a pane whose first element arrived at {@code firstElementTime}. */
  public Instant getTargetTimestamp(Instant firstElementTime) {
    Instant result = firstElementTime;
    for (TimestampTransform transform : transforms) {
      result = transform.apply(result);
    }
    return result;
  }

  @Override
  public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
    return BoundedWindow.TIMESTAMP_MAX_VALUE;
  }

  @Override
  protected OnceTrigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
    return AfterSynchronizedProcessingTime.ofFirstElement();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AfterProcessingTime && transforms.equals(((AfterProcessingTime) o).transforms);
  }

  @Override
  public int hashCode() {
    return Objects.hash(AfterProcessingTime.class, transforms);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("AfterProcessingTime.pastFirstElementInPane()");
    for (TimestampTransform t : transforms) {
      if (t instanceof TimestampTransform.Delay d) {
        s.append(".plusDelayOf(").append(d.delay()).append(")");
      } else if (t instanceof TimestampTransform.AlignTo a) {
        s.append(".alignedTo(").append(a.period()).append(", ").append(a.offset()).append(")");
      }
    }
    return s.toString();
  }
}
