package dev.weir.sdk.options;

import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The options interfaces known to {@link PipelineOptionsFactory} in this JVM: {@link
 * PipelineOptions}, those listed by every {@link PipelineOptionsRegistrar} on the classpath (loaded
 * once, on first use, through {@link RunnerNames#classLoader()}), and those passed to {@link
 * #register}. Registration is permanent and idempotent. Thread-safe.
 */
final class OptionsRegistry {

  private static final Comparator<Class<?>> BY_NAME = Comparator.comparing(Class::getName);

  private static final Set<Class<? extends PipelineOptions>> REGISTERED = new LinkedHashSet<>();

  private static boolean registrarsLoaded;

  private OptionsRegistry() {}

  /**
   * Adds {@code iface}. Throws {@link IllegalArgumentException} if it is malformed or gives an
   * option a type that a registered interface contradicts; nothing is registered then.
   */
  static synchronized void register(Class<? extends PipelineOptions> iface) {
    loadRegistrars();
    add(iface);
  }

  /** The registered interfaces, sorted by name. */
  static synchronized ImmutableSortedSet<Class<? extends PipelineOptions>> registered() {
    loadRegistrars();
    return ImmutableSortedSet.copyOf(BY_NAME, REGISTERED);
  }

  private static void add(Class<? extends PipelineOptions> iface) {
    if (REGISTERED.contains(iface)) {
      return;
    }
    List<OptionsSpec> specs = new ArrayList<>();
    REGISTERED.forEach(known -> specs.add(OptionsSpec.of(known)));
    specs.add(OptionsSpec.of(iface));
    OptionsSpec.merge(specs);
    REGISTERED.add(iface);
  }

  private static void loadRegistrars() {
    if (registrarsLoaded) {
      return;
    }
    // Set first: a registrar failing to load must not be retried, and fail, on every call.
    registrarsLoaded = true;
    add(PipelineOptions.class);
    for (PipelineOptionsRegistrar registrar :
        ServiceLoader.load(PipelineOptionsRegistrar.class, RunnerNames.classLoader())) {
      for (Class<? extends PipelineOptions> iface : registrar.getPipelineOptions()) {
        try {
          add(iface);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              registrar.getClass().getName() + " registers an invalid options interface: "
                  + e.getMessage(),
              e);
        }
      }
    }
  }
}
