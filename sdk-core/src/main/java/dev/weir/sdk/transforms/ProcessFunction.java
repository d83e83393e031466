package dev.weir.sdk.transforms;

import java.io.Serializable;

/**
 * A serializable function from one value to another that may throw a checked exception: the
 * function type that element-wise transforms ({@code MapElements}, {@code Filter}, ...) accept.
 *
 * <p>Implementations are shipped to workers by Java serialization and called by runners from any
 * thread, possibly concurrently on different copies; they should be stateless. An exception thrown
 * by {@link #apply} fails the bundle being processed.
 *
 * @param <InputT> the input type
 * @param <OutputT> the output type
 */
@FunctionalInterface
public interface ProcessFunction<InputT, OutputT> extends Serializable {
  /** The result of applying this function to {@code input}. */
  OutputT apply(InputT input) throws Exception;
}
