package dev.weir.io.kafka;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the partitions a Kafka reader adds start and, in a bounded read, stop. The reader's
 * consumer runs with {@code auto.offset.reset=none} (so that it never moves a position the reader
 * owns, see {@link OffsetLossCheck}), so the reader applies the user's start rules itself:
 *
 * <ul>
 *   <li>a partition discovered while reading starts at offset 0: it was created after the read
 *       began, so all its offsets are due (the loss check reports those the broker already deleted);
 *   <li>with {@code withStartReadTime(t)}: the first offset with a timestamp at or after {@code t},
 *       else the partition's end offset;
 *   <li>else the group's committed offset, if {@code group.id} is set and the log still holds it;
 *       else the user's {@code auto.offset.reset}: {@code latest} (the default), {@code earliest},
 *       {@code by_duration:<ISO-8601 duration>}, or {@code none}, which fails with Kafka's
 *       {@link NoOffsetForPartitionException}, as Kafka's consumer would.
 * </ul>
 *
 * <p>A partition stops at the first offset with a timestamp at or after {@code withStopReadTime},
 * else at its end offset; without a stop time the stop offset is -1. Used on the reader's thread
 * with the reader's consumer; the partitions must be assigned to it.
 */
final class ReadBounds {
  private static final String BY_DURATION = "by_duration:";

  private final ReadSpec<?, ?> spec;
  private final Consumer<?, ?> consumer;
  private final String reset;
  /** How far back {@code by_duration} resets go; null for the other strategies. */
  private final java.time.Duration resetBack;

  /**
   * @throws IllegalArgumentException naming the value if the user's {@code auto.offset.reset} is
   *     not one of Kafka's strategies (Kafka's consumer would refuse it when created)
   */
  ReadBounds(ReadSpec<?, ?> spec, Consumer<?, ?> consumer) {
    this.spec = spec;
    this.consumer = consumer;
    this.reset = spec.offsetReset();
    this.resetBack = reset.startsWith(BY_DURATION) ? parseDuration(reset) : null;
    checkArgument(resetBack != null || List.of("latest", "earliest", "none").contains(reset),
        "KafkaIO.read(): auto.offset.reset=%s is not one of Kafka's strategies. Fix: set latest, earliest, none or"
            + " by_duration:<ISO-8601 duration> with withConsumerConfigUpdates", reset);
  }

  private static java.time.Duration parseDuration(String reset) {
    try {
      java.time.Duration back = java.time.Duration.parse(reset.substring(BY_DURATION.length()));
      checkArgument(!back.isNegative(), "negative");
      return back;
    } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("KafkaIO.read(): auto.offset.reset=" + reset + " does not end in a"
          + " non-negative ISO-8601 duration. Fix: write it as by_duration:PT1H (an hour back), for example", e);
    }
  }

  /** The offset each of {@code added} starts at; {@code discovered} if found while reading. */
  Map<TopicPartition, Long> starts(List<TopicPartition> added, boolean discovered) {
    Map<TopicPartition, Long> starts = new LinkedHashMap<>();
    if (discovered) {
      added.forEach(partition -> starts.put(partition, 0L));
      return starts;
    }
    if (spec.startReadTime() != null) {
      return offsetsAt(added, spec.startReadTime().getMillis());
    }
    Map<TopicPartition, OffsetAndMetadata> committed = committed(added);
    Map<TopicPartition, Long> earliest = consumer.beginningOffsets(added);
    Map<TopicPartition, Long> latest = consumer.endOffsets(added);
    Map<TopicPartition, Long> resetTo = null;
    for (TopicPartition partition : added) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset != null && offset.offset() >= earliest.get(partition) && offset.offset() <= latest.get(partition)) {
        starts.put(partition, offset.offset());
        continue;
      }
      resetTo = resetTo != null ? resetTo : resetOffsets(added, earliest, latest);
      starts.put(partition, resetTo.get(partition));
    }
    return starts;
  }

  /** The offset each of {@code added} stops at, or -1 for each if the read has no stop time. */
  Map<TopicPartition, Long> stops(List<TopicPartition> added) {
    if (spec.stopReadTime() == null) {
      Map<TopicPartition, Long> stops = new LinkedHashMap<>();
      added.forEach(partition -> stops.put(partition, -1L));
      return stops;
    }
    return offsetsAt(added, spec.stopReadTime().getMillis());
  }

  private Map<TopicPartition, OffsetAndMetadata> committed(List<TopicPartition> added) {
    if (spec.consumerConfig().get(ConsumerConfig.GROUP_ID_CONFIG) == null) {
      return Map.of();
    }
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(added));
    return committed == null ? Map.of() : committed;
  }

  /** Where {@code auto.offset.reset} puts each of {@code added}. */
  private Map<TopicPartition, Long> resetOffsets(
      List<TopicPartition> added, Map<TopicPartition, Long> earliest, Map<TopicPartition, Long> latest) {
    if (resetBack != null) {
      // Kafka's consumer measures by_duration on the system clock too.
      return offsetsAt(added, System.currentTimeMillis() - resetBack.toMillis());
    }
    return switch (reset) {
      case "earliest" -> earliest;
      case "latest" -> latest;
      default -> throw new NoOffsetForPartitionException(new HashSet<>(added));
    };
  }

  /** The first offset with a timestamp at or after {@code millis}, or the end offset if there is none. */
  private Map<TopicPartition, Long> offsetsAt(List<TopicPartition> added, long millis) {
    Map<TopicPartition, Long> query = new LinkedHashMap<>();
    added.forEach(partition -> query.put(partition, millis));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    Map<TopicPartition, Long> ends = consumer.endOffsets(added);
    Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
    for (TopicPartition partition : added) {
      OffsetAndTimestamp at = found.get(partition);
      offsets.put(partition, at != null ? at.offset() : ends.get(partition));
    }
    return offsets;
  }
}
