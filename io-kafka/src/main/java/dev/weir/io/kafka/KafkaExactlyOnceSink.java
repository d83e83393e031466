package dev.weir.io.kafka;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.joda.time.Instant;

/**
 * The exactly-once Kafka sink of {@code KafkaIO.write().withEOS(numShards, sinkGroupId)}: a
 * {@link TransactionalSink} whose writers serialize records into the committable, and whose commit
 * sends them to Kafka in one Kafka transaction per (sink transaction, exactly-once shard).
 *
 * <p>Why the records travel in the committable: a Kafka transaction can only be committed by the
 * producer instance that began it, and a new producer with the same transactional id aborts it. A
 * transaction opened in {@code prepareCommit} would therefore die with the process, although the
 * runner already counts it as durable. Instead, the runner stores the serialized records with the
 * transaction (its offset log or checkpoint) and {@link #commit} writes them; a crash in the middle
 * leaves an open Kafka transaction that the next producer of the shard aborts, and
 * {@link #resume} writes them again.
 *
 * <p>Exactly once for {@code read_committed} consumers: each record commits through the
 * exactly-once shard ({@link TransactionalShard}) its key bytes hash to, whose marker is written
 * atomically with its records; a commit of a transaction the marker already covers is skipped, so
 * the first commit of a transaction id wins and a re-commit after a crash writes nothing twice. A
 * record's shard does not depend on the runner shard that wrote it, so a re-run of a transaction
 * that assigns records to runner shards differently still skips exactly what was committed.
 * Transactions must commit in increasing id order per shard across restarts (as the streaming
 * runners do); within one run, out-of-order commits are remembered.
 *
 * <p>Thread safety as the contract says: writers on their own threads, commit/startFresh/resume
 * on one thread at a time.
 */
final class KafkaExactlyOnceSink<K, V> extends TransactionalSink<KV<K, V>, ShardRecords> {
  private static final long serialVersionUID = 1L;

  private final WriteSpec<K, V> spec;
  /** The open shards of this run, by exactly-once shard index; built by startFresh or resume. */
  private transient Map<Integer, TransactionalShard> shards;

  KafkaExactlyOnceSink(WriteSpec<K, V> spec) {
    this.spec = spec;
  }

  WriteSpec<K, V> spec() {
    return spec;
  }

  @Override
  public Coder<ShardRecords> getCommittableCoder() {
    return new ShardRecords.ShardRecordsCoder();
  }

  @Override
  public Writer<KV<K, V>, ShardRecords> openWriter(long transactionId, int shard) {
    return new SerializingWriter<>(spec, shard);
  }

  @Override
  public synchronized void commit(long transactionId, List<ShardRecords> committables) throws IOException {
    SortedMap<Integer, List<ShardRecords.Entry>> byShard = new TreeMap<>();
    for (ShardRecords committable : committables) {
      for (ShardRecords.Entry entry : committable.records()) {
        byShard.computeIfAbsent(shardOf(entry, spec.numShards()), s -> new ArrayList<>()).add(entry);
      }
    }
    for (Map.Entry<Integer, List<ShardRecords.Entry>> entry : byShard.entrySet()) {
      TransactionalShard shard = shard(entry.getKey());
      if (!entry.getValue().isEmpty() && !shard.isCommitted(transactionId)) {
        try {
          shard.commit(transactionId, entry.getValue());
        } catch (IOException e) {
          shards.remove(entry.getKey()).close();
          throw e;
        }
      }
    }
  }

  /**
   * The exactly-once shard of a record: a function of its key bytes (of its value bytes if it has
   * no key), so that a re-run of a transaction sends each record through the same shard whichever
   * runner shard wrote it, and a key's records keep their order within a transaction.
   */
  static int shardOf(ShardRecords.Entry entry, int numShards) {
    byte[] bytes = entry.key() != null ? entry.key() : entry.value();
    return Math.floorMod(Arrays.hashCode(bytes), numShards);
  }

  @Override
  public synchronized void startFresh() throws IOException {
    open(true);
  }

  @Override
  public synchronized void resume(SortedMap<Long, List<ShardRecords>> pending) throws IOException {
    open(false);
    for (Map.Entry<Long, List<ShardRecords>> transaction : pending.entrySet()) {
      commit(transaction.getKey(), transaction.getValue());
    }
  }

  /** Opens every shard, fencing earlier producers; forgets the markers of earlier runs if fresh. */
  private void open(boolean fresh) throws IOException {
    closeShards();
    shards = new TreeMap<>();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers()))) {
      for (int shard = 0; shard < spec.numShards(); shard++) {
        shards.put(shard, TransactionalShard.open(spec, shard, admin, fresh));
      }
    }
  }

  /** The open shard {@code index}, reopened (marker read again) after a failed commit closed it. */
  private TransactionalShard shard(int index) throws IOException {
    if (shards == null) {
      throw new IllegalStateException("KafkaExactlyOnceSink: commit before startFresh() or resume(); the runner"
          + " must start the sink first");
    }
    TransactionalShard shard = shards.get(index);
    if (shard == null) {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers()))) {
        shard = TransactionalShard.open(spec, index, admin, false);
      }
      shards.put(index, shard);
    }
    return shard;
  }

  private void closeShards() {
    if (shards != null) {
      shards.values().forEach(TransactionalShard::close);
      shards = null;
    }
  }

  /** Serializes each element into the committable; nothing reaches Kafka before the commit. */
  private static final class SerializingWriter<K, V> implements Writer<KV<K, V>, ShardRecords> {
    private final WriteSpec<K, V> spec;
    private final int shard;
    private final RecordEncoder<K, V> encoder;
    private final List<ShardRecords.Entry> records = new ArrayList<>();

    SerializingWriter(WriteSpec<K, V> spec, int shard) {
      this.spec = spec;
      this.shard = shard;
      this.encoder = new RecordEncoder<>(spec);
    }

    @Override
    public void write(KV<K, V> element, Instant timestamp, BoundedWindow window, PaneInfo pane) {
      records.add(new ShardRecords.Entry(encoder.key(element.getKey()), encoder.value(element.getValue()),
          spec.inputTimestamp() ? timestamp.getMillis() : -1));
    }

    @Override
    public ShardRecords prepareCommit() {
      encoder.close();
      return new ShardRecords(shard, records);
    }

    @Override
    public void abort() {
      records.clear();
      encoder.close();
    }
  }
}
