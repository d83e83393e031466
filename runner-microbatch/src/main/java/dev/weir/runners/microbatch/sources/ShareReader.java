package dev.weir.runners.microbatch.sources;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.BoundedSource.BoundedReader;
import dev.weir.sdk.options.PipelineOptions;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one share of a bounded source (some of its parts, one after another) and counts the
 * records it read: the count is the share's position, which the offset log keeps.
 *
 * <p>Used by one thread at a time (the task reading the share, or the batch loop when the query
 * resumes); successive users are ordered by the worker pool's hand-offs.
 *
 * @param <T> the type of the records
 */
final class ShareReader<T> {
  private final List<BoundedSource<T>> parts;
  private final PipelineOptions options;
  private int part;
  private BoundedReader<T> reader;
  private boolean started;
  /** Whether the reader's current record was read but not yet handed on. */
  private boolean hasCurrent;
  private boolean exhausted;
  private long position;

  ShareReader(List<BoundedSource<T>> parts, PipelineOptions options) {
    this.parts = List.copyOf(parts);
    this.options = options;
  }

  /**
   * Hands at most {@code max} records, in order, to {@code into} and returns how many; then, if it
   * handed {@code max}, looks one record ahead, so that the end of the share is known before the
   * next batch is planned.
   */
  long read(long max, Consumer<? super WindowedValue<T>> into) throws IOException {
    long read = 0;
    try {
      while (read < max && nextIsAvailable()) {
        // Per record, only locals change: the shares of one batch are read by different workers at
        // once, and writing their fields per record makes the cores fight over shared cache lines.
        BoundedReader<T> open = reader;
        boolean available = true;
        while (available && read < max) {
          into.accept(WindowedValue.timestampedValueInGlobalWindow(open.getCurrent(), open.getCurrentTimestamp()));
          read++;
          // Past the last record wanted, this is the look-ahead that tells whether the share ends here.
          available = open.advance();
        }
        hasCurrent = available;
        if (!available) {
          close();
          part++;
        }
      }
    } finally {
      position += read;
    }
    if (read == max) {
      nextIsAvailable();
    }
    return read;
  }

  /** The number of records handed on so far. */
  long position() {
    return position;
  }

  /** Whether the share has no record left. */
  boolean isExhausted() {
    return exhausted;
  }

  private boolean nextIsAvailable() throws IOException {
    while (!hasCurrent && !exhausted) {
      if (part == parts.size()) {
        exhausted = true;
        break;
      }
      if (reader == null) {
        reader = parts.get(part).createReader(options);
        started = false;
      }
      boolean available = started ? reader.advance() : reader.start();
      started = true;
      if (available) {
        hasCurrent = true;
      } else {
        close();
        part++;
      }
    }
    return hasCurrent;
  }

  /** Closes the open reader, if any, best effort: what was read is read. */
  void close() {
    BoundedReader<T> open = reader;
    reader = null;
    if (open != null) {
      try {
        open.close();
      } catch (IOException | RuntimeException e) {
        System.getLogger(ShareReader.class.getName())
            .log(System.Logger.Level.WARNING, "Closing a reader of " + parts.get(part) + " failed", e);
      }
    }
  }
}
