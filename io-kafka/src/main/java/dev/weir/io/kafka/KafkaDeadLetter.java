package dev.weir.io.kafka;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Kafka record that could not be turned into a {@link KafkaRecord}: its position, its raw
 * bytes and why. An element of {@link KafkaIO.ReadResult#deadLetters()}, encoded by
 * {@link KafkaDeadLetterCoder} (deterministic). Immutable; the byte arrays are copied in and out.
 *
 * @param topic the topic, non-null
 * @param partition the partition
 * @param offset the record's offset
 * @param timestamp the record's Kafka timestamp in epoch milliseconds, -1 if it has none
 * @param key the raw key bytes, null if the record has no key
 * @param value the raw value bytes, null for a tombstone
 * @param error what failed (the key or value deserializer, or the timestamp function) and its
 *     message, non-null
 */
public record KafkaDeadLetter(
    String topic, int partition, long offset, long timestamp, byte[] key, byte[] value, String error) {
  public KafkaDeadLetter {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(error, "error");
    key = key == null ? null : key.clone();
    value = value == null ? null : value.clone();
  }

  @Override
  public byte[] key() {
    return key == null ? null : key.clone();
  }

  @Override
  public byte[] value() {
    return value == null ? null : value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaDeadLetter other
        && topic.equals(other.topic) && partition == other.partition && offset == other.offset
        && timestamp == other.timestamp && Arrays.equals(key, other.key) && Arrays.equals(value, other.value)
        && error.equals(other.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, partition, offset, timestamp, Arrays.hashCode(key), Arrays.hashCode(value), error);
  }

  @Override
  public String toString() {
    return "KafkaDeadLetter{" + topic + "-" + partition + "@" + offset + ", error=" + error + "}";
  }
}
