package dev.weir.io.kafka;

import com.google.auto.value.AutoValue;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.weir.io.TimestampPolicy;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Everything a Kafka read is configured with, shared by {@link KafkaIO.Read} and its source.
 * Immutable and serializable (consumer config values must be serializable, as strings are).
 */
@AutoValue
abstract class ReadSpec<K, V> implements Serializable {
  private static final long serialVersionUID = 1L;

  abstract @Nullable String bootstrapServers();

  abstract ImmutableList<String> topics();

  abstract @Nullable Class<? extends Deserializer<K>> keyDeserializer();

  abstract @Nullable Class<? extends Deserializer<V>> valueDeserializer();

  abstract ImmutableMap<String, Object> consumerConfig();

  abstract TimestampPolicy<KafkaRecord<K, V>> timestampPolicy();

  abstract @Nullable Instant startReadTime();

  abstract @Nullable Instant stopReadTime();

  abstract long maxNumRecords();

  abstract boolean commitOffsetsInFinalize();

  abstract Duration partitionDiscoveryInterval();

  /** Whether a read fails when offsets it was due to read no longer exist (see {@link OffsetLossCheck}). */
  abstract boolean failOnDataLoss();

  abstract WallClock clock();

  abstract Builder<K, V> toBuilder();

  static <K, V> Builder<K, V> builder() {
    return new AutoValue_ReadSpec.Builder<K, V>()
        .setTopics(ImmutableList.of())
        .setConsumerConfig(ImmutableMap.of())
        .setTimestampPolicy(TimestampPolicy.processingTime())
        .setMaxNumRecords(Long.MAX_VALUE)
        .setCommitOffsetsInFinalize(false)
        .setPartitionDiscoveryInterval(Duration.standardSeconds(10))
        .setFailOnDataLoss(true)
        .setClock(WallClock.SYSTEM);
  }

  /** Whether the read ends: it stops at a time or after a number of records. */
  boolean isBounded() {
    return stopReadTime() != null || maxNumRecords() != Long.MAX_VALUE;
  }

  /** The properties of the reader's consumer: raw bytes, no auto-commit, then the user's updates. */
  Map<String, Object> consumerProperties() {
    Map<String, Object> properties = new HashMap<>();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.putAll(consumerConfig());
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return properties;
  }

  /**
   * The properties of a reader's consumer: {@link #consumerProperties()} with
   * {@code auto.offset.reset=none}, since the reader decides every position itself ({@link ReadBounds},
   * {@link OffsetLossCheck}) and the consumer must never move one on its own.
   */
  Map<String, Object> readerConsumerProperties() {
    Map<String, Object> properties = consumerProperties();
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    return properties;
  }

  /** The user's {@code auto.offset.reset}, {@code latest} (Kafka's default) if none is set. */
  String offsetReset() {
    Object reset = consumerConfig().get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
    return reset == null ? "latest" : reset.toString().trim().toLowerCase(java.util.Locale.ROOT);
  }

  @AutoValue.Builder
  abstract static class Builder<K, V> {
    abstract Builder<K, V> setBootstrapServers(String servers);

    abstract Builder<K, V> setTopics(ImmutableList<String> topics);

    abstract Builder<K, V> setKeyDeserializer(Class<? extends Deserializer<K>> deserializer);

    abstract Builder<K, V> setValueDeserializer(Class<? extends Deserializer<V>> deserializer);

    abstract Builder<K, V> setConsumerConfig(ImmutableMap<String, Object> config);

    abstract Builder<K, V> setTimestampPolicy(TimestampPolicy<KafkaRecord<K, V>> policy);

    abstract Builder<K, V> setStartReadTime(Instant time);

    abstract Builder<K, V> setStopReadTime(Instant time);

    abstract Builder<K, V> setMaxNumRecords(long max);

    abstract Builder<K, V> setCommitOffsetsInFinalize(boolean commit);

    abstract Builder<K, V> setPartitionDiscoveryInterval(Duration interval);

    abstract Builder<K, V> setFailOnDataLoss(boolean fail);

    abstract Builder<K, V> setClock(WallClock clock);

    abstract ReadSpec<K, V> build();
  }
}
