package dev.weir.sdk.testing;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A root transform reading a fixed list of elements, held encoded, for tests of the testing API
 * that should not depend on {@code Create}.
 *
 * @param <T> the element type
 */
final class InMemoryElements<T> extends PTransform<PBegin, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private final ElementsSource<T> source;

  private InMemoryElements(ElementsSource<T> source) {
    this.source = source;
  }

  /** Reads {@code elements}, encoded with {@code coder}. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  static <T> InMemoryElements<T> of(Coder<T> coder, T... elements) {
    List<byte[]> encoded = new ArrayList<>();
    for (T element : Arrays.asList(elements)) {
      try {
        encoded.add(CoderUtils.encodeToByteArray(coder, element));
      } catch (CoderException e) {
        throw new IllegalArgumentException("Cannot encode test element " + element, e);
      }
    }
    return new InMemoryElements<>(new ElementsSource<>(coder, encoded));
  }

  @Override
  public PCollection<T> expand(PBegin input) {
    return input.apply(Read.from(source));
  }

  private static final class ElementsSource<T> extends BoundedSource<T> {
    private static final long serialVersionUID = 1L;
    private final Coder<T> coder;
    private final List<byte[]> encoded;

    ElementsSource(Coder<T> coder, List<byte[]> encoded) {
      this.coder = coder;
      this.encoded = encoded;
    }

    @Override
    public List<ElementsSource<T>> split(long desiredBundleSizeBytes, PipelineOptions options) {
      return List.of(this);
    }

    @Override
    public long getEstimatedSizeBytes(PipelineOptions options) {
      return encoded.stream().mapToLong(bytes -> bytes.length).sum();
    }

    @Override
    public BoundedReader<T> createReader(PipelineOptions options) {
      return new BoundedReader<T>() {
        private int index = -1;

        @Override
        public boolean start() {
          return advance();
        }

        @Override
        public boolean advance() {
          index++;
          return index < encoded.size();
        }

        @Override
        public T getCurrent() {
          if (index < 0 || index >= encoded.size()) {
            throw new NoSuchElementException();
          }
          try {
            return CoderUtils.decodeFromByteArray(coder, encoded.get(index));
          } catch (CoderException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public void close() {}

        @Override
        public ElementsSource<T> getCurrentSource() {
          return ElementsSource.this;
        }
      };
    }

    @Override
    public Coder<T> getOutputCoder() {
      return coder;
    }
  }
}
