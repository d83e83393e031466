package dev.weir.io;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.options.PipelineOptions;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A source of exactly one string: what a sink's commit step runs on, so that it runs once even
 * when the data written was empty. Immutable; does not split.
 */
final class SingletonSource extends BoundedSource<String> {
  private static final long serialVersionUID = 1L;

  private final String element;

  SingletonSource(String element) {
    this.element = Objects.requireNonNull(element, "element");
  }

  @Override
  public List<SingletonSource> split(long desiredBundleSizeBytes, PipelineOptions options) {
    return List.of(this);
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return element.length();
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  @Override
  public BoundedReader<String> createReader(PipelineOptions options) {
    return new BoundedReader<>() {
      private boolean current;

      @Override
      public boolean start() {
        current = true;
        return true;
      }

      @Override
      public boolean advance() {
        current = false;
        return false;
      }

      @Override
      public String getCurrent() {
        if (!current) {
          throw new NoSuchElementException("no current element");
        }
        return element;
      }

      @Override
      public void close() {}

      @Override
      public SingletonSource getCurrentSource() {
        return SingletonSource.this;
      }
    };
  }
}
