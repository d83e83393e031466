package dev.weir.runners.continuous;

import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sinks.SinkCommitter;
import dev.weir.runtime.sinks.SinkShardWriter;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.io.TransactionalWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One shard of a {@code TransactionalWrite}, chained into a subtask's thread: its transaction is
 * the checkpoint the records belong to. At a checkpoint's barrier the shard prepares what it wrote
 * since the last one and hands the committable to the step's {@link SinkCommitter}, which commits
 * it once the checkpoint is complete.
 *
 * <p>Owned by one thread; the committer is shared by the step's shards.
 */
final class ChainedSink implements Receiver {
  private final Step step;
  private final SinkShardWriter<Object, Object> shard;
  private final SinkCommitter<Object> committer;
  private final TaskStats stats;
  private final LongSupplier transaction;
  private boolean open;

  @SuppressWarnings("unchecked")
  ChainedSink(Job job, Step step, int shardIndex, TaskStats stats, LongSupplier transaction) {
    this.transaction = transaction;
    this.step = step;
    TransactionalSink<Object, Object> sink =
        (TransactionalSink<Object, Object>) ((TransactionalWrite<Object>) step.transform()).getSink();
    this.shard = new SinkShardWriter<>(step.fullName(), sink, shardIndex);
    this.committer = job.sinks().committer(step);
    this.stats = stats;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void accept(WindowedValue<?> element) {
    if (!open) {
      open = true;
      shard.begin(transaction.getAsLong());
    }
    try {
      shard.write((WindowedValue<Object>) element);
    } catch (IOException e) {
      throw new UncheckedIOException("Sink '" + step.fullName() + "' failed to write: " + e, e);
    }
    stats.recordsOut.incrementAndGet();
  }

  /** Prepares the open transaction as part of checkpoint {@code checkpointId}. */
  void prepare(long checkpointId) {
    if (!open) {
      return;
    }
    open = false;
    try {
      Optional<Object> prepared = shard.prepareCommit();
      prepared.ifPresent(committable -> committer.prepared(checkpointId, committable));
    } catch (IOException e) {
      throw new UncheckedIOException("Sink '" + step.fullName() + "' failed to prepare its commit: " + e, e);
    }
  }

  /** Discards an open transaction; never throws. */
  void abort() {
    if (open) {
      open = false;
      shard.abort();
    }
  }
}
