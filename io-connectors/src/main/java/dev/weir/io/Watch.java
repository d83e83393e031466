package dev.weir.io;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.util.SerializedRecord;
import java.io.Serializable;
import java.util.Objects;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * When a source that watches for new inputs stops polling, in the shape of Beam's
 * {@code org.apache.beam.sdk.transforms.Watch.Growth} termination conditions; used by
 * {@link TextIO.Read#watchForNewFiles}.
 *
 * <p>Beam keeps these on its {@code Watch} transform in {@code sdk.transforms}; Weir has no
 * {@code Watch} transform yet, so a port changes {@code org.apache.beam.sdk.transforms.Watch} to
 * {@code dev.weir.io.Watch} and keeps {@code Watch.Growth.never()} and friends as they are.
 */
public final class Watch {
  private Watch() {}

  /** The termination conditions of a watch. */
  public static final class Growth {
    private Growth() {}

    /** Never stops polling: the source stays unbounded. */
    public static TerminationCondition never() {
      return new TerminationCondition(TerminationCondition.Kind.NEVER, Duration.ZERO);
    }

    /**
     * Stops polling once strictly more than {@code timeSinceNewOutput} has passed since the last
     * poll that found something new. As in Beam, a watch that never found anything does not stop
     * under this condition.
     */
    public static TerminationCondition afterTimeSinceNewOutput(Duration timeSinceNewOutput) {
      return new TerminationCondition(TerminationCondition.Kind.AFTER_TIME_SINCE_NEW_OUTPUT, timeSinceNewOutput);
    }

    /**
     * Stops polling once strictly more than {@code idleTime} has passed since the last poll that
     * found something new or, if none ever did, since watching started: an idle timeout that also
     * ends a watch of an empty directory. Weir-specific; Beam has no such condition.
     */
    public static TerminationCondition afterTimeSinceNewOutputOrStart(Duration idleTime) {
      return new TerminationCondition(TerminationCondition.Kind.AFTER_TIME_SINCE_NEW_OUTPUT_OR_START, idleTime);
    }

    /** Stops polling once strictly more than {@code timeSinceInput} has passed since watching started. */
    public static TerminationCondition afterTotalOf(Duration timeSinceInput) {
      return new TerminationCondition(TerminationCondition.Kind.AFTER_TOTAL_OF, timeSinceInput);
    }
  }

  /**
   * A rule deciding, after each poll, whether polling may stop. Immutable and serializable; the
   * times it needs are kept by the source (in its checkpoint marks), so wall time spent while a
   * pipeline was down counts too.
   *
   * @param kind which rule
   * @param duration the rule's duration; zero for {@link Kind#NEVER}
   */
  public record TerminationCondition(Kind kind, Duration duration) implements Serializable {
    private Object writeReplace() {
      return SerializedRecord.of(this);
    }

    /** The rules. */
    public enum Kind {
      NEVER,
      AFTER_TIME_SINCE_NEW_OUTPUT,
      AFTER_TIME_SINCE_NEW_OUTPUT_OR_START,
      AFTER_TOTAL_OF
    }

    public TerminationCondition {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(duration, "duration");
      checkArgument(!duration.isShorterThan(Duration.ZERO),
          "Watch.Growth termination %s: the duration %s must not be negative", kind, duration);
    }

    /**
     * Whether polling may stop at {@code now}.
     *
     * @param startedAt when watching started
     * @param lastNewOutputAt when a poll last found something new, or null if none ever did
     */
    public boolean canStopPolling(Instant startedAt, Instant lastNewOutputAt, Instant now) {
      switch (kind) {
        case AFTER_TOTAL_OF:
          return new Duration(startedAt, now).isLongerThan(duration);
        case AFTER_TIME_SINCE_NEW_OUTPUT:
          return lastNewOutputAt != null && new Duration(lastNewOutputAt, now).isLongerThan(duration);
        case AFTER_TIME_SINCE_NEW_OUTPUT_OR_START:
          return new Duration(lastNewOutputAt == null ? startedAt : lastNewOutputAt, now).isLongerThan(duration);
        default:
          return false;
      }
    }
  }
}
