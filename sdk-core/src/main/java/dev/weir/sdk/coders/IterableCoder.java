package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.List;

/**
 * Encodes an {@link Iterable} as described on {@link IterableLikeCoder}; decodes to a {@link List}.
 *
 * <p>Not deterministic (iteration order is not part of an iterable's identity) and not
 * consistent with equals (iterables in general compare by identity). Immutable and thread-safe.
 *
 * @param <T> the element type
 */
public final class IterableCoder<T> extends IterableLikeCoder<T, Iterable<T>> {
  private static final long serialVersionUID = 1L;

  private IterableCoder(Coder<T> elementCoder) {
    super(elementCoder, "Iterable");
  }

  /** A coder for iterables whose elements use {@code elementCoder}. */
  public static <T> IterableCoder<T> of(Coder<T> elementCoder) {
    return new IterableCoder<>(elementCoder);
  }

  @Override
  protected Iterable<T> decodeToIterable(List<T> elements) {
    return elements;
  }

  @Override
  public TypeDescriptor<Iterable<T>> getEncodedTypeDescriptor() {
    return TypeDescriptors.iterables(getElemCoder().getEncodedTypeDescriptor());
  }
}
