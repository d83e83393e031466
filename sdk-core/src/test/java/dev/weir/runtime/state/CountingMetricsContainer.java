package dev.weir.runtime.state;

import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.Distribution;
import dev.weir.sdk.metrics.Gauge;
import dev.weir.sdk.metrics.MetricName;
import dev.weir.sdk.metrics.MetricsContainer;
import java.util.HashMap;
import java.util.Map;

/** A metrics container that only counts, for checking counters reported by the core. */
final class CountingMetricsContainer implements MetricsContainer {
  private final Map<MetricName, Long> counts = new HashMap<>();

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
