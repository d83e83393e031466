package dev.weir.sdk.transforms;

import java.io.Serializable;
import java.util.function.BiFunction;

/**
 * A {@link BiFunction} that is {@link Serializable}, so that it can be part of a transform; for
 * example the binary operator given to {@code Combine.globally(...)} or {@code Combine.perKey(...)}.
 *
 * <p>Must be stateless and callable from any thread.
 *
 * @param <FirstInputT> the type of the first argument
 * @param <SecondInputT> the type of the second argument
 * @param <OutputT> the result type
 */
@FunctionalInterface
public interface SerializableBiFunction<FirstInputT, SecondInputT, OutputT>
    extends BiFunction<FirstInputT, SecondInputT, OutputT>, Serializable {}
