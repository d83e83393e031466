package dev.weir.io.kafka;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * One exactly-once shard of a Kafka sink: a transactional producer with the stable
 * {@code transactional.id} {@code <sinkGroupId>-<shard>}, and the shard's commit marker, the id of
 * the last sink transaction it committed, kept as the committed offset of partition 0 of the sink
 * topic in the consumer group {@code <sinkGroupId>-<shard>}.
 *
 * <p>The marker is written inside the same Kafka transaction as the records
 * ({@code sendOffsetsToTransaction}), so it becomes visible exactly when they do. Opening a shard
 * first initializes the producer, which aborts the transaction a crashed predecessor left open and
 * waits for one it was committing to complete; only then is the marker read (with
 * {@code requireStable}), so it says exactly which transactions are in the log.
 *
 * <p>Producers are registered JVM-wide by transactional id: opening a shard closes the producer of
 * an earlier sink instance with the same id, which Kafka has fenced anyway. Not thread-safe: the
 * sink calls it from one thread at a time.
 */
final class TransactionalShard implements AutoCloseable {
  private static final Map<String, Producer<byte[], byte[]>> LIVE = new ConcurrentHashMap<>();

  private final WriteSpec<?, ?> spec;
  private final String transactionalId;
  private final Producer<byte[], byte[]> producer;
  /** The marker when the shard was opened: every transaction up to it is in the log. */
  private final long committedBeforeOpen;
  /** The transactions this instance committed (they may commit out of order within a run). */
  private final Set<Long> committed = new HashSet<>();
  private long highestCommitted;

  private TransactionalShard(WriteSpec<?, ?> spec, int shard, Producer<byte[], byte[]> producer, long marker) {
    this.spec = spec;
    this.transactionalId = groupId(spec, shard);
    this.producer = producer;
    this.committedBeforeOpen = marker;
    this.highestCommitted = marker;
  }

  /** The transactional id of {@code shard}, also the consumer group that holds its marker. */
  static String groupId(WriteSpec<?, ?> spec, int shard) {
    return spec.sinkGroupId() + "-" + shard;
  }

  /**
   * Opens {@code shard}: fences earlier producers of its id, then reads its marker ({@code -1} if
   * none, as after {@code forgetMarker}).
   */
  static TransactionalShard open(WriteSpec<?, ?> spec, int shard, Admin admin, boolean forgetMarker)
      throws IOException {
    String id = groupId(spec, shard);
    Map<String, Object> properties = spec.producerProperties();
    properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
    Producer<byte[], byte[]> producer = new KafkaProducer<>(properties);
    Producer<byte[], byte[]> previous = LIVE.put(id, producer);
    if (previous != null) {
      previous.close(java.time.Duration.ZERO);
    }
    try {
      producer.initTransactions();
      long marker = forgetMarker ? deleteMarker(admin, id) : readMarker(admin, id, spec.topic());
      return new TransactionalShard(spec, shard, producer, marker);
    } catch (KafkaException | InterruptedException | ExecutionException e) {
      LIVE.remove(id, producer);
      producer.close(java.time.Duration.ZERO);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("KafkaIO.write().withEOS: could not open transactional id '" + id + "' at "
          + spec.bootstrapServers() + ": " + e, e);
    }
  }

  private static long readMarker(Admin admin, String group, String topic)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetAndMetadata> offsets = admin
        .listConsumerGroupOffsets(group, new ListConsumerGroupOffsetsOptions().requireStable(true))
        .partitionsToOffsetAndMetadata().get();
    OffsetAndMetadata marker = offsets.get(new TopicPartition(topic, 0));
    return marker == null ? -1 : marker.offset();
  }

  private static long deleteMarker(Admin admin, String group) throws InterruptedException, ExecutionException {
    try {
      admin.deleteConsumerGroups(List.of(group)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
        throw e;
      }
    }
    return -1;
  }

  /** Whether transaction {@code transactionId} is in the log already. */
  boolean isCommitted(long transactionId) {
    return transactionId <= committedBeforeOpen || committed.contains(transactionId);
  }

  /**
   * Writes {@code records} and the marker in one Kafka transaction and commits it. On failure the
   * Kafka transaction is aborted (or left to be aborted by the next producer of the id) and the
   * shard must not be used again.
   */
  void commit(long transactionId, List<ShardRecords.Entry> records) throws IOException {
    try {
      producer.beginTransaction();
      for (ShardRecords.Entry entry : records) {
        producer.send(new ProducerRecord<>(spec.topic(), null, entry.timestamp() < 0 ? null : entry.timestamp(),
            entry.key(), entry.value()));
      }
      long marker = Math.max(highestCommitted, transactionId);
      producer.sendOffsetsToTransaction(Map.of(new TopicPartition(spec.topic(), 0), new OffsetAndMetadata(marker)),
          new ConsumerGroupMetadata(transactionalId));
      producer.commitTransaction();
      committed.add(transactionId);
      highestCommitted = marker;
    } catch (KafkaException e) {
      throw new IOException("KafkaIO.write().withEOS: committing sink transaction " + transactionId + " through"
          + " transactional id '" + transactionalId + "' to topic '" + spec.topic() + "' failed: " + e, e);
    }
  }

  @Override
  public void close() {
    LIVE.remove(transactionalId, producer);
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
