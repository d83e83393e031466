package dev.weir.io.kafka;

import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.Distribution;
import dev.weir.sdk.metrics.Gauge;
import dev.weir.sdk.metrics.MetricName;
import dev.weir.sdk.metrics.MetricsContainer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A metrics container that only counts, installed by reader tests the way a runner installs the
 * container of the step that runs a reader. Thread-safe.
 */
final class CountingMetricsContainer implements MetricsContainer {
  private final Map<MetricName, Long> counts = new ConcurrentHashMap<>();

  long count(MetricName name) {
    return counts.getOrDefault(name, 0L);
  }

  @Override
  public Counter getCounter(MetricName name) {
    return new Counter() {
      @Override
      public void inc() {
        inc(1);
      }

      @Override
      public void inc(long n) {
        counts.merge(name, n, Long::sum);
      }

      @Override
      public void dec() {
        inc(-1);
      }

      @Override
      public void dec(long n) {
        inc(-n);
      }

      @Override
      public MetricName getName() {
        return name;
      }
    };
  }

  @Override
  public Distribution getDistribution(MetricName name) {
    throw new UnsupportedOperationException("only counters are counted");
  }

  @Override
  public Gauge getGauge(MetricName name) {
    throw new UnsupportedOperationException("only counters are counted");
  }
}
