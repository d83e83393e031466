package dev.weir.runtime.grouping;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runtime.grouping.WatermarkHold.Clocks;
import dev.weir.runtime.triggers.TriggerTime;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * The clocks of one grouping step: input watermark, processing time, synchronized processing time
 * (all moved by the runner, only forward) and the output watermark as the step itself sees it (the
 * input watermark held back by the holds, as it stood at the end of the previous call; never moves
 * back). All start at {@link BoundedWindow#TIMESTAMP_MIN_VALUE}. Mutable; not thread-safe.
 */
final class GroupingClocks {
  private final String stepName;
  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant synchronizedProcessingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant outputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

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

  Instant outputWatermark() {
    return outputWatermark;
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

  /** Moves the output watermark to the input watermark held at {@code earliestHold} (null: none). */
  void updateOutputWatermark(Instant earliestHold) {
    Instant held = earliestHold != null && earliestHold.isBefore(inputWatermark) ? earliestHold : inputWatermark;
    if (held.isAfter(outputWatermark)) {
      outputWatermark = held;
    }
  }

  /** The clocks as a trigger sees them. */
  TriggerTime triggerTime() {
    return new TriggerTime(inputWatermark, processingTime, synchronizedProcessingTime);
  }

  /** The watermarks as the hold rules see them. */
  Clocks holdClocks() {
    return new Clocks(inputWatermark, outputWatermark);
  }

  /** Input watermark, processing time, synchronized processing time, output watermark. */
  Instant[] values() {
    return new Instant[] {inputWatermark, processingTime, synchronizedProcessingTime, outputWatermark};
  }

  /** Sets all four clocks, in the order of {@link #values()}, as a snapshot recorded them. */
  void restore(Instant[] values) {
    inputWatermark = values[0];
    processingTime = values[1];
    synchronizedProcessingTime = values[2];
    outputWatermark = values[3];
  }

  private Instant forward(String clock, Instant current, Instant next) {
    Objects.requireNonNull(next, clock);
    checkArgument(!next.isBefore(current),
        "Grouping step '%s': the %s cannot move back, from %s to %s", stepName, clock, current, next);
    return next;
  }
}
