package dev.weir.runners.microbatch.execution;

import dev.weir.runtime.values.WindowedValue;

/**
 * One stage's pass over one slice of a batch, on the worker that runs the slice: the slice's
 * elements are pushed in one at a time, each going on at once to the stage's outputs (in a fused
 * chain, straight into the next member's pass), then the pass is finished and released.
 *
 * <p>Call order: {@link #process} any number of times, then {@link #finish}, then
 * {@link #release}; {@link #release} alone when the slice failed. Not thread-safe: used only by
 * the worker running the slice.
 */
@FunctionalInterface
public interface SlicePass {
  /** Processes one element of the slice. */
  void process(WindowedValue<?> element);

  /** Ends the slice (a DoFn's {@code @FinishBundle} runs here); what that outputs goes on like any output. */
  default void finish() {}

  /** Gives back what the pass borrowed (a DoFn instance), whether or not it finished. */
  default void release() {}
}
