package dev.weir.sdk.transforms;

/**
 * A {@link ProcessFunction} that throws no checked exception: the function type used where Beam
 * uses {@code SerializableFunction} (keys, timestamps, combining iterables, ...).
 *
 * <p>Same contract as {@link ProcessFunction}: serializable, stateless, callable from any thread.
 *
 * @param <InputT> the input type
 * @param <OutputT> the output type
 */
@FunctionalInterface
public interface SerializableFunction<InputT, OutputT> extends ProcessFunction<InputT, OutputT> {
  @Override
  OutputT apply(InputT input);
}
