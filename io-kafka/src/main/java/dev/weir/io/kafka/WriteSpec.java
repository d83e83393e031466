package dev.weir.io.kafka;

import com.google.auto.value.AutoValue;
import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Everything a Kafka write is configured with, shared by {@link KafkaIO.Write}, its writer DoFn
 * and its exactly-once sink. Immutable and serializable.
 */
@AutoValue
abstract class WriteSpec<K, V> implements Serializable {
  private static final long serialVersionUID = 1L;

  abstract @Nullable String bootstrapServers();

  abstract @Nullable String topic();

  abstract @Nullable Class<? extends Serializer<K>> keySerializer();

  abstract @Nullable Class<? extends Serializer<V>> valueSerializer();

  abstract ImmutableMap<String, Object> producerConfig();

  /** The number of exactly-once shards (transactional ids), or 0 without exactly-once. */
  abstract int numShards();

  abstract @Nullable String sinkGroupId();

  abstract boolean inputTimestamp();

  abstract Builder<K, V> toBuilder();

  static <K, V> Builder<K, V> builder() {
    return new AutoValue_WriteSpec.Builder<K, V>()
        .setProducerConfig(ImmutableMap.of())
        .setNumShards(0)
        .setInputTimestamp(false);
  }

  /**
   * The properties of a producer of raw bytes: the user's, then an idempotent producer that waits
   * for all in-sync replicas.
   */
  Map<String, Object> producerProperties() {
    Map<String, Object> properties = new HashMap<>(producerConfig());
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return properties;
  }

  @AutoValue.Builder
  abstract static class Builder<K, V> {
    abstract Builder<K, V> setBootstrapServers(String servers);

    abstract Builder<K, V> setTopic(String topic);

    abstract Builder<K, V> setKeySerializer(Class<? extends Serializer<K>> serializer);

    abstract Builder<K, V> setValueSerializer(Class<? extends Serializer<V>> serializer);

    abstract Builder<K, V> setProducerConfig(ImmutableMap<String, Object> config);

    abstract Builder<K, V> setNumShards(int numShards);

    abstract Builder<K, V> setSinkGroupId(String sinkGroupId);

    abstract Builder<K, V> setInputTimestamp(boolean inputTimestamp);

    abstract WriteSpec<K, V> build();
  }
}
