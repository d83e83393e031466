package dev.weir.sdk.options;

/**
 * Computes the default of an option that has no literal default, named by {@link
 * Default.InstanceFactory}.
 *
 * <p>Implementations need a public no-argument constructor. {@link #create} runs the first time
 * the option's getter is read while no value is set; its result is stored in the options object
 * and returned from then on (and is shipped with the options, if it is serializable). Two threads
 * reading at once may both run it, and then every reader sees the same one of the results. It may
 * read other options through {@code options.as(...)}, but not the option it computes (that throws
 * {@link IllegalStateException}). A runtime exception it throws reaches the getter's caller.
 *
 * @param <T> the option's type
 */
public interface DefaultValueFactory<T> {

  /** Returns the default value for an option of {@code options}; may return null. */
  T create(PipelineOptions options);
}
