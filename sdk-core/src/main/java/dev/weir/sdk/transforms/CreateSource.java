package dev.weir.sdk.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.options.PipelineOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The in-memory source behind {@link Create}: holds its elements encoded, so that the pipeline
 * graph serializes without needing the elements to be {@link java.io.Serializable}, and splits
 * into consecutive runs of elements.
 *
 * <p>Immutable; each reader decodes its own copies, so downstream code may not observe shared
 * mutable elements.
 *
 * @param <T> the element type
 */
final class CreateSource<T> extends BoundedSource<T> {
  private static final long serialVersionUID = 1L;

  private final List<byte[]> encodedElements;
  private final long sizeBytes;
  private final Coder<T> coder;

  private CreateSource(List<byte[]> encodedElements, Coder<T> coder) {
    this.encodedElements = encodedElements;
    this.coder = coder;
    long size = 0;
    for (byte[] bytes : encodedElements) {
      size += bytes.length;
    }
    this.sizeBytes = size;
  }

  /**
   * Encodes {@code elements} with {@code coder}; fails naming the element and the transform if
   * one cannot be encoded.
   */
  static <T> CreateSource<T> fromIterable(Iterable<T> elements, Coder<T> coder, String transformName) {
    List<byte[]> encoded = new ArrayList<>();
    int index = 0;
    for (T element : elements) {
      encoded.add(encode(element, index, coder, transformName));
      index++;
    }
    return new CreateSource<>(Collections.unmodifiableList(encoded), coder);
  }

  private static <T> byte[] encode(T element, int index, Coder<T> coder, String transformName) {
    try {
      return CoderUtils.encodeToByteArray(coder, element);
    } catch (CoderException | RuntimeException e) {
      // A coder meeting a value it cannot handle (a null, say) may throw anything; the user needs
      // to know which element and which coder.
      throw new IllegalArgumentException(
          transformName + ": unable to encode element #" + index + " (" + element + ") with " + coder + ": " + e
              + ". Fix: give a coder that can encode every element with .withCoder(...)"
              + (element == null ? " (NullableCoder.of(...) for null elements)" : "") + ".",
          e);
    }
  }

  /** The number of elements. */
  int size() {
    return encodedElements.size();
  }

  @Override
  public List<CreateSource<T>> split(long desiredBundleSizeBytes, PipelineOptions options) {
    checkArgument(desiredBundleSizeBytes > 0, "desiredBundleSizeBytes must be positive, was %s", desiredBundleSizeBytes);
    if (encodedElements.isEmpty()) {
      return List.of(this);
    }
    List<CreateSource<T>> parts = new ArrayList<>();
    List<byte[]> current = new ArrayList<>();
    long currentSize = 0;
    for (byte[] bytes : encodedElements) {
      current.add(bytes);
      // Count at least one byte per element, so elements that encode to nothing still split.
      currentSize += Math.max(1, bytes.length);
      if (currentSize >= desiredBundleSizeBytes) {
        parts.add(new CreateSource<>(Collections.unmodifiableList(current), coder));
        current = new ArrayList<>();
        currentSize = 0;
      }
    }
    if (!current.isEmpty()) {
      parts.add(new CreateSource<>(Collections.unmodifiableList(current), coder));
    }
    return parts;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return sizeBytes;
  }

  @Override
  public BoundedReader<T> createReader(PipelineOptions options) {
    return new Reader<>(this);
  }

  @Override
  public Coder<T> getOutputCoder() {
    return coder;
  }

  @Override
  public String toString() {
    return "CreateSource{" + encodedElements.size() + " elements, " + coder + "}";
  }

  private static final class Reader<T> extends BoundedReader<T> {
    private final CreateSource<T> source;
    private int index = -1;
    private T current;

    Reader(CreateSource<T> source) {
      this.source = source;
    }

    @Override
    public boolean start() throws CoderException {
      return advance();
    }

    @Override
    public boolean advance() throws CoderException {
      if (index + 1 >= source.encodedElements.size()) {
        index = source.encodedElements.size();
        current = null;
        return false;
      }
      index++;
      current = CoderUtils.decodeFromByteArray(source.coder, source.encodedElements.get(index));
      return true;
    }

    @Override
    public T getCurrent() {
      if (index < 0 || index >= source.encodedElements.size()) {
        throw new NoSuchElementException("No current element: the reader is before its first or after its last");
      }
      return current;
    }

    @Override
    public Double getFractionConsumed() {
      int total = source.encodedElements.size();
      return total == 0 ? 1.0 : Math.min(1.0, Math.max(0, index) / (double) total);
    }

    @Override
    public void close() {}

    @Override
    public CreateSource<T> getCurrentSource() {
      return source;
    }
  }
}
