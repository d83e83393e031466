package dev.weir.runtime.metrics;

import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.MetricName;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The value of one counter of one step: the sum of all increments.
 *
 * <p>Thread-safe: increments from any number of threads are atomic and none is lost.
 */
public final class CounterCell implements Counter {
  private final MetricName name;
  private final AtomicLong value = new AtomicLong();

  public CounterCell(MetricName name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public MetricName getName() {
    return name;
  }

  @Override
  public void inc() {
    value.incrementAndGet();
  }

  @Override
  public void inc(long n) {
    value.addAndGet(n);
  }

  @Override
  public void dec() {
    value.decrementAndGet();
  }

  @Override
  public void dec(long n) {
    value.addAndGet(-n);
  }

  /** The sum of all increments so far. */
  public long getCumulative() {
    return value.get();
  }
}
