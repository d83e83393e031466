package dev.weir.sdk.metrics;

/**
 * Matches metrics by namespace and, optionally, name.
 *
 * @param namespace the namespace to match
 * @param name the name to match, or null for any name in the namespace
 */
public record MetricNameFilter(String namespace, String name) {
  /** Every metric in {@code namespace}. */
  public static MetricNameFilter inNamespace(String namespace) {
    return new MetricNameFilter(namespace, null);
  }

  /** Every metric in the namespace of {@code namespace}'s class. */
  public static MetricNameFilter inNamespace(Class<?> namespace) {
    return new MetricNameFilter(namespace.getName(), null);
  }

  /** The metric {@code name} in {@code namespace}. */
  public static MetricNameFilter named(String namespace, String name) {
    return new MetricNameFilter(namespace, name);
  }

  /** The metric {@code name} in the namespace of {@code namespace}'s class. */
  public static MetricNameFilter named(Class<?> namespace, String name) {
    return new MetricNameFilter(namespace.getName(), name);
  }

  /** Whether {@code metric} matches. */
  public boolean matches(MetricName metric) {
    return metric.namespace().equals(namespace) && (name == null || metric.name().equals(name));
  }
}
