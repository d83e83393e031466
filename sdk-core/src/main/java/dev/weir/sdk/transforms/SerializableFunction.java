package dev.weir.sdk.transforms;

/**
 * A {@link ProcessFunction} that throws no checked exception, for transforms and assertions that
 * call a user function where a checked exception could not be handled.
 *
 * <p>Instances are serialized with the transform that holds them and called by runners on any
 * thread; an implementation should hold no mutable state shared between calls. A runtime exception
 * or error thrown by {@link #apply} fails the element being processed, and with it the run.
 *
 * @param <InputT> the type of the argument
 * @param <OutputT> the type of the result
 */
@FunctionalInterface
public interface SerializableFunction<InputT, OutputT> extends ProcessFunction<InputT, OutputT> {

  /** Computes the result for {@code input}. */
  @Override
  OutputT apply(InputT input);
}
