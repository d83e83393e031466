package dev.weir.runtime.grouping;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import java.util.Arrays;

/**
 * The encoding of a key (or a window), which is its identity in the grouping core. Ordered by
 * unsigned bytes, so iteration orders never depend on hash codes. Must not be mutated.
 *
 * @param bytes the encoding
 */
record EncodedBytes(byte[] bytes) implements Comparable<EncodedBytes> {

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
