package dev.weir.runtime.grouping;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runtime.triggers.TriggerTime;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * The clocks of one grouping step: input watermark, processing time and synchronized processing
 * time, all moved by the runner and only forward, all starting at
 * {@link BoundedWindow#TIMESTAMP_MIN_VALUE}; and the <em>settled</em> input watermark, the input
 * watermark as it stood at the end of the previous call, from which output watermarks are derived
 * (as in Beam, a step's output watermark lags its input until the step has acted on it). Mutable;
 * not thread-safe.
 */
final class GroupingClocks {
  private final String stepName;
  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant synchronizedProcessingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant settledInputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

  GroupingClocks(String stepName) {
    this.stepName = stepName;
  }

  Instant inputWatermark() {
    return inputWatermark;
  }

  Instant processingTime() {
    return processingTime;
  }

  Instant synchronizedProcessingTime() {
    return synchronizedProcessingTime;
  }

  /** The input watermark at the end of the previous call. */
  Instant settledInputWatermark() {
    return settledInputWatermark;
  }

  void advanceInputWatermark(Instant to) {
    inputWatermark = forward("input watermark", inputWatermark, to);
  }

  void advanceProcessingTime(Instant to) {
    processingTime = forward("processing time", processingTime, to);
  }

  void advanceSynchronizedProcessingTime(Instant to) {
    synchronizedProcessingTime = forward("synchronized processing time", synchronizedProcessingTime, to);
  }

  /** Ends a call: the input watermark is settled. */
  void settle() {
    settledInputWatermark = inputWatermark;
  }

  /** The clocks as a trigger sees them. */
  TriggerTime triggerTime() {
    return new TriggerTime(inputWatermark, processingTime, synchronizedProcessingTime);
  }

  /** Input watermark, processing time, synchronized processing time. */
  Instant[] values() {
    return new Instant[] {inputWatermark, processingTime, synchronizedProcessingTime};
  }

  /** Sets the clocks, in the order of {@link #values()}, as a snapshot between calls recorded them. */
  void restore(Instant[] values) {
    inputWatermark = values[0];
    processingTime = values[1];
    synchronizedProcessingTime = values[2];
    settledInputWatermark = inputWatermark;
  }

  private Instant forward(String clock, Instant current, Instant next) {
    Objects.requireNonNull(next, clock);
    checkArgument(!next.isBefore(current),
        "Grouping step '%s': the %s cannot move back, from %s to %s", stepName, clock, current, next);
    return next;
  }
}
