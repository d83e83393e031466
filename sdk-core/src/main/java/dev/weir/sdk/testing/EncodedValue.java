package dev.weir.sdk.testing;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import java.io.Serializable;

/**
 * A value carried as the bytes of its coder, so that an assertion can ship expected values that
 * are not {@link Serializable}, and compare them as they come out of the coder.
 *
 * <p>Immutable; {@link #decode} returns a fresh copy on each call and may run on any thread.
 *
 * @param <T> the type of the value
 */
final class EncodedValue<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Coder<T> coder;
  private final byte[] bytes;

  private EncodedValue(Coder<T> coder, byte[] bytes) {
    this.coder = coder;
    this.bytes = bytes;
  }

  /**
   * {@code value} encoded with {@code coder}; {@code what} names the value and its collection for
   * the {@link IllegalArgumentException} thrown when the coder cannot encode it.
   */
  static <T> EncodedValue<T> of(Coder<T> coder, T value, String what) {
    try {
      return new EncodedValue<>(coder, CoderUtils.encodeToByteArray(coder, value));
    } catch (CoderException | RuntimeException e) {
      throw new IllegalArgumentException(
          "Cannot encode " + what + " (" + value + ") with coder " + coder + ": " + e
              + ". Fix: expected values must be encodable by the coder of the collection they are compared with.",
          e);
    }
  }

  /** A copy of the value, decoded from the bytes. */
  T decode() {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("Coder " + coder + " cannot decode what it encoded: " + e, e);
    }
  }
}
