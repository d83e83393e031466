package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import dev.weir.sdk.values.TypeParameter;
import java.util.Collection;
import java.util.List;

/**
 * Encodes a {@link Collection} as described on {@link IterableLikeCoder}; decodes to a {@link
 * List}.
 *
 * <p>Not deterministic (a collection's iteration order need not be part of its identity) and not
 * consistent with equals. Immutable and thread-safe.
 *
 * @param <T> the element type
 */
public final class CollectionCoder<T> extends IterableLikeCoder<T, Collection<T>> {
  private static final long serialVersionUID = 1L;

  private CollectionCoder(Coder<T> elementCoder) {
    super(elementCoder, "Collection");
  }

  /** A coder for collections whose elements use {@code elementCoder}. */
  public static <T> CollectionCoder<T> of(Coder<T> elementCoder) {
    return new CollectionCoder<>(elementCoder);
  }

  @Override
  protected Collection<T> decodeToIterable(List<T> elements) {
    return elements;
  }

  @Override
  public TypeDescriptor<Collection<T>> getEncodedTypeDescriptor() {
    return collections(getElemCoder().getEncodedTypeDescriptor());
  }

  // Static so that the anonymous descriptors do not capture (and serialize) this coder.
  private static <T> TypeDescriptor<Collection<T>> collections(TypeDescriptor<T> element) {
    return new TypeDescriptor<Collection<T>>() {}.where(new TypeParameter<T>() {}, element);
  }
}
