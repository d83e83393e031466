package dev.weir.io.kafka;

import static dev.weir.io.kafka.ReaderFixture.coded;
import static dev.weir.io.kafka.ReaderFixture.readMore;
import static dev.weir.io.kafka.ReaderFixture.startAndRead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.io.TimestampPolicy;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Kafka source's readers, driven by hand against the test broker. */
@ExtendWith(KafkaBroker.class)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KafkaUnboundedReaderTest {
  private final ManualWallClock clock = new ManualWallClock(new Instant(100_000));

  private KafkaUnboundedSource<String, String> source(String topic, KafkaIO.Read<String, String> read) {
    return ReaderFixture.source(topic, read, clock);
  }

  @Test
  void resumesFromACodedCheckpointMarkWithoutLossOrDuplicates() throws Exception {
    KafkaBroker.get().createTopic("reader-resume", 2);
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      KafkaBroker.get().send("reader-resume", i % 2, "k", "v" + i, 1000 + i);
      expected.add("v" + i);
    }
    KafkaUnboundedSource<String, String> source = source("reader-resume", KafkaIO.read());
    List<String> read = new ArrayList<>();
    KafkaCheckpointMark mark;
    try (KafkaUnboundedReader<String, String> first = source.createReader(null, null)) {
      read.addAll(startAndRead(first, 7));
      mark = first.getCheckpointMark();
    }
    KafkaCheckpointMark decoded = coded(source, mark);

    try (KafkaUnboundedReader<String, String> second = source.createReader(null, decoded)) {
      read.addAll(startAndRead(second, 13));
      assertEquals(mark.getPartitions().size(), second.getCheckpointMark().getPartitions().size());
    }

    assertEquals(20, read.size());
    assertEquals(expected, new HashSet<>(read));
  }

  @Test
  void replaysExactlyTheRecordsBetweenTwoMarksThenReadsOn() throws Exception {
    KafkaBroker.get().createTopic("reader-replay", 3);
    for (int i = 0; i < 10; i++) {
      KafkaBroker.get().send("reader-replay", 0, "k", "p0-" + i, 1000 + i);
    }
    KafkaUnboundedSource<String, String> source = source("reader-replay", KafkaIO.read());
    KafkaCheckpointMark start;
    KafkaCheckpointMark end;
    List<String> range;
    try (KafkaUnboundedReader<String, String> original = source.createReader(null, null)) {
      startAndRead(original, 2);
      start = coded(source, original.getCheckpointMark());
      range = readMore(original, 5);
      end = coded(source, original.getCheckpointMark());
    }
    // Records the original range did not see: a replay counting 5 records from the start mark
    // would likely take some of them, which the end mark excludes.
    List<String> later = new ArrayList<>(List.of("p0-7", "p0-8", "p0-9"));
    for (int i = 0; i < 10; i++) {
      KafkaBroker.get().send("reader-replay", 1 + i % 2, "k", "late-" + i, 2000 + i);
      later.add("late-" + i);
    }

    try (KafkaUnboundedReader<String, String> replay = source.createReader(null, start, end)) {
      List<String> replayed = startAndRead(replay, 5);
      List<String> next = readMore(replay, later.size());

      assertEquals(List.of("p0-2", "p0-3", "p0-4", "p0-5", "p0-6"), range);
      assertEquals(range, replayed);
      assertEquals(sorted(later), sorted(next));
    }
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }

  @Test
  void commitsFinalizedMarksToTheConsumerGroup() throws Exception {
    KafkaBroker.get().createTopic("reader-commit", 1);
    for (int i = 0; i < 3; i++) {
      KafkaBroker.get().send("reader-commit", 0, "k", "v" + i, 1000 + i);
    }
    KafkaUnboundedSource<String, String> source = source("reader-commit", KafkaIO.<String, String>read()
        .withConsumerConfigUpdates(Map.of("group.id", "reader-commit-group")).commitOffsetsInFinalize());

    try (KafkaUnboundedReader<String, String> reader = source.createReader(null, null)) {
      startAndRead(reader, 3);
      reader.getCheckpointMark().finalizeCheckpoint();
      TopicPartition partition = tp("reader-commit", 0);
      // The reader commits on its own thread, during its next advances.
      while (!Long.valueOf(3).equals(committedOffset("reader-commit-group", partition))) {
        reader.advance();
      }
    }
  }

  private static Long committedOffset(String group, TopicPartition partition) throws Exception {
    org.apache.kafka.clients.consumer.OffsetAndMetadata committed = KafkaBroker.get().admin()
        .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition);
    return committed == null ? null : committed.offset();
  }

  @Test
  void anIdlePartitionDoesNotHoldTheWatermarkBack() throws Exception {
    KafkaBroker.get().createTopic("reader-idle", 2);
    KafkaBroker.get().send("reader-idle", 0, "k", "a", 50_000);
    KafkaBroker.get().send("reader-idle", 0, "k", "b", 60_000);
    TimestampPolicy<KafkaRecord<String, String>> policy = TimestampPolicy.<KafkaRecord<String, String>>eventTime(
        record -> new Instant(record.timestamp()), Duration.standardSeconds(1)).withIdleness(Duration.standardSeconds(10));
    KafkaUnboundedSource<String, String> source = source("reader-idle", KafkaIO.<String, String>read().withTimestampPolicy(policy));

    try (KafkaUnboundedReader<String, String> reader = source.createReader(null, null)) {
      startAndRead(reader, 2);
      assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, reader.getWatermark(), "partition 1 is not idle yet");

      clock.set(new Instant(105_000));
      KafkaBroker.get().send("reader-idle", 0, "k", "c", 95_000);
      readMore(reader, 1);
      clock.set(new Instant(110_000));

      // Partition 1 has been idle for 10 s; partition 0 had a record 5 s ago and governs.
      assertEquals(new Instant(94_000), reader.getWatermark());
    }
  }

  @Test
  void picksUpPartitionsAddedWhileRunning() throws Exception {
    KafkaBroker.get().createTopic("reader-grow", 1);
    KafkaBroker.get().send("reader-grow", 0, "k", "old", 1000);
    KafkaUnboundedSource<String, String> source = source("reader-grow",
        KafkaIO.<String, String>read().withPartitionDiscoveryInterval(Duration.standardSeconds(5)));

    try (KafkaUnboundedReader<String, String> reader = source.split(1, PipelineOptionsFactory.create()).get(0)
        .createReader(null, null)) {
      assertEquals(List.of("old"), startAndRead(reader, 1));
      KafkaBroker.get().addPartitions("reader-grow", 2);
      KafkaBroker.get().send("reader-grow", 1, "k", "new", 2000);
      clock.advance(Duration.standardSeconds(5));

      assertEquals(List.of("new"), readMore(reader, 1));
      assertTrue(reader.partitions().contains(new TopicPartition("reader-grow", 1)));
    }
  }

  @Test
  void dealsPartitionsToSplitsAndEachNewPartitionToExactlyOne() throws Exception {
    KafkaBroker.get().createTopic("reader-split", 5);
    List<KafkaUnboundedSource<String, String>> splits =
        source("reader-split", KafkaIO.read()).split(2, PipelineOptionsFactory.create());

    assertEquals(List.of(tp("reader-split", 0), tp("reader-split", 2), tp("reader-split", 4)), splits.get(0).assigned());
    assertEquals(List.of(tp("reader-split", 1), tp("reader-split", 3)), splits.get(1).assigned());
    for (int partition = 0; partition < 12; partition++) {
      TopicPartition candidate = tp("reader-split", partition);
      long owners = splits.stream().filter(split -> split.ownsNewPartition(candidate)).count();
      assertEquals(partition < 5 ? 0 : 1, owners, "owners of new partition " + partition);
    }
  }

  private static TopicPartition tp(String topic, int partition) {
    return new TopicPartition(topic, partition);
  }
}
