package dev.weir.io.synthetic;

/**
 * The checksum of a workload's output: the wrapping sum of its {@link RowHash row hashes}, with
 * the number of rows, as {@code WORKLOADS.md} defines it. The order of rows does not matter.
 *
 * <p>Mutable and not thread-safe: one thread adds rows; partial checksums made by several threads
 * are combined with {@link #addAll}.
 */
public final class Checksum {
  private long rows;
  private long sum;

  /** A checksum of no rows: 0 rows, checksum 0. */
  public Checksum() {}

  /** Counts one row with hash {@code rowHash}; returns this checksum. */
  public Checksum add(long rowHash) {
    rows++;
    sum += rowHash;
    return this;
  }

  /** Counts every row that {@code other} has counted; returns this checksum. */
  public Checksum addAll(Checksum other) {
    rows += other.rows;
    sum += other.sum;
    return this;
  }

  /** How many rows were counted. */
  public long rows() {
    return rows;
  }

  /** The wrapping sum of the hashes counted, printed as a signed decimal by the benchmarks. */
  public long value() {
    return sum;
  }

  @Override
  public String toString() {
    return "rows=" + rows + " checksum=" + sum;
  }
}
