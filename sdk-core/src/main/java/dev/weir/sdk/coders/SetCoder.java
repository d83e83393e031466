package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Encodes a {@link Set} as described on {@link IterableLikeCoder}; decodes to a {@link
 * LinkedHashSet} that keeps the encoded order.
 *
 * <p>Not deterministic: equal sets may iterate, and so encode, in different orders. For the same
 * reason not consistent with equals; but the {@link #structuralValue structural value} of a set
 * is a set, so equal sets have equal structural values. Immutable and thread-safe.
 *
 * @param <T> the element type
 */
public final class SetCoder<T> extends IterableLikeCoder<T, Set<T>> {
  private static final long serialVersionUID = 1L;

  private SetCoder(Coder<T> elementCoder) {
    super(elementCoder, "Set");
  }

  /** A coder for sets whose elements use {@code elementCoder}. */
  public static <T> SetCoder<T> of(Coder<T> elementCoder) {
    return new SetCoder<>(elementCoder);
  }

  @Override
  protected Set<T> decodeToIterable(List<T> elements) {
    return new LinkedHashSet<>(elements);
  }

  /** Always throws: a set's iteration order is not part of its identity. */
  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(
        this,
        "the iteration order of a Set is not part of its identity, so equal sets may encode"
            + " differently; use a sorted List and ListCoder with a deterministic element coder");
  }

  /** The set itself where elements are consistent with equals, else the set of their structural values. */
  @Override
  public Object structuralValue(Set<T> value) {
    if (getElemCoder().consistentWithEquals()) {
      return value;
    }
    Set<Object> structural = new HashSet<>();
    for (T element : value) {
      structural.add(getElemCoder().structuralValue(element));
    }
    return structural;
  }

  @Override
  public TypeDescriptor<Set<T>> getEncodedTypeDescriptor() {
    return TypeDescriptors.sets(getElemCoder().getEncodedTypeDescriptor());
  }
}
