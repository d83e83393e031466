package dev.weir.sdk.metrics;

import dev.weir.sdk.util.SerializedRecord;
import java.io.Serializable;

/**
 * Creates metrics that user code reports to while a pipeline runs; read the results from
 * {@code PipelineResult.metrics()}.
 *
 * <p>The returned metric objects are serializable and may be kept in fields of a {@code DoFn}:
 * each update goes to the step and thread currently running.
 */
public final class Metrics {
  private Metrics() {}

  /** A counter named {@code name} in {@code namespace}. */
  public static Counter counter(String namespace, String name) {
    return new DelegatingCounter(MetricName.named(namespace, name));
  }

  /** A counter named {@code name} in the namespace of {@code namespace}'s class. */
  public static Counter counter(Class<?> namespace, String name) {
    return new DelegatingCounter(MetricName.named(namespace, name));
  }

  /** A distribution named {@code name} in {@code namespace}. */
  public static Distribution distribution(String namespace, String name) {
    return new DelegatingDistribution(MetricName.named(namespace, name));
  }

  /** A distribution named {@code name} in the namespace of {@code namespace}'s class. */
  public static Distribution distribution(Class<?> namespace, String name) {
    return new DelegatingDistribution(MetricName.named(namespace, name));
  }

  /** A gauge named {@code name} in {@code namespace}. */
  public static Gauge gauge(String namespace, String name) {
    return new DelegatingGauge(MetricName.named(namespace, name));
  }

  /** A gauge named {@code name} in the namespace of {@code namespace}'s class. */
  public static Gauge gauge(Class<?> namespace, String name) {
    return new DelegatingGauge(MetricName.named(namespace, name));
  }

  private record DelegatingCounter(MetricName name) implements Counter, Serializable {
    private Object writeReplace() {
      return SerializedRecord.of(this);
    }

    @Override
    public MetricName getName() {
      return name;
    }

    @Override
    public void inc() {
      inc(1);
    }

    @Override
    public void inc(long n) {
      MetricsContainer container = MetricsEnvironment.getCurrentContainer();
      if (container != null) {
        container.getCounter(name).inc(n);
      }
    }

    @Override
    public void dec() {
      inc(-1);
    }

    @Override
    public void dec(long n) {
      inc(-n);
    }
  }

  private record DelegatingDistribution(MetricName name) implements Distribution, Serializable {
    private Object writeReplace() {
      return SerializedRecord.of(this);
    }

    @Override
    public MetricName getName() {
      return name;
    }

    @Override
    public void update(long value) {
      MetricsContainer container = MetricsEnvironment.getCurrentContainer();
      if (container != null) {
        container.getDistribution(name).update(value);
      }
    }
  }

  private record DelegatingGauge(MetricName name) implements Gauge, Serializable {
    private Object writeReplace() {
      return SerializedRecord.of(this);
    }

    @Override
    public MetricName getName() {
      return name;
    }

    @Override
    public void set(long value) {
      MetricsContainer container = MetricsEnvironment.getCurrentContainer();
      if (container != null) {
        container.getGauge(name).set(value);
      }
    }
  }
}
