package dev.weir.sdk.coders;

import java.util.List;

/**
 * Contributes {@link CoderProvider}s to every {@link CoderRegistry} created by {@link
 * CoderRegistry#createDefault()}: a library lists its implementation in {@code
 * META-INF/services/dev.weir.sdk.coders.CoderProviderRegistrar}, and it is found with {@link
 * java.util.ServiceLoader}.
 *
 * <p>Implementations need a public no-argument constructor. Their providers rank below the
 * standard types and {@link DefaultCoder}, above the {@link SerializableCoder} fallback; between
 * registrars, the one whose class name sorts first wins.
 */
public interface CoderProviderRegistrar {
  /** The providers to add, highest priority first. */
  List<CoderProvider> getCoderProviders();
}
