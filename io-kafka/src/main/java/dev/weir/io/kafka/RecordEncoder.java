package dev.weir.io.kafka;

import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes keys and values with new instances of the write's serializer classes, configured with
 * the producer's properties. One thread.
 */
final class RecordEncoder<K, V> implements AutoCloseable {
  private final String topic;
  private final Serializer<K> keySerializer;
  private final Serializer<V> valueSerializer;

  RecordEncoder(WriteSpec<K, V> spec) {
    this.topic = spec.topic();
    this.keySerializer = instantiate(spec.keySerializer(), "withKeySerializer");
    this.valueSerializer = instantiate(spec.valueSerializer(), "withValueSerializer");
    Map<String, Object> properties = spec.producerProperties();
    keySerializer.configure(properties, true);
    valueSerializer.configure(properties, false);
  }

  private static <T> Serializer<T> instantiate(Class<? extends Serializer<T>> type, String setter) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("KafkaIO.write()." + setter + "(" + type.getName() + "): cannot create the"
          + " serializer (" + e + "). Fix: give it a public no-argument constructor", e);
    }
  }

  byte[] key(K key) {
    return keySerializer.serialize(topic, key);
  }

  byte[] value(V value) {
    return valueSerializer.serialize(topic, value);
  }

  @Override
  public void close() {
    keySerializer.close();
    valueSerializer.close();
  }
}
