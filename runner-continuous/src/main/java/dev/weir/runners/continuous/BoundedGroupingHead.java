package dev.weir.runners.continuous;

import dev.weir.runtime.graph.Step;
import dev.weir.runtime.grouping.BatchGroupAlsoByWindow;
import dev.weir.runtime.grouping.GroupAlsoByWindowSpec;
import dev.weir.runtime.values.WindowedValue;
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
  private final Receiver output;
  private final BatchGroupAlsoByWindow<Object, Object, Object, Object> grouping;

  /** Whether the grouping {@code step} is run by this head rather than a {@link GroupingHead}. */
  static boolean appliesTo(Job job, Step step) {
    return job.manualClock() == null && step.mainInput().isBounded() == PCollection.IsBounded.BOUNDED
        && BatchGroupAlsoByWindow.supports(step.mainInput().getWindowingStrategy());
  }

  /** The head of {@code step} emitting to {@code output}, restored from {@code state} unless it is null. */
  BoundedGroupingHead(Job job, Step step, Receiver output, byte[] state) {
    this.output = output;
    GroupAlsoByWindowSpec<Object, Object, Object, Object> spec = GroupingHead.spec(job, step);
    this.grouping = new BatchGroupAlsoByWindow<>(spec.stepName(), spec.keyCoder(), spec.contents(), spec.strategy());
    if (state != null) {
      grouping.restore(state);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  void process(WindowedValue<?> element) {
    grouping.processElement((WindowedValue<KV<Object, Object>>) element);
  }

  @Override
  void advanceInputWatermark(Instant watermark) {
    grouping.finishAtEndOfInput(watermark, element -> Handoff.to(output, element));
  }

  @Override
  Instant outputHold() {
    return grouping.outputWatermarkHold();
  }

  /** The groups so far (none once they were all emitted). */
  @Override
  byte[] snapshot() {
    return grouping.snapshot();
  }
}
