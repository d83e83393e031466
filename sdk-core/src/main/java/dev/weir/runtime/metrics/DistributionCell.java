package dev.weir.runtime.metrics;

import dev.weir.sdk.metrics.Distribution;
import dev.weir.sdk.metrics.DistributionResult;
import dev.weir.sdk.metrics.MetricName;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The summary (sum, count, min, max) of the values reported to one distribution of one step.
 *
 * <p>Thread-safe: each update replaces the summary atomically, so a reader always sees a summary
 * of some prefix of the updates, never a mix of two.
 */
public final class DistributionCell implements Distribution {
  private final MetricName name;
  private final AtomicReference<DistributionResult> summary =
      new AtomicReference<>(DistributionResult.IDENTITY_ELEMENT);

  public DistributionCell(MetricName name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public MetricName getName() {
    return name;
  }

  @Override
  public void update(long value) {
    summary.updateAndGet(s -> DistributionResult.create(
        s.sum() + value, s.count() + 1, Math.min(s.min(), value), Math.max(s.max(), value)));
  }

  /** Adds a whole summary of other values, as if each had been reported here. */
  public void merge(DistributionResult other) {
    summary.updateAndGet(s -> combine(s, other));
  }

  /** The summary of all values so far; {@link DistributionResult#IDENTITY_ELEMENT} if none. */
  public DistributionResult getCumulative() {
    return summary.get();
  }

  static DistributionResult combine(DistributionResult a, DistributionResult b) {
    return DistributionResult.create(
        a.sum() + b.sum(), a.count() + b.count(), Math.min(a.min(), b.min()), Math.max(a.max(), b.max()));
  }
}
