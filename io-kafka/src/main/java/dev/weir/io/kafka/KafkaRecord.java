package dev.weir.io.kafka;

import dev.weir.sdk.values.KV;
import java.util.Objects;
import org.apache.kafka.common.record.TimestampType;

/**
 * One record read from Kafka, with where it was in the log: Beam's {@code KafkaRecord}. Immutable.
 * Encoded by {@link KafkaRecordCoder}. Record headers are not carried.
 *
 * @param topic the topic, non-null
 * @param partition the partition within the topic
 * @param offset the record's offset in the partition
 * @param timestamp the record's Kafka timestamp in epoch milliseconds, -1 if it has none
 * @param timestampType what {@code timestamp} means (create or log-append time), non-null
 * @param key the deserialized key; null if the record has none or the deserializer returned null
 * @param value the deserialized value; null for a tombstone or if the deserializer returned null
 * @param <K> the key type
 * @param <V> the value type
 */
public record KafkaRecord<K, V>(
    String topic, int partition, long offset, long timestamp, TimestampType timestampType, K key, V value) {
  public KafkaRecord {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(timestampType, "timestampType");
  }

  /** The key and value, as {@code withoutMetadata()} delivers them. */
  public KV<K, V> getKV() {
    return KV.of(key, value);
  }
}
