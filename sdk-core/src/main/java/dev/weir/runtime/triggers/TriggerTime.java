package dev.weir.runtime.triggers;

import org.joda.time.Instant;

/**
 * The clocks a trigger looks at when it is asked to act: the input watermark of the grouping
 * step, its processing time, and its synchronized processing time (processing time held back by
 * upstream stages; equal to processing time where a runner does not track it).
 *
 * @param inputWatermark the input watermark of the grouping step
 * @param processingTime the current processing time
 * @param synchronizedProcessingTime the synchronized processing time
 */
public record TriggerTime(Instant inputWatermark, Instant processingTime, Instant synchronizedProcessingTime) {
  /** Clocks where synchronized processing time equals processing time. */
  public static TriggerTime of(Instant inputWatermark, Instant processingTime) {
    return new TriggerTime(inputWatermark, processingTime, processingTime);
  }
}
