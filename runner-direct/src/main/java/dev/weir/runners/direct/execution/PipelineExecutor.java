package dev.weir.runners.direct.execution;

import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult;

/**
 * Runs one pipeline once, to its end.
 *
 * <p>{@link #run} is called once, by one driver thread; {@link #cancel} may be called from any
 * thread, at any time, also before {@code run} or after it returned.
 */
public interface PipelineExecutor {
  /**
   * Runs the pipeline; returns {@code DONE}, or {@code CANCELLED} if {@link #cancel} stopped it.
   *
   * @throws PipelineExecutionException if a step failed, naming its transform
   */
  PipelineResult.State run();

  /** Stops the run: workers stop at their next element and {@link #run} returns {@code CANCELLED}. */
  void cancel();
}
