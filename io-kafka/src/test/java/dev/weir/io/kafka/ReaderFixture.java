package dev.weir.io.kafka;

import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.StringUtf8Coder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Builds Kafka sources of string records on the test broker and drives their readers by hand, for
 * the reader tests. Stateless; the readers it drives belong to the calling test.
 */
final class ReaderFixture {
  private ReaderFixture() {}

  /**
   * A source reading {@code topic} through {@code read} configured for the test broker, string
   * deserializers, {@code clock} and, unless {@code read} sets one, {@code auto.offset.reset=earliest}.
   */
  static KafkaUnboundedSource<String, String> source(String topic, KafkaIO.Read<String, String> read, WallClock clock) {
    boolean hasReset = read.spec().consumerConfig().containsKey("auto.offset.reset");
    return sourceWithOwnReset(topic,
        hasReset ? read : read.withConsumerConfigUpdates(Map.of("auto.offset.reset", "earliest")), clock);
  }

  /** As {@link #source}, leaving {@code auto.offset.reset} as {@code read} has it (unset: Kafka's default). */
  static KafkaUnboundedSource<String, String> sourceWithOwnReset(
      String topic, KafkaIO.Read<String, String> read, WallClock clock) {
    KafkaIO.Read<String, String> configured = read
        .withBootstrapServers(KafkaBroker.get().bootstrapServers())
        .withTopic(topic)
        .withKeyDeserializer(StringDeserializer.class)
        .withValueDeserializer(StringDeserializer.class)
        .withClock(clock);
    return new KafkaUnboundedSource<>(configured.spec(),
        new ReadOutcome.OutcomeCoder<>(KafkaRecordCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
  }

  /** Reads until {@code count} more records arrived; the reader must have been started. */
  static List<String> readMore(KafkaUnboundedReader<String, String> reader, int count) {
    List<String> values = new ArrayList<>();
    while (values.size() < count) {
      if (reader.advance()) {
        values.add(reader.getCurrent().record().value());
      }
    }
    return values;
  }

  /** Starts {@code reader} and reads until {@code count} records arrived. */
  static List<String> startAndRead(KafkaUnboundedReader<String, String> reader, int count) {
    List<String> values = new ArrayList<>();
    if (reader.start()) {
      values.add(reader.getCurrent().record().value());
    }
    values.addAll(readMore(reader, count - values.size()));
    return values;
  }

  /** {@code mark} after a trip through the source's checkpoint mark coder, as a runner stores it. */
  static KafkaCheckpointMark coded(KafkaUnboundedSource<String, String> source, KafkaCheckpointMark mark)
      throws Exception {
    return CoderUtils.decodeFromByteArray(source.getCheckpointMarkCoder(),
        CoderUtils.encodeToByteArray(source.getCheckpointMarkCoder(), mark));
  }

  /** The offset {@code mark} holds as next for partition {@code partition} of {@code topic}. */
  static long nextOffset(KafkaCheckpointMark mark, String topic, int partition) {
    return mark.getPartitions().stream()
        .filter(each -> each.topic().equals(topic) && each.partition() == partition)
        .findFirst().orElseThrow().nextOffset();
  }

  /** Deletes the records of {@code partition} of {@code topic} below {@code offset}, as retention would. */
  static void deleteBefore(String topic, int partition, long offset) throws Exception {
    KafkaBroker.get().admin().deleteRecords(
        Map.of(new TopicPartition(topic, partition), RecordsToDelete.beforeOffset(offset))).all().get();
  }
}
