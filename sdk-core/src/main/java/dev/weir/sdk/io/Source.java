package dev.weir.sdk.io;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.io.Serializable;
import java.util.NoSuchElementException;
import org.joda.time.Instant;

/**
 * Where a pipeline's input comes from: a serializable description of data that runners split into
 * parts and read with {@link Reader}s.
 *
 * <p>Sources are immutable; readers are used by one thread at a time.
 *
 * @param <T> the type of elements read
 */
public abstract class Source<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Checks the source's configuration; throws with a message naming what is wrong. */
  public void validate() {}

  /** The coder of the elements read. */
  public abstract Coder<T> getOutputCoder();

  /**
   * Reads the elements of a source, one at a time: {@code start()} then {@code advance()} until
   * one returns false; {@code getCurrent()} is the element each true return made current.
   *
   * @param <T> the type of elements read
   */
  public abstract static class Reader<T> implements AutoCloseable {
    /** Moves to the first element; false if there is none. */
    public abstract boolean start() throws IOException;

    /** Moves to the next element; false if there is none. */
    public abstract boolean advance() throws IOException;

    /** The current element. */
    public abstract T getCurrent() throws NoSuchElementException;

    /** The current element's timestamp; by default the minimum timestamp. */
    public Instant getCurrentTimestamp() throws NoSuchElementException {
      return BoundedWindow.TIMESTAMP_MIN_VALUE;
    }

    @Override
    public abstract void close() throws IOException;

    /** The source this reader reads. */
    public abstract Source<T> getCurrentSource();
  }
}
