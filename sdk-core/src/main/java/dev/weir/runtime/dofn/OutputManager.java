package dev.weir.runtime.dofn;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.values.TupleTag;

/**
 * Receives what a {@link DoFnRunner} outputs, per output tag. The runner that owns the step
 * decides where it goes (a buffer, the next fused step, a channel).
 *
 * <p>Called on the thread that drives the {@link DoFnRunner}.
 */
@FunctionalInterface
public interface OutputManager {
  /** Takes one output element of the output {@code tag}. */
  <T> void output(TupleTag<T> tag, WindowedValue<T> output);
}
