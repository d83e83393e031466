package dev.weir.sdk.metrics;

/**
 * The summary of a {@link Distribution}'s values.
 *
 * @param sum the sum of all values
 * @param count how many values were reported
 * @param min the smallest value (Long.MAX_VALUE when count is 0)
 * @param max the largest value (Long.MIN_VALUE when count is 0)
 */
public record DistributionResult(long sum, long count, long min, long max) {
  /** The result of a distribution that saw no values. */
  public static final DistributionResult IDENTITY_ELEMENT = new DistributionResult(0, 0, Long.MAX_VALUE, Long.MIN_VALUE);

  public static DistributionResult create(long sum, long count, long min, long max) {
    return new DistributionResult(sum, count, min, max);
  }

  public long getSum() {
    return sum;
  }

  public long getCount() {
    return count;
  }

  public long getMin() {
    return min;
  }

  public long getMax() {
    return max;
  }

  /** The mean, or NaN if no values were reported. */
  public double getMean() {
    return count == 0 ? Double.NaN : (double) sum / count;
  }
}
