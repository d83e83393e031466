package dev.weir.runners.direct.streaming;

import dev.weir.runners.direct.execution.ExecutionContext;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.sdk.values.PCollection;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * What the driver thread offers the {@link StepExecutor}s: running work on the workers, handing
 * output to the steps that read it, the run's processing time and its shared services.
 *
 * <p>Every method is called on the driver thread only.
 */
interface Driver {
  /**
   * Runs {@code work} of {@code executor}'s step on a worker, with the step's metrics container
   * installed; the commit it returns then runs on the driver thread. The executor counts as busy
   * until the commit has run (or the work failed, which fails the run).
   */
  void dispatch(StepExecutor executor, Work work);

  /**
   * Whether the pipeline has so much work running or queued that sources should wait before
   * producing more: the direct runner's back pressure, so that a fast endless source does not
   * fill memory with batches the rest of the pipeline cannot keep up with.
   */
  boolean isBacklogged();

  /** Hands {@code batch}, output to {@code collection}, to every step that reads it. */
  void emit(PCollection<?> collection, Batch<?> batch);

  /** The run's processing time now: its manual clock under a {@code TestStream}, else the system's. */
  Instant processingTime();

  /** Whether processing time is the run's manual clock, which moves only when told to. */
  boolean isProcessingTimeManual();

  /**
   * Moves the run's manual processing-time clock forward by {@code amount}.
   *
   * @throws IllegalStateException if the run uses the system clock (it has no {@code TestStream})
   */
  void advanceProcessingTime(Duration amount);

  /** The run's options, workers and metrics. */
  ExecutionContext context();

  /** The side inputs of the run, by view and window. */
  SideInputContainer sideInputs();

  /**
   * Work of a step that runs on a worker: returns what to do with its result on the driver thread
   * (emit outputs, update the step's bookkeeping), or throws, which fails the run.
   */
  @FunctionalInterface
  interface Work {
    Runnable run() throws Exception;
  }
}
