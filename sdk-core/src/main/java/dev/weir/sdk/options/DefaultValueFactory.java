package dev.weir.sdk.options;

/**
 * Computes the default of an option that has no literal default, named by {@link
 * Default.InstanceFactory}.
 *
 * <p>Implementations need a public no-argument constructor. {@link #create} is called at most
 * once per options object for the option, the first time its getter runs without a value set;
 * the result is stored and returned from then on (and is shipped with the options, if it is
 * serializable). It may read other options through {@code options.as(...)}, but must not read
 * the option it computes. A runtime exception it throws reaches the getter's caller unchanged.
 *
 * @param <T> the option's type
 */
public interface DefaultValueFactory<T> {

  /** Returns the default value for an option of {@code options}; may return null. */
  T create(PipelineOptions options);
}
