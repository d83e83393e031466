package dev.weir.sdk.transforms.windowing;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.util.SerializedRecord;
import java.io.Serializable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * A step that turns the processing time of a pane's first element into the time a processing-time
 * trigger fires: a delay, or an alignment to a period.
 */
public sealed interface TimestampTransform extends Serializable {

  /** Applies this step. */
  Instant apply(Instant time);

  /** Adds {@code delay}. */
  static TimestampTransform delay(Duration delay) {
    return new Delay(delay);
  }

  /** Rounds up to the next {@code offset + k * period}. */
  static TimestampTransform alignTo(Duration period, Instant offset) {
    return new AlignTo(period, offset);
  }

  /**
   * Adds a fixed delay.
   *
   * @param delay the delay, not negative
   */
  record Delay(Duration delay) implements TimestampTransform {
    private Object writeReplace() {
      return SerializedRecord.of(this);
    }

    public Delay {
      checkArgument(!delay.isShorterThan(Duration.ZERO), "delay must not be negative: %s", delay);
    }

    @Override
    public Instant apply(Instant time) {
      return time.plus(delay);
    }
  }

  /**
   * Rounds up to a multiple of a period from an offset; a time already on the grid stays.
   *
   * @param period the period, positive
   * @param offset where the grid starts
   */
  record AlignTo(Duration period, Instant offset) implements TimestampTransform {
    private Object writeReplace() {
      return SerializedRecord.of(this);
    }

    public AlignTo {
      checkArgument(period.getMillis() > 0, "alignment period must be positive: %s", period);
    }

    @Override
    public Instant apply(Instant time) {
      long p = period.getMillis();
      long since = Math.floorMod(time.getMillis() - offset.getMillis(), p);
      return since == 0 ? time : time.plus(p - since);
    }
  }
}
