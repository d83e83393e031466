package dev.weir.runtime.grouping;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import java.util.Arrays;

/**
 * The encoding of a key (or a window), which is its identity in the grouping core. Ordered by
 * unsigned bytes, so iteration orders never depend on hash codes. Immutable; the array must not be
 * mutated after construction.
 */
final class EncodedBytes implements Comparable<EncodedBytes> {
  private final byte[] bytes;
  /**
   * The first eight bytes, big-endian, zero-padded: the ordered indexes compare encodings all the
   * time, and most pairs differ within them, so most comparisons never read the arrays.
   */
  private final long prefix;
  private final int hash;

  EncodedBytes(byte[] bytes) {
    this.bytes = bytes;
    long first = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      first = (first << 8) | (i < bytes.length ? bytes[i] & 0xff : 0);
    }
    this.prefix = first;
    this.hash = Arrays.hashCode(bytes);
  }

  /**
   * The encoding of {@code value} (a {@code what}: key or window) with {@code coder}.
   *
   * @throws IllegalArgumentException naming the step, the coder and the value if it cannot be encoded
   */
  static <T> EncodedBytes of(Coder<T> coder, T value, String stepName, String what) {
    try {
      return new EncodedBytes(CoderUtils.encodeToByteArray(coder, value));
    } catch (CoderException e) {
      throw new IllegalArgumentException(
          "Grouping step '" + stepName + "' cannot encode a " + what + " with " + coder + ": " + value, e);
    }
  }

  /** The encoding itself; callers must not change it. */
  byte[] bytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedBytes other && prefix == other.prefix && hash == other.hash
        && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(EncodedBytes other) {
    // Zero padding keeps this the arrays' unsigned lexicographic order: equal prefixes fall through.
    int byPrefix = Long.compareUnsigned(prefix, other.prefix);
    return byPrefix != 0 ? byPrefix : Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return "EncodedBytes" + Arrays.toString(bytes);
  }
}
