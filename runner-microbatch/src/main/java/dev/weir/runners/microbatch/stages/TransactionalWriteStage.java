package dev.weir.runners.microbatch.stages;

import dev.weir.runners.microbatch.execution.Stage;
import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runners.microbatch.execution.BatchData;
import dev.weir.runners.microbatch.execution.Workers;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sinks.SinkCommitter;
import dev.weir.runtime.sinks.SinkShardWriter;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.io.TransactionalWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joda.time.Instant;

/**
 * Runs a {@code TransactionalWrite} step: the transaction is the batch, its id the batch id. The
 * batch's elements are spread round-robin over up to {@link StageContext#partitions()} shards,
 * each written and prepared by one task; once every stage has run, the batch loop writes the
 * prepared committables to the checkpoint, then {@link #commit commits} the batch, before the
 * batch's state version and commit entry are written. After a crash the sink resumes with the
 * committables the checkpoint holds, and the re-run batch commits the same id again, which the
 * sink ignores if a commit of it got through (its contract: the first commit of an id wins).
 *
 * @param <T> the type of the elements written
 */
public final class TransactionalWriteStage<T> extends Stage {
  private final TransactionalSink<T, Object> sink;
  private final SinkCommitter<Object> committer;
  private long batchId = -1;

  @SuppressWarnings("unchecked")
  public TransactionalWriteStage(Step step, StageContext context) {
    super(step, context);
    this.sink = (TransactionalSink<T, Object>) ((TransactionalWrite<T>) step.transform()).getSink();
    this.committer = new SinkCommitter<>(step.fullName(), sink);
  }

  /**
   * Starts the sink for this run, before any batch: fresh for a new checkpoint; else resuming with
   * {@code pending}, the prepared transactions the checkpoint holds (from {@link #pendingBytes}),
   * or with nothing if it holds none.
   */
  public void start(boolean fresh, byte[] pending) throws IOException {
    if (fresh) {
      committer.startFresh();
    } else {
      committer.resume(pending != null ? pending : new SinkCommitter<>(step.fullName(), sink).pendingBytes());
    }
  }

  /** Whether the shards prepared output in the current batch that is not committed yet. */
  public boolean hasPending() {
    return committer.hasPending();
  }

  /** The prepared, uncommitted transactions, encoded for the checkpoint. */
  public byte[] pendingBytes() {
    return committer.pendingBytes();
  }

  /** Sets the transaction id of the batch about to run. */
  public void beginBatch(long id) {
    this.batchId = id;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void run(List<WindowedValue<?>> input, Instant processingTime, BatchData outputs) {
    if (input.isEmpty()) {
      return;
    }
    int shards = Math.min(context.partitions(), input.size());
    List<List<WindowedValue<T>>> byShard = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      byShard.add(new ArrayList<>());
    }
    for (int i = 0; i < input.size(); i++) {
      byShard.get(i % shards).add((WindowedValue<T>) input.get(i));
    }
    long transaction = batchId;
    List<Workers.Task<Void>> tasks = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      int shard = i;
      tasks.add(() -> {
        write(transaction, shard, byShard.get(shard));
        return null;
      });
    }
    context.workers().runAll(step.fullName(), context.metricsOf(step.fullName()), tasks);
  }

  private void write(long transaction, int shard, List<WindowedValue<T>> elements) throws IOException {
    SinkShardWriter<T, Object> writer = new SinkShardWriter<>(step.fullName(), sink, shard);
    writer.begin(transaction);
    try {
      for (WindowedValue<T> element : elements) {
        context.workers().checkRunning();
        writer.write(element);
      }
      Optional<Object> prepared = writer.prepareCommit();
      prepared.ifPresent(committable -> committer.prepared(transaction, committable));
    } catch (IOException | RuntimeException e) {
      writer.abort();
      throw e;
    }
  }

  /** Commits what the shards prepared in batch {@code id}; nothing if no shard wrote. */
  public void commit(long id) {
    try {
      committer.commitUpTo(id);
    } catch (IOException e) {
      throw new UncheckedIOException("Sink '" + step.fullName() + "' failed to commit batch " + id + ": " + e, e);
    }
  }
}
