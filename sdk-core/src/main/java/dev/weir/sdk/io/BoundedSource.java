package dev.weir.sdk.io;

import dev.weir.sdk.options.PipelineOptions;
import java.io.IOException;
import java.util.List;

/**
 * A {@link Source} of finitely many elements that can be split into parts read in parallel.
 *
 * @param <T> the type of elements read
 */
public abstract class BoundedSource<T> extends Source<T> {
  private static final long serialVersionUID = 1L;

  /**
   * Splits this source into parts of about {@code desiredBundleSizeBytes} each, which together
   * read exactly this source's elements. Returning a list of just {@code this} is allowed.
   */
  public abstract List<? extends BoundedSource<T>> split(long desiredBundleSizeBytes, PipelineOptions options)
      throws Exception;

  /** An estimate of the size of the data, in bytes; runners use it to decide how to split. */
  public abstract long getEstimatedSizeBytes(PipelineOptions options) throws Exception;

  /** A reader positioned before the first element. */
  public abstract BoundedReader<T> createReader(PipelineOptions options) throws IOException;

  /**
   * A reader of a bounded source.
   *
   * @param <T> the type of elements read
   */
  public abstract static class BoundedReader<T> extends Source.Reader<T> {
    /** How much of the source has been read, in [0, 1], or null if unknown. */
    public Double getFractionConsumed() {
      return null;
    }

    @Override
    public abstract BoundedSource<T> getCurrentSource();
  }
}
