package dev.weir.sdk.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.util.SerializedRecord;
import java.io.Serializable;

/**
 * The name of a metric: a namespace (often the class that reports it) and a name.
 *
 * @param namespace the namespace, not empty
 * @param name the name within the namespace, not empty
 */
public record MetricName(String namespace, String name) implements Serializable {
  private Object writeReplace() {
    return SerializedRecord.of(this);
  }

  public MetricName {
    checkArgument(namespace != null && !namespace.isEmpty(), "metric namespace must not be empty");
    checkArgument(name != null && !name.isEmpty(), "metric name must not be empty");
  }

  /** The name {@code name} in {@code namespace}. */
  public static MetricName named(String namespace, String name) {
    return new MetricName(namespace, name);
  }

  /** The name {@code name} in the namespace of {@code namespace}'s class name. */
  public static MetricName named(Class<?> namespace, String name) {
    return new MetricName(namespace.getName(), name);
  }

  /** Beam's accessor for the namespace. */
  public String getNamespace() {
    return namespace;
  }

  /** Beam's accessor for the name. */
  public String getName() {
    return name;
  }

  @Override
  public String toString() {
    return namespace + ":" + name;
  }
}
