package dev.weir.runners.continuous;

import static com.google.common.base.Verify.verify;

import dev.weir.runtime.graph.Step;
import dev.weir.runtime.grouping.BatchGroupAlsoByWindow;
import dev.weir.runtime.grouping.GroupAlsoByWindowSpec;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import org.joda.time.Instant;

/**
 * A subtask of a {@code GroupByKey} over a bounded input whose trigger fires once at the end of the
 * window (the default trigger; sessions too): the keys routed to it are grouped by the execution
 * core's {@link BatchGroupAlsoByWindow}, one group per key and window (session windows merged once
 * at the end), and every group is emitted in its one ON_TIME pane when the input watermark reaches
 * the end of time. That is what the streaming core ({@link GroupingHead}) emits for such an input,
 * whose watermark stays at the beginning of time until all of it has been read, at a fraction of
 * the cost. Until then the head holds its output watermark at the beginning of time; its
 * checkpoints hold the groups so far ({@link BatchGroupAlsoByWindow#snapshot}).
 */
final class BoundedGroupingHead extends Head {
  private final Job job;
  private final Step step;
  private final String stepName;
  private final Receiver output;
  private final BatchGroupAlsoByWindow<Object, Object, Object, Object> grouping;
  private boolean finished;

  /** Whether the grouping {@code step} is run by this head rather than a {@link GroupingHead}. */
  static boolean appliesTo(Job job, Step step) {
    return job.manualClock() == null && step.mainInput().isBounded() == PCollection.IsBounded.BOUNDED
        && BatchGroupAlsoByWindow.supports(step.mainInput().getWindowingStrategy());
  }

  /** The head of {@code step} emitting to {@code output}, restored from {@code state} unless it is null. */
  BoundedGroupingHead(Job job, Step step, Receiver output, byte[] state) {
    this.job = job;
    this.step = step;
    this.stepName = step.fullName();
    this.output = output;
    this.grouping = newGrouping(job, step);
    if (state != null) {
      grouping.restore(state);
    }
  }

  private static BatchGroupAlsoByWindow<Object, Object, Object, Object> newGrouping(Job job, Step step) {
    GroupAlsoByWindowSpec<Object, Object, Object, Object> spec = GroupingHead.spec(job, step);
    return new BatchGroupAlsoByWindow<>(spec.stepName(), spec.keyCoder(), spec.contents(), spec.strategy());
  }

  @Override
  @SuppressWarnings("unchecked")
  void process(WindowedValue<?> element) {
    verify(!finished, "Step '%s' received elements after its bounded input ended", stepName);
    grouping.processElement((WindowedValue<KV<Object, Object>>) element);
  }

  @Override
  void advanceInputWatermark(Instant watermark) {
    if (!finished && !watermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
      finished = true;
      grouping.finish(output::accept);
    }
  }

  @Override
  Instant outputHold() {
    return finished ? BoundedWindow.TIMESTAMP_MAX_VALUE : BoundedWindow.TIMESTAMP_MIN_VALUE;
  }

  /** The groups so far; once they were all emitted, those of a grouping that holds none. */
  @Override
  byte[] snapshot() {
    return finished ? newGrouping(job, step).snapshot() : grouping.snapshot();
  }
}
