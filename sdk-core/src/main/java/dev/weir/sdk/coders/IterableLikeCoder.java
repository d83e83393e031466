package dev.weir.sdk.coders;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The base of coders for {@link Iterable} types: a varint element count followed by each element
 * in iteration order, encoded with the element coder. The encoding depends only on the elements
 * in order, not on the iterable's class.
 *
 * <p>A {@link Collection} is written as it is iterated; any other iterable is iterated exactly
 * once, its encoded elements buffered in memory until the count is known. Decoding reads all
 * elements into memory, then {@link #decodeToIterable} builds the result. A null iterable is
 * rejected; null elements are accepted only if the element coder accepts them.
 *
 * @param <T> the element type
 * @param <IterableT> the iterable type this coder encodes
 */
public abstract class IterableLikeCoder<T, IterableT extends Iterable<T>> extends StructuredCoder<IterableT> {
  private static final long serialVersionUID = 1L;
  // A corrupt count must not make decoding allocate a huge list before any element arrives.
  private static final int MAX_INITIAL_CAPACITY = 1024;

  private final Coder<T> elementCoder;
  private final String iterableName;

  /**
   * @param elementCoder the coder of the elements; not null
   * @param iterableName how error messages call the iterable type, such as "List"
   */
  protected IterableLikeCoder(Coder<T> elementCoder, String iterableName) {
    checkArgument(elementCoder != null, "the element coder of a %sCoder must not be null", iterableName);
    this.elementCoder = elementCoder;
    this.iterableName = iterableName;
  }

  /** The coder of the elements. */
  public Coder<T> getElemCoder() {
    return elementCoder;
  }

  /** Builds the decoded iterable from its elements, in encoding order; may keep {@code elements}. */
  protected abstract IterableT decodeToIterable(List<T> elements);

  @Override
  public void encode(IterableT iterable, OutputStream out) throws IOException {
    if (iterable == null) {
      throw CoderException.cannotEncodeNull(iterableName);
    }
    if (iterable instanceof Collection) {
      Collection<T> collection = (Collection<T>) iterable;
      int size = collection.size();
      VarInt.encode(size, out);
      int written = encodeElements(collection, out);
      if (written != size) {
        throw new CoderException(
            "the " + iterableName + " changed while it was encoded: it had " + size + " elements, then " + written);
      }
    } else {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      int count = encodeElements(iterable, buffer);
      VarInt.encode(count, out);
      buffer.writeTo(out);
    }
  }

  private int encodeElements(Iterable<T> elements, OutputStream out) throws IOException {
    int count = 0;
    for (T element : elements) {
      elementCoder.encode(element, out);
      count++;
    }
    return count;
  }

  @Override
  public IterableT decode(InputStream in) throws IOException {
    int count = VarInt.decodeLength(in, iterableName + " element count");
    List<T> elements = new ArrayList<>(Math.min(count, MAX_INITIAL_CAPACITY));
    for (int i = 0; i < count; i++) {
      elements.add(elementCoder.decode(in));
    }
    return decodeToIterable(elements);
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(elementCoder);
  }

  /**
   * Throws: the iteration order of an arbitrary iterable is not part of its identity, so equal
   * iterables may encode differently. {@link ListCoder} overrides this.
   */
  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(
        this,
        "the iteration order of "
            + ("AEIOU".indexOf(iterableName.charAt(0)) >= 0 ? "an " : "a ")
            + iterableName
            + " is not guaranteed, so equal values may encode differently; use a List and ListCoder"
            + " with a deterministic element coder");
  }

  /** The structural values of the elements, in iteration order, as a list. */
  @Override
  public Object structuralValue(IterableT value) {
    List<Object> structural = new ArrayList<>();
    for (T element : value) {
      structural.add(elementCoder.structuralValue(element));
    }
    return structural;
  }
}
