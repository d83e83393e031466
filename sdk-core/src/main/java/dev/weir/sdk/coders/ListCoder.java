package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a {@link List} as described on {@link IterableLikeCoder}; decodes to an {@link
 * ArrayList}.
 *
 * <p>Order is part of a list's identity, so this coder is deterministic, and consistent with
 * equals, exactly when its element coder is. Immutable and thread-safe.
 *
 * @param <T> the element type
 */
public final class ListCoder<T> extends IterableLikeCoder<T, List<T>> {
  private static final long serialVersionUID = 1L;

  private ListCoder(Coder<T> elementCoder) {
    super(elementCoder, "List");
  }

  /** A coder for lists whose elements use {@code elementCoder}. */
  public static <T> ListCoder<T> of(Coder<T> elementCoder) {
    return new ListCoder<>(elementCoder);
  }

  @Override
  protected List<T> decodeToIterable(List<T> elements) {
    return elements;
  }

  /** Deterministic when the element coder is. */
  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "ListCoder requires a deterministic element coder", getElemCoder());
  }

  @Override
  public boolean consistentWithEquals() {
    return getElemCoder().consistentWithEquals();
  }

  /** The list itself where consistent with equals, else the list of its structural values. */
  @Override
  public Object structuralValue(List<T> value) {
    return consistentWithEquals() ? value : super.structuralValue(value);
  }

  @Override
  public TypeDescriptor<List<T>> getEncodedTypeDescriptor() {
    return TypeDescriptors.lists(getElemCoder().getEncodedTypeDescriptor());
  }
}
