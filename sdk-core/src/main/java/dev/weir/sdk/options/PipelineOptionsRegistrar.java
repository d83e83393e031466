package dev.weir.sdk.options;

/**
 * A service, found by {@link java.util.ServiceLoader}, that makes option interfaces known to
 * {@link PipelineOptionsFactory} so that their flags parse and appear in {@code --help}.
 *
 * <p>Runner and connector modules implement it and list the implementation in {@code
 * META-INF/services/dev.weir.sdk.options.PipelineOptionsRegistrar}. Implementations need a public
 * no-argument constructor; they are loaded once, on first use of the factory.
 */
public interface PipelineOptionsRegistrar {

  /** The option interfaces to register; each must be a valid options interface. */
  Iterable<Class<? extends PipelineOptions>> getPipelineOptions();
}
