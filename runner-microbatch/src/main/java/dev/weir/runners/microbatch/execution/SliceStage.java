package dev.weir.runners.microbatch.execution;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.values.PCollection;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A stage that keeps nothing between elements and can process any slice of its input on its own
 * (a {@code ParDo} without state or side inputs, a {@code Window.Assign}), so that chains of such
 * stages run fused: one task per slice pushes each element through the whole chain (see
 * {@link FusedStages}).
 */
public interface SliceStage {
  /**
   * Opens this stage's pass over one slice, on the calling worker; what the stage outputs to a
   * collection goes to the receiver {@code outputs} gives for it (asked once per collection). The
   * step's metrics container is installed by the caller around every call of the pass.
   */
  SlicePass openPass(Function<PCollection<?>, Consumer<WindowedValue<?>>> outputs);

  /** Whether this stage can run fused; a {@code ParDo} with side inputs cannot. */
  boolean isFusible();

  /**
   * Whether this stage hands every element on unchanged, running no user code, so that a chain may
   * send its input straight to where its output goes.
   */
  default boolean passesElementsOn() {
    return false;
  }
}
