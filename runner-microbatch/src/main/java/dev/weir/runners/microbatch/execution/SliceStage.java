package dev.weir.runners.microbatch.execution;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.values.PCollection;
import java.util.List;
import java.util.Map;

/**
 * A stage that keeps nothing between elements and can process any slice of its input on its own
 * (a {@code ParDo} without state or side inputs, a {@code Window.Assign}), so that chains of such
 * stages run fused: one task per slice through the whole chain (see {@link FusedStages}).
 */
public interface SliceStage {
  /**
   * Processes {@code slice} of the batch's input, on the calling worker, and returns what it output,
   * by collection. The step's metrics container is installed by the caller.
   */
  Map<PCollection<?>, List<WindowedValue<?>>> processSlice(List<WindowedValue<?>> slice);

  /** Whether this stage can run fused; a {@code ParDo} with side inputs cannot. */
  boolean isFusible();
}
