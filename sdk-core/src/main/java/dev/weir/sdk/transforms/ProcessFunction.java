package dev.weir.sdk.transforms;

import java.io.Serializable;

/**
 * A serializable function from one value to another that may throw a checked exception, the
 * general form of the user functions passed to transforms such as {@code MapElements}.
 *
 * <p>Instances are serialized with the transform that holds them and called by runners on any
 * thread; an implementation should hold no mutable state shared between calls. An exception thrown
 * by {@link #apply} fails the element being processed, and with it the pipeline run.
 *
 * @param <InputT> the type of the argument
 * @param <OutputT> the type of the result
 */
@FunctionalInterface
public interface ProcessFunction<InputT, OutputT> extends Serializable {

  /** Computes the result for {@code input}; may throw to fail the element. */
  OutputT apply(InputT input) throws Exception;
}
