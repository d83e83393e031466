package dev.weir.runtime.testing;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.joda.time.Instant;

/**
 * A bounded source over a fixed list of elements, for tests of the execution core and runners:
 * elements are kept encoded (so any coder works), optionally with timestamps, and the source
 * splits into contiguous runs of about the requested size in bytes.
 *
 * @param <T> the element type
 */
public final class ListSource<T> extends BoundedSource<T> {
  private static final long serialVersionUID = 1L;

  private final Coder<T> coder;
  private final List<byte[]> encoded;
  private final long[] timestampMillis;

  private ListSource(Coder<T> coder, List<byte[]> encoded, long[] timestampMillis) {
    this.coder = coder;
    this.encoded = encoded;
    this.timestampMillis = timestampMillis;
  }

  /** A source of {@code elements}, all at the minimum timestamp. */
  @SafeVarargs
  public static <T> ListSource<T> of(Coder<T> coder, T... elements) {
    List<T> list = new ArrayList<>();
    for (T element : elements) {
      list.add(element);
    }
    return of(coder, list);
  }

  /** A source of {@code elements}, all at the minimum timestamp. */
  public static <T> ListSource<T> of(Coder<T> coder, List<T> elements) {
    long[] timestamps = new long[elements.size()];
    Arrays.fill(timestamps, BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis());
    return timestamped(coder, elements, timestamps);
  }

  /** A source of {@code elements}, element i at {@code timestampMillis[i]}. */
  public static <T> ListSource<T> timestamped(Coder<T> coder, List<T> elements, long... timestampMillis) {
    checkArgument(elements.size() == timestampMillis.length, "one timestamp per element");
    List<byte[]> encoded = new ArrayList<>();
    for (T element : elements) {
      try {
        encoded.add(CoderUtils.encodeToByteArray(coder, element));
      } catch (CoderException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ListSource<>(coder, encoded, timestampMillis.clone());
  }

  @Override
  public List<ListSource<T>> split(long desiredBundleSizeBytes, PipelineOptions options) {
    List<ListSource<T>> parts = new ArrayList<>();
    int start = 0;
    long size = 0;
    for (int i = 0; i < encoded.size(); i++) {
      size += encoded.get(i).length;
      if (size >= desiredBundleSizeBytes || i == encoded.size() - 1) {
        parts.add(slice(start, i + 1));
        start = i + 1;
        size = 0;
      }
    }
    return parts.isEmpty() ? List.of(this) : parts;
  }

  private ListSource<T> slice(int from, int to) {
    return new ListSource<>(
        coder, new ArrayList<>(encoded.subList(from, to)), Arrays.copyOfRange(timestampMillis, from, to));
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return encoded.stream().mapToLong(bytes -> bytes.length).sum();
  }

  @Override
  public BoundedReader<T> createReader(PipelineOptions options) {
    return new Reader();
  }

  @Override
  public Coder<T> getOutputCoder() {
    return coder;
  }

  private final class Reader extends BoundedReader<T> {
    private int index = -1;
    private T current;

    @Override
    public boolean start() {
      return advance();
    }

    @Override
    public boolean advance() {
      index++;
      if (index >= encoded.size()) {
        current = null;
        return false;
      }
      try {
        current = CoderUtils.decodeFromByteArray(coder, encoded.get(index));
      } catch (CoderException e) {
        throw new UncheckedIOException(e);
      }
      return true;
    }

    @Override
    public T getCurrent() {
      if (index < 0 || index >= encoded.size()) {
        throw new NoSuchElementException();
      }
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      return new Instant(timestampMillis[index]);
    }

    @Override
    public void close() {}

    @Override
    public BoundedSource<T> getCurrentSource() {
      return ListSource.this;
    }
  }
}
