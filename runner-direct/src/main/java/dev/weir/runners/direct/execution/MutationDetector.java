package dev.weir.runners.direct.execution;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import java.util.Arrays;
import java.util.Objects;

/**
 * Remembers the encoding of an element, to tell later whether someone changed the object.
 *
 * <p>Changed means: the object now encodes to other bytes, unless its coder is consistent with
 * equals and the object still equals what the old bytes decode to (a coder whose bytes differ
 * for equal values, such as one writing a hash map's entries in iteration order, is not a
 * mutation). Not thread-safe; made and checked by one task.
 *
 * @param <T> the element type
 */
final class MutationDetector<T> {
  private final Coder<T> coder;
  private final T element;
  private final byte[] encodedBefore;

  private MutationDetector(Coder<T> coder, T element, byte[] encodedBefore) {
    this.coder = coder;
    this.element = element;
    this.encodedBefore = encodedBefore;
  }

  /** A detector of changes to {@code element} from now on. */
  static <T> MutationDetector<T> of(Coder<T> coder, T element) throws CoderException {
    return new MutationDetector<>(coder, element, CoderUtils.encodeToByteArray(coder, element));
  }

  /** A detector of changes to {@code element} from when it encoded to {@code encoded}. */
  static <T> MutationDetector<T> ofEncoded(Coder<T> coder, T element, byte[] encoded) {
    return new MutationDetector<>(coder, element, encoded);
  }

  /** Whether the element has been changed since this detector was made. */
  boolean isMutated() throws CoderException {
    byte[] now = CoderUtils.encodeToByteArray(coder, element);
    if (Arrays.equals(encodedBefore, now)) {
      return false;
    }
    return !(coder.consistentWithEquals() && Objects.equals(before(), element));
  }

  /** The element as it was, decoded from its old encoding. */
  T before() throws CoderException {
    return CoderUtils.decodeFromByteArray(coder, encodedBefore);
  }

  /** The element as it is now. */
  T element() {
    return element;
  }
}
