package dev.weir.runners.microbatch.execution;

import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.List;
import org.joda.time.Instant;

/**
 * Runs one primitive step of the pipeline once per batch: it takes everything its inputs received
 * in the batch, processes it (on the workers where there is work to share), emits what that
 * produces, and then moves its execution cores to the batch's input watermark.
 *
 * <p>Watermarks, set by the batch loop in topological order: the step's input watermark is the
 * least output watermark of the producers of its main inputs (a source's is the one the batch
 * runs under), and its output watermark the lesser of its input watermark and its {@link #hold()},
 * both never moving back. Elements of the batch are processed before the watermark moves, so
 * what an upstream step emitted in the batch is never late for the step that reads it.
 *
 * <p>Every method is called by the batch loop's thread; tasks on workers touch only what they
 * were handed.
 */
public abstract class Stage {
  protected final Step step;
  protected final StageContext context;
  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant outputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

  protected Stage(Step step, StageContext context) {
    this.step = step;
    this.context = context;
  }

  /**
   * Processes {@code input}, everything the step's main inputs received in this batch, at
   * processing time {@code processingTime}, emitting outputs into {@code outputs}; then acts on
   * {@link #inputWatermark()}, already set for this batch.
   */
  protected abstract void run(List<WindowedValue<?>> input, Instant processingTime, BatchData outputs);

  /** What holds the output watermark back besides the input watermark; the end of time if nothing. */
  protected Instant hold() {
    return BoundedWindow.TIMESTAMP_MAX_VALUE;
  }

  /** The earliest processing time at which this step has something to fire; null if none. */
  protected Instant nextProcessingTimeWakeUp() {
    return null;
  }

  /** How many keys, windows or elements this step keeps between batches, for progress reports. */
  protected long stateRows() {
    return 0;
  }

  /** Releases what the step holds once the run is over, whatever its outcome; best effort. */
  protected void close() {}

  protected final Instant inputWatermark() {
    return inputWatermark;
  }

  protected final Instant outputWatermark() {
    return outputWatermark;
  }

  /** Sets this batch's input watermark, before {@link #run}; it never moves back. */
  final void advanceInputWatermark(Instant input) {
    inputWatermark = input.isAfter(inputWatermark) ? input : inputWatermark;
  }

  /** Sets this batch's output watermark, after {@link #run}; it never moves back. */
  final void advanceOutputWatermark(Instant output) {
    outputWatermark = output.isAfter(outputWatermark) ? output : outputWatermark;
  }

  /** The later of {@code a} and {@code b}. */
  protected static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The earlier of {@code a} and {@code b}. */
  protected static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  public String toString() {
    return step.fullName() + "{in=" + inputWatermark + ", out=" + outputWatermark + "}";
  }
}
