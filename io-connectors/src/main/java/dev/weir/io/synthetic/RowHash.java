package dev.weir.io.synthetic;

import java.nio.charset.StandardCharsets;

/**
 * The hash of one output row of a benchmark workload: FNV-1a (64 bit) over the UTF-8 bytes of
 * the row's first field, a string, then {@code r = mix(r ^ f)} for each following field {@code f}
 * as a long, as {@code WORKLOADS.md} defines it. Stateless and thread-safe.
 */
public final class RowHash {
  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private RowHash() {}

  /** The hash of the row {@code (first, rest[0], rest[1], ...)}; {@code first} must not be null. */
  public static long of(String first, long... rest) {
    long r = fnv1a64(first);
    for (long f : rest) {
      r = Event.mix(r ^ f);
    }
    return r;
  }

  /** FNV-1a, 64 bit, over the UTF-8 bytes of {@code s}. */
  public static long fnv1a64(String s) {
    long r = FNV_OFFSET_BASIS;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      r ^= b & 0xff;
      r *= FNV_PRIME;
    }
    return r;
  }
}
