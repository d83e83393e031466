package dev.weir.runtime.triggers;

import com.google.common.collect.ImmutableList;
import dev.weir.sdk.transforms.windowing.TimestampTransform;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * {@code AfterProcessingTime.pastFirstElementInPane()} (with its delays and alignments) and
 * {@code AfterSynchronizedProcessingTime.ofFirstElement()}: the first element of a pane sets a
 * target from the processing time it arrived at; the node is ready once its clock is strictly after
 * the target (as Beam: a clock exactly at the target is not enough) and finishes after firing.
 *
 * <p>The target always derives from processing time; the synchronized variant then waits on
 * synchronized processing time. Merging keeps the earliest target of the merged windows, and the
 * merged node is not finished.
 */
final class AfterProcessingTimeStateMachine extends NodeStateMachine {
  private static final long serialVersionUID = 1L;
  private static final Duration ONE_MILLI = Duration.millis(1);

  private final ClockDomain domain;
  private final ImmutableList<TimestampTransform> transforms;

  AfterProcessingTimeStateMachine(ClockDomain domain, List<TimestampTransform> transforms) {
    super(List.of());
    this.domain = domain;
    this.transforms = ImmutableList.copyOf(transforms);
  }

  @Override
  TriggerNodeState onElement(TriggerNodeState state, TriggerContext c) {
    if (state.target() != null) {
      // Clocks only move forward, so a later element could only move the target later: keep it.
      return state;
    }
    Instant target = c.time().processingTime();
    for (TimestampTransform transform : transforms) {
      target = transform.apply(target);
    }
    return state.withTarget(target);
  }

  @Override
  TriggerNodeState onMerge(List<TriggerNodeState> mergingStates, TriggerContext c) {
    Instant earliestTarget = null;
    for (TriggerNodeState state : mergingStates) {
      earliestTarget = earliest(earliestTarget, state.target());
    }
    return initialState().withTarget(earliestTarget);
  }

  @Override
  boolean shouldFire(TriggerNodeState state, TriggerContext c) {
    Instant now = domain.read(c.time());
    return state.target() != null && now != null && now.isAfter(state.target());
  }

  @Override
  TriggerNodeState onFire(TriggerNodeState state, TriggerContext c) {
    return clear(state).withFinished(true);
  }

  @Override
  Instant nextDeadline(TriggerNodeState state, ClockDomain clock) {
    return clock == domain && state.target() != null ? state.target().plus(ONE_MILLI) : null;
  }

  @Override
  public String toString() {
    return domain == ClockDomain.PROCESSING_TIME
        ? "AfterProcessingTime.pastFirstElementInPane()" + transforms
        : "AfterSynchronizedProcessingTime.ofFirstElement()";
  }
}
