package dev.weir.sdk.io;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.SortedMap;
import org.joda.time.Instant;

/**
 * A sink whose output becomes visible in transactions that the runner drives: the contract behind
 * exactly-once output, implemented by connectors (files, Kafka) and applied with
 * {@link TransactionalWrite}.
 *
 * <p>What a transaction is depends on the runner: a batch for the micro-batch runner (the
 * transaction id is the batch id), a checkpoint for the continuous runner (the checkpoint id),
 * a bundle for the direct runner, which does not recover. Within a transaction each parallel
 * instance of the sink (a <em>shard</em>) writes through its own {@link Writer}.
 *
 * <p>The protocol, per run:
 *
 * <ol>
 *   <li>Exactly one of {@link #startFresh} (a run without a checkpoint) or {@link #resume} (a run
 *       restarted from a checkpoint) is called, once, before any writer opens.
 *   <li>For each transaction and shard with input: {@link #openWriter}, {@link Writer#write} for
 *       each element, then {@link Writer#prepareCommit} (flush; nothing visible yet) or
 *       {@link Writer#abort}.
 *   <li>Once the runner has made the transaction durable (the batch's offsets and state, or the
 *       checkpoint), {@link #commit} with the committables of all its shards, which makes the
 *       output visible. The runner keeps the committables of a transaction durable until
 *       {@code commit} has returned, so that a crash in between is repaired by {@link #resume}.
 * </ol>
 *
 * <p>Idempotence is what makes this exactly-once: after a crash a runner may commit a transaction
 * again, with the same committables or with those of a re-run of the same transaction. The first
 * commit of a transaction id to start wins; later ones must leave its output as it is and discard
 * theirs.
 *
 * <p>Thread safety: the sink object is deserialized once per run and per JVM; {@link #commit},
 * {@link #startFresh} and {@link #resume} are called by one thread at a time. Each writer is used
 * by one thread.
 *
 * @param <T> the type of the elements written
 * @param <CommittableT> what a writer hands to the commit: enough to make its output visible (for
 *     files, the temporary and final names), encoded with {@link #getCommittableCoder} into the
 *     runner's logs and checkpoints
 */
public abstract class TransactionalSink<T, CommittableT> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The coder of committables; runners store them in offset logs and checkpoints. */
  public abstract Coder<CommittableT> getCommittableCoder();

  /**
   * Opens the writer of shard {@code shard} for transaction {@code transactionId}. The pair is
   * unique within a run; after a restart the same pair may be opened again (a re-run).
   */
  public abstract Writer<T, CommittableT> openWriter(long transactionId, int shard) throws IOException;

  /**
   * Makes the output of transaction {@code transactionId} visible, atomically as far as the
   * medium allows, and idempotently (see the class comment). {@code committables} are those of
   * every shard that wrote in the transaction, in no particular order.
   */
  public abstract void commit(long transactionId, List<CommittableT> committables) throws IOException;

  /**
   * Starts a run with no checkpoint: forgets every transaction of earlier runs and deletes what
   * they left uncommitted. Output that earlier runs committed stays.
   */
  public abstract void startFresh() throws IOException;

  /**
   * Resumes after a crash: commits {@code pending} (the transactions the runner made durable but
   * may not have committed, by id in increasing order), completes any commit the crash
   * interrupted, and deletes everything written by transactions that were never committed.
   */
  public abstract void resume(SortedMap<Long, List<CommittableT>> pending) throws IOException;

  /**
   * The writer of one shard in one transaction. Used by one thread; {@link #prepareCommit} or
   * {@link #abort} ends it.
   *
   * @param <T> the type of the elements written
   * @param <CommittableT> what {@link #prepareCommit} returns
   */
  public interface Writer<T, CommittableT> {
    /** Writes {@code element}, which is in {@code window} and pane {@code pane}. */
    void write(T element, Instant timestamp, BoundedWindow window, PaneInfo pane) throws IOException;

    /**
     * Flushes everything written to durable storage, still invisible to readers, and returns what
     * {@link TransactionalSink#commit} needs to make it visible.
     */
    CommittableT prepareCommit() throws IOException;

    /** Discards everything written; best effort, never throws. */
    void abort();
  }
}
