package dev.weir.runtime.grouping;

import java.util.Arrays;

/**
 * The encoding of a key (or a window), which is its identity in the grouping core. Ordered by
 * unsigned bytes, so iteration orders never depend on hash codes. Must not be mutated.
 *
 * @param bytes the encoding
 */
record EncodedBytes(byte[] bytes) implements Comparable<EncodedBytes> {

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedBytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(EncodedBytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return "EncodedBytes" + Arrays.toString(bytes);
  }
}
