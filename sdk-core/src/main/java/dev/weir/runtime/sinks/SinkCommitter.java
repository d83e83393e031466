package dev.weir.runtime.sinks;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.values.KV;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committing side of one {@link TransactionalSink}: collects what the shards prepared per
 * transaction, commits a transaction when the runner says it is durable, and keeps the prepared
 * but uncommitted transactions in a form the runner stores in its log or checkpoint
 * ({@link #pendingBytes}) and hands back after a crash ({@link #resume}).
 *
 * <p>Thread-safe: shards may report prepared committables from their own threads; commits are
 * serialized, as the sink's contract requires.
 *
 * @param <CommittableT> the sink's committable
 */
public final class SinkCommitter<CommittableT> {
  private final String stepName;
  private final TransactionalSink<?, CommittableT> sink;
  private final Coder<List<KV<Long, List<CommittableT>>>> pendingCoder;
  private final TreeMap<Long, List<CommittableT>> pending = new TreeMap<>();

  /** The committer of {@code sink}, applied as step {@code stepName}. */
  public SinkCommitter(String stepName, TransactionalSink<?, CommittableT> sink) {
    this.stepName = stepName;
    this.sink = sink;
    this.pendingCoder = ListCoder.of(KvCoder.of(VarLongCoder.of(), ListCoder.of(sink.getCommittableCoder())));
  }

  /** Starts a run without a checkpoint (see {@link TransactionalSink#startFresh}). */
  public synchronized void startFresh() throws IOException {
    pending.clear();
    sink.startFresh();
  }

  /**
   * Resumes from the pending transactions a checkpoint or log held, encoded by
   * {@link #pendingBytes}: commits them and lets the sink clean up (see
   * {@link TransactionalSink#resume}). Nothing is pending afterwards.
   */
  public synchronized void resume(byte[] pendingBytes) throws IOException {
    TreeMap<Long, List<CommittableT>> restored = decode(pendingBytes);
    pending.clear();
    sink.resume(Collections.unmodifiableSortedMap(restored));
  }

  /** Records what a shard prepared for transaction {@code transactionId}. */
  public synchronized void prepared(long transactionId, CommittableT committable) {
    pending.computeIfAbsent(transactionId, id -> new ArrayList<>()).add(committable);
  }

  /**
   * Commits every pending transaction up to and including {@code transactionId}, in order. A
   * transaction no shard wrote in is not committed at all.
   */
  public synchronized void commitUpTo(long transactionId) throws IOException {
    SortedMap<Long, List<CommittableT>> due = pending.headMap(transactionId, true);
    while (!due.isEmpty()) {
      Map.Entry<Long, List<CommittableT>> next = pending.firstEntry();
      sink.commit(next.getKey(), List.copyOf(next.getValue()));
      pending.remove(next.getKey());
    }
  }

  /** The transactions prepared and not yet committed, encoded for a log or checkpoint. */
  public synchronized byte[] pendingBytes() {
    return pendingBytesUpTo(Long.MAX_VALUE);
  }

  /**
   * The transactions up to and including {@code transactionId} prepared and not yet committed,
   * encoded as {@link #pendingBytes} does: what a checkpoint holds when shards may already have
   * prepared transactions of later checkpoints.
   */
  public synchronized byte[] pendingBytesUpTo(long transactionId) {
    List<KV<Long, List<CommittableT>>> entries = new ArrayList<>();
    for (Map.Entry<Long, List<CommittableT>> entry : pending.headMap(transactionId, true).entrySet()) {
      entries.add(KV.of(entry.getKey(), List.copyOf(entry.getValue())));
    }
    try {
      return CoderUtils.encodeToByteArray(pendingCoder, entries);
    } catch (CoderException e) {
      throw new IllegalStateException(
          "Sink '" + stepName + "': its committables could not be encoded with "
              + sink.getCommittableCoder() + ". Fix the sink's committable coder.", e);
    }
  }

  /** Whether any prepared transaction awaits its commit. */
  public synchronized boolean hasPending() {
    return !pending.isEmpty();
  }

  private TreeMap<Long, List<CommittableT>> decode(byte[] bytes) throws IOException {
    checkArgument(bytes != null, "Sink '%s': no pending transactions to resume from", stepName);
    TreeMap<Long, List<CommittableT>> restored = new TreeMap<>();
    for (KV<Long, List<CommittableT>> entry : CoderUtils.decodeFromByteArray(pendingCoder, bytes)) {
      restored.put(entry.getKey(), entry.getValue());
    }
    return restored;
  }
}
