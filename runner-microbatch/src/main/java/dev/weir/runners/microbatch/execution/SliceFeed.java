package dev.weir.runners.microbatch.execution;

import dev.weir.runtime.values.WindowedValue;
import java.util.function.Consumer;

/**
 * Where one task of a fused chain gets its elements: a slice of a list the batch already holds,
 * or a share of a source that the task reads itself.
 */
@FunctionalInterface
public interface SliceFeed {
  /** Pushes the slice's elements, in order, into {@code into}; called once, on a worker. */
  void feed(Consumer<WindowedValue<?>> into) throws Exception;
}
