package dev.weir.runtime.sinks;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.util.Optional;

/**
 * The writing side of one parallel instance (shard) of a {@link TransactionalSink}: takes
 * windowed elements, opens the sink's writer for the current transaction when the first element
 * of that transaction arrives, and ends the transaction with {@link #prepareCommit} or
 * {@link #abort}.
 *
 * <p>A shard that received nothing in a transaction opens no writer and prepares nothing, so
 * empty transactions leave no trace in the sink. Not thread-safe: owned by the thread that runs
 * the shard.
 *
 * @param <T> the type of the elements written
 * @param <CommittableT> the sink's committable
 */
public final class SinkShardWriter<T, CommittableT> {
  private final String stepName;
  private final TransactionalSink<T, CommittableT> sink;
  private final int shard;
  private long transactionId = -1;
  private TransactionalSink.Writer<T, CommittableT> writer;

  /** The writer of shard {@code shard} of {@code sink}, applied as step {@code stepName}. */
  public SinkShardWriter(String stepName, TransactionalSink<T, CommittableT> sink, int shard) {
    this.stepName = stepName;
    this.sink = sink;
    this.shard = shard;
  }

  /** Starts transaction {@code id}; the previous one must have been prepared or aborted. */
  public void begin(long id) {
    checkState(writer == null, "Sink '%s', shard %s: transaction %s is still open", stepName, shard, transactionId);
    this.transactionId = id;
  }

  /** Writes {@code element} in each of its windows, in the current transaction. */
  public void write(WindowedValue<T> element) throws IOException {
    checkState(transactionId >= 0, "Sink '%s', shard %s: write before begin()", stepName, shard);
    if (writer == null) {
      writer = sink.openWriter(transactionId, shard);
    }
    for (BoundedWindow window : element.getWindows()) {
      writer.write(element.getValue(), element.getTimestamp(), window, element.getPane());
    }
  }

  /**
   * Ends the current transaction: what the commit needs, or empty if this shard wrote nothing in
   * it.
   */
  public Optional<CommittableT> prepareCommit() throws IOException {
    if (writer == null) {
      return Optional.empty();
    }
    TransactionalSink.Writer<T, CommittableT> ending = writer;
    writer = null;
    return Optional.of(ending.prepareCommit());
  }

  /** Discards what the current transaction wrote, if anything; never throws. */
  public void abort() {
    if (writer != null) {
      TransactionalSink.Writer<T, CommittableT> ending = writer;
      writer = null;
      ending.abort();
    }
  }

  /** The current transaction's id; -1 before the first {@link #begin}. */
  public long transactionId() {
    return transactionId;
  }
}
