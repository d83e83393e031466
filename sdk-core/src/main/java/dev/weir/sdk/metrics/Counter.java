package dev.weir.sdk.metrics;

/** A metric that counts: results are the sum of all increments. Thread-safe. */
public interface Counter extends Metric {
  /** Adds one. */
  void inc();

  /** Adds {@code n}, which may be negative. */
  void inc(long n);

  /** Subtracts one. */
  void dec();

  /** Subtracts {@code n}. */
  void dec(long n);
}
