package dev.weir.runtime.metrics;

import dev.weir.sdk.metrics.Gauge;
import dev.weir.sdk.metrics.GaugeResult;
import dev.weir.sdk.metrics.MetricName;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.joda.time.Instant;

/**
 * The latest value set on one gauge of one step, with the time it was set.
 *
 * <p>Thread-safe. When two values race, the one set at the later time wins; at equal times, the
 * one set last.
 */
public final class GaugeCell implements Gauge {
  private final MetricName name;
  private final Supplier<Instant> clock;
  private final AtomicReference<GaugeResult> latest = new AtomicReference<>();

  /** A cell that stamps values with {@code clock}'s time. */
  public GaugeCell(MetricName name, Supplier<Instant> clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public MetricName getName() {
    return name;
  }

  @Override
  public void set(long value) {
    merge(GaugeResult.create(value, clock.get()));
  }

  /** Keeps {@code other} if it was set no earlier than the current value. */
  public void merge(GaugeResult other) {
    latest.accumulateAndGet(other, GaugeCell::later);
  }

  /** The latest value, or null if none was ever set. */
  public GaugeResult getCumulative() {
    return latest.get();
  }

  static GaugeResult later(GaugeResult current, GaugeResult candidate) {
    if (current == null) {
      return candidate;
    }
    if (candidate == null) {
      return current;
    }
    return candidate.timestamp().isBefore(current.timestamp()) ? current : candidate;
  }
}
