package dev.weir.examples.bench;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * A distribution of latencies in milliseconds: its count, the percentiles the latency line prints,
 * and the curve of its CDF (latency at each of {@link #QUANTILES}), small enough to hand from a
 * child JVM to the compare report.
 *
 * <p>Percentiles are nearest-rank: the {@code p}-quantile of {@code n} sorted values is the value
 * at rank {@code ceil(p * n)}. An empty distribution has count 0 and every figure 0.
 *
 * @param quantileValues the latency at each of {@link #QUANTILES}, in ms
 */
public record LatencySummary(long count, double p50, double p99, double p999, double max, double[] quantileValues) {
  /** The quantiles of the CDF curve: every half percent up to 99.5%, then the tail up to the maximum. */
  public static final double[] QUANTILES = quantiles();

  /** Summarizes latencies given in microseconds; sorts {@code micros} in place. */
  public static LatencySummary ofMicros(long[] micros) {
    Arrays.sort(micros);
    double[] values = new double[QUANTILES.length];
    for (int k = 0; k < values.length; k++) {
      values[k] = quantile(micros, QUANTILES[k]);
    }
    return new LatencySummary(micros.length, quantile(micros, 0.5), quantile(micros, 0.99),
        quantile(micros, 0.999), quantile(micros, 1.0), values);
  }

  /** The nearest-rank {@code p}-quantile of sorted {@code micros}, in ms; 0 for none. */
  static double quantile(long[] sortedMicros, double p) {
    checkArgument(p >= 0 && p <= 1, "A quantile is between 0 and 1, got %s", p);
    if (sortedMicros.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sortedMicros.length);
    return sortedMicros[Math.max(0, rank - 1)] / 1000.0;
  }

  private static double[] quantiles() {
    double[] tail = {0.999, 0.9995, 0.9999, 1.0};
    double[] q = new double[199 + tail.length];
    for (int k = 0; k < 199; k++) {
      q[k] = (k + 1) / 200.0;
    }
    System.arraycopy(tail, 0, q, 199, tail.length);
    return q;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LatencySummary s && s.count == count && s.p50 == p50 && s.p99 == p99 && s.p999 == p999
        && s.max == max && Arrays.equals(s.quantileValues, quantileValues);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count) * 31 + Arrays.hashCode(quantileValues);
  }

  @Override
  public String toString() {
    return "LatencySummary{count=" + count + ", p50=" + p50 + ", p99=" + p99 + ", p999=" + p999 + ", max=" + max + "}";
  }
}
