package dev.weir.runners.direct.streaming;

import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sinks.SinkCommitter;
import dev.weir.runtime.sinks.SinkShardWriter;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.io.TransactionalWrite;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Executes a {@code TransactionalWrite} step: each batch is one transaction, written by a task on
 * a worker and committed by that task as soon as it is prepared. The direct runner does not
 * recover from crashes, so a run always {@link TransactionalSink#startFresh starts fresh}, and
 * a transaction is durable as soon as it is prepared.
 *
 * @param <T> the type of the elements written
 */
final class TransactionalWriteExecutor<T> extends StepExecutor {
  private final TransactionalSink<T, Object> sink;
  private final SinkCommitter<Object> committer;
  private final Queue<Batch<T>> queued = new ArrayDeque<>();
  /** Transaction ids; shared by the tasks, each of which takes the next. */
  private final AtomicLong nextTransaction = new AtomicLong();
  private boolean starting;
  /** Whether the sink has started fresh, after which writers may open. */
  private boolean started;

  @SuppressWarnings("unchecked")
  TransactionalWriteExecutor(Step step, Driver driver) {
    super(step, driver);
    this.sink = (TransactionalSink<T, Object>) ((TransactionalWrite<T>) step.transform()).getSink();
    this.committer = new SinkCommitter<>(step.fullName(), sink);
  }

  @Override
  @SuppressWarnings("unchecked")
  void accept(int inputIndex, Batch<?> batch) {
    queued.add((Batch<T>) batch);
    addPending(batch.minTimestamp());
  }

  @Override
  void dispatchReady() {
    if (!started) {
      if (!queued.isEmpty() && !starting) {
        starting = true;
        dispatch(() -> {
          committer.startFresh();
          return () -> started = true;
        });
      }
      return;
    }
    for (Batch<T> batch = queued.poll(); batch != null; batch = queued.poll()) {
      Batch<T> input = batch;
      dispatch(() -> {
        write(input);
        return () -> removePending(input.minTimestamp());
      });
    }
  }

  private void write(Batch<T> batch) throws IOException {
    long transaction = nextTransaction.incrementAndGet();
    SinkShardWriter<T, Object> shard = new SinkShardWriter<>(step.fullName(), sink, 0);
    shard.begin(transaction);
    try {
      for (WindowedValue<T> element : batch.elements()) {
        context.pool().checkRunning();
        shard.write(element);
      }
      Optional<Object> prepared = shard.prepareCommit();
      if (prepared.isPresent()) {
        committer.prepared(transaction, prepared.get());
        committer.commitUpTo(transaction);
      }
    } catch (IOException | RuntimeException e) {
      shard.abort();
      throw e;
    }
  }
}
