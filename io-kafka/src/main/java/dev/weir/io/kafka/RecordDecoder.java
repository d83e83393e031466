package dev.weir.io.kafka;

import dev.weir.io.TimestampPolicy;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.joda.time.Instant;

/**
 * Turns a raw consumer record into a {@link KafkaRecord} stamped by the timestamp policy, or into
 * a {@link KafkaDeadLetter} when a deserializer or the policy's event-time function throws. Owns
 * the reader's deserializer instances, configured with the consumer's properties; one thread.
 */
final class RecordDecoder<K, V> implements AutoCloseable {
  private final Deserializer<K> keyDeserializer;
  private final Deserializer<V> valueDeserializer;

  RecordDecoder(ReadSpec<K, V> spec, Map<String, Object> consumerProperties) {
    this.keyDeserializer = instantiate(spec.keyDeserializer(), "withKeyDeserializer");
    this.valueDeserializer = instantiate(spec.valueDeserializer(), "withValueDeserializer");
    keyDeserializer.configure(consumerProperties, true);
    valueDeserializer.configure(consumerProperties, false);
  }

  private static <T> Deserializer<T> instantiate(Class<? extends Deserializer<T>> type, String setter) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("KafkaIO.read()." + setter + "(" + type.getName() + "): cannot create the"
          + " deserializer (" + e + "). Fix: give it a public no-argument constructor", e);
    }
  }

  /**
   * The outcome of {@code record} read at {@code now}: the record with its timestamp by
   * {@code policy}, or a dead letter stamped with the Kafka timestamp (with {@code now} under a
   * processing-time policy or when the record has none).
   */
  Decoded<K, V> decode(ConsumerRecord<byte[], byte[]> record, TimestampPolicy<KafkaRecord<K, V>> policy, Instant now) {
    String failed = "key deserializer " + keyDeserializer.getClass().getName();
    try {
      K key = keyDeserializer.deserialize(record.topic(), record.headers(), record.key());
      failed = "value deserializer " + valueDeserializer.getClass().getName();
      V value = valueDeserializer.deserialize(record.topic(), record.headers(), record.value());
      KafkaRecord<K, V> decoded = new KafkaRecord<>(record.topic(), record.partition(), record.offset(),
          record.timestamp(), record.timestampType(), key, value);
      failed = "timestamp policy " + policy;
      return new Decoded<>(ReadOutcome.of(decoded), policy.timestampOf(decoded, now));
    } catch (RuntimeException e) {
      KafkaDeadLetter letter = new KafkaDeadLetter(record.topic(), record.partition(), record.offset(),
          record.timestamp(), record.key(), record.value(), "The " + failed + " failed: " + e);
      Instant timestamp = policy.isProcessingTime() || record.timestamp() < 0 ? now : new Instant(record.timestamp());
      return new Decoded<>(ReadOutcome.failed(letter), timestamp);
    }
  }

  @Override
  public void close() {
    keyDeserializer.close();
    valueDeserializer.close();
  }

  /** A decoded record and its timestamp. */
  record Decoded<K, V>(ReadOutcome<K, V> outcome, Instant timestamp) {}
}
