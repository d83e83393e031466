package dev.weir.runners.direct.streaming;

import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Step;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollection;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * The input and output watermark of every step of a run, recomputed from the steps' state after
 * each change, so that the output watermark of a step is the watermark of the collection it
 * produces.
 *
 * <p>The invariant, for every step {@code S} (primes are the values before the recomputation, so
 * that no watermark ever goes back):
 * <pre>
 *   input(S)  = max(input'(S),  min(upstream(S), pending(S)))
 *   output(S) = max(output'(S), min(acted(S), hold(S)))
 * </pre>
 * where {@code upstream(S)} is the minimum output watermark of the producers of {@code S}'s main
 * inputs (for a source: the watermark it reports), {@code pending(S)} the earliest timestamp of the
 * input {@code S} has accepted but not processed, {@code acted(S)} the input watermark {@code S}
 * has acted on (its grouping and stateful cores advanced to it; for other steps the input
 * watermark itself) and {@code hold(S)} what its state holds back (buffered panes, pending
 * event-time timers; the end of time when none). Side inputs take no part: a main-input element
 * whose side inputs are not ready waits in its step, pending, which holds that step back instead.
 *
 * <p>Since the steps are visited in topological order, one pass brings every watermark up to date
 * with the state of every step. Used by the driver thread only.
 */
final class PipelineWatermarks {
  private final List<Step> steps;
  private final Map<Step, StepExecutor> executors;
  private final PipelineGraph graph;

  PipelineWatermarks(PipelineGraph graph, Map<Step, StepExecutor> executors) {
    this.graph = graph;
    this.steps = graph.getSteps();
    this.executors = executors;
  }

  /** Recomputes every watermark; returns whether any moved. */
  boolean refresh() {
    boolean moved = false;
    for (Step step : steps) {
      StepExecutor executor = executors.get(step);
      Instant upstream = executor.sourceWatermark();
      if (upstream == null) {
        upstream = BoundedWindow.TIMESTAMP_MAX_VALUE;
        for (PCollection<?> input : step.mainInputs()) {
          upstream = earlier(upstream, executors.get(graph.getProducer(input)).outputWatermark());
        }
      }
      Instant inputBefore = executor.inputWatermark();
      Instant outputBefore = executor.outputWatermark();
      Instant input = later(inputBefore, earlier(upstream, executor.pendingMinimum()));
      // Set first: a step without state acts on its input watermark as soon as it has it.
      executor.setWatermarks(input, outputBefore);
      Instant output = later(outputBefore, earlier(executor.actedInputWatermark(), executor.hold()));
      executor.setWatermarks(input, output);
      moved |= !input.equals(inputBefore) || !output.equals(outputBefore);
    }
    return moved;
  }

  /** Whether every step's output watermark reached the end of time: nothing more can come. */
  boolean allAtEndOfTime() {
    for (StepExecutor executor : executors.values()) {
      if (executor.outputWatermark().isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
        return false;
      }
    }
    return true;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
