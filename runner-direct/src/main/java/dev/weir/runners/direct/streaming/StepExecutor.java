package dev.weir.runners.direct.streaming;

import com.google.common.collect.TreeMultiset;
import dev.weir.runners.direct.execution.ExecutionContext;
import dev.weir.runtime.dofn.DoFnInstancePool;
import dev.weir.runtime.graph.Step;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Instant;

/**
 * Executes one step of a pipeline, push-based: batches come in through {@link #accept}, work goes
 * out to the workers through the {@link Driver}, and the step's watermarks are kept here.
 *
 * <p>Watermarks: {@link PipelineWatermarks} sets {@link #inputWatermark} and
 * {@link #outputWatermark} from the step's upstream watermark, its {@link #pendingMinimum()
 * pending input}, the input watermark it {@link #actedInputWatermark() has acted on} and its
 * {@link #hold()}. Subclasses register every batch they accept with {@link #addPending} and
 * release it with {@link #removePending} once processed, so that unprocessed elements hold the
 * watermark back.
 *
 * <p>Every method runs on the driver thread; work dispatched to workers touches only what it was
 * handed and what its commit later applies on the driver.
 */
abstract class StepExecutor {
  private static final System.Logger LOG = System.getLogger(StepExecutor.class.getName());

  final Step step;
  final Driver driver;
  /** The run's options, workers and metrics; immutable, so work on workers may read it. */
  final ExecutionContext context;
  private final TreeMultiset<Instant> pending = TreeMultiset.create();
  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant outputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private int running;

  StepExecutor(Step step, Driver driver) {
    this.step = step;
    this.driver = driver;
    this.context = driver.context();
  }

  /** Takes {@code batch} of the step's main input number {@code inputIndex}. */
  void accept(int inputIndex, Batch<?> batch) {
    throw new IllegalStateException("Step '" + step.fullName() + "' reads no input");
  }

  /** Dispatches whatever work can start now. */
  abstract void dispatchReady();

  /**
   * For a source, the watermark of what it has produced; null for a step with inputs, whose
   * upstream watermark is the minimum of its inputs' output watermarks.
   */
  Instant sourceWatermark() {
    return null;
  }

  /**
   * The input watermark this step has acted on: equal to the input watermark, except for steps
   * with state that a worker must advance first (grouping, stateful DoFns).
   */
  Instant actedInputWatermark() {
    return inputWatermark;
  }

  /** What holds this step's output watermark back besides its input: the end of time when nothing. */
  Instant hold() {
    return BoundedWindow.TIMESTAMP_MAX_VALUE;
  }

  /**
   * Milliseconds of the system clock until this step has work that only time brings (a source to
   * poll again, a processing-time wake-up under the system clock); {@link Long#MAX_VALUE} if none.
   */
  long millisUntilTimedWork() {
    return Long.MAX_VALUE;
  }

  /** How many batches this step holds queued, accepted but not yet dispatched to a worker. */
  int queuedBatches() {
    return 0;
  }

  /** Releases what the step holds once the run is over, whatever its outcome. */
  void close() {}

  /** Tears down the step's DoFn instances once the run is over, best effort. */
  void tearDown() {}

  /** Tears down the idle instances of {@code pool}, logging what their {@code @Teardown} threw. */
  final void tearDownAll(DoFnInstancePool<?, ?, ?> pool) {
    for (Throwable failure : pool.teardownAll(context.metrics().getContainer(step.fullName()))) {
      LOG.log(System.Logger.Level.WARNING, "A DoFn's @Teardown failed; teardown is best effort", failure);
    }
  }

  final Instant inputWatermark() {
    return inputWatermark;
  }

  final Instant outputWatermark() {
    return outputWatermark;
  }

  final void setWatermarks(Instant input, Instant output) {
    this.inputWatermark = input;
    this.outputWatermark = output;
  }

  /** The earliest timestamp of the input this step has accepted and not yet processed. */
  final Instant pendingMinimum() {
    return pending.isEmpty() ? BoundedWindow.TIMESTAMP_MAX_VALUE : pending.firstEntry().getElement();
  }

  final void addPending(Instant minTimestamp) {
    pending.add(minTimestamp);
  }

  final void removePending(Instant minTimestamp) {
    pending.remove(minTimestamp);
  }

  /** Whether work of this step runs on a worker or waits for its commit. */
  final boolean isRunning() {
    return running > 0;
  }

  final void started() {
    running++;
  }

  final void ended() {
    running--;
  }

  /** Dispatches {@code work} through the driver. */
  final void dispatch(Driver.Work work) {
    driver.dispatch(this, work);
  }

  @Override
  public String toString() {
    return step.fullName() + "{in=" + inputWatermark + ", out=" + outputWatermark + ", pending=" + pending.size()
        + ", running=" + running + "}";
  }
}
