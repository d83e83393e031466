package dev.weir.io.kafka;

import static dev.weir.io.kafka.ReaderFixture.deleteBefore;
import static dev.weir.io.kafka.ReaderFixture.readMore;
import static dev.weir.io.kafka.ReaderFixture.startAndRead;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where a Kafka reader starts a partition it was not resumed in: the user's start rules, which the
 * reader applies itself since its consumer never resets a position. Records deleted before a
 * partition's start is chosen are not a loss.
 */
@ExtendWith(KafkaBroker.class)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReadBoundsTest {
  private final ManualWallClock clock = new ManualWallClock(new Instant(100_000));

  private KafkaUnboundedSource<String, String> source(String topic, Map<String, Object> consumerConfig) {
    return ReaderFixture.source(topic, KafkaIO.<String, String>read().withConsumerConfigUpdates(consumerConfig), clock);
  }

  /** Sends values "0" to "count - 1" to a new topic of one partition; each value is its offset. */
  private static void records(String topic, int count) throws Exception {
    KafkaBroker.get().createTopic(topic, 1);
    KafkaBroker.get().sendMany(topic, 1, count, 1000);
  }

  private static void commit(String group, String topic, long offset) throws Exception {
    KafkaBroker.get().admin().alterConsumerGroupOffsets(group,
        Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset))).all().get();
  }

  @Test
  void earliestStartsAtTheFirstOffsetTheLogStillHolds() throws Exception {
    records("start-earliest", 5);
    deleteBefore("start-earliest", 0, 3);

    try (KafkaUnboundedReader<String, String> reader =
        source("start-earliest", Map.of("auto.offset.reset", "earliest")).createReader(null, null)) {
      assertEquals(List.of("3", "4"), startAndRead(reader, 2));
    }
  }

  @Test
  void latestIsTheDefaultAndStartsAfterTheRecordsAlreadyThere() throws Exception {
    records("start-latest", 3);
    KafkaUnboundedSource<String, String> source =
        ReaderFixture.sourceWithOwnReset("start-latest", KafkaIO.<String, String>read(), clock);

    try (KafkaUnboundedReader<String, String> reader = source.createReader(null, null)) {
      assertFalse(reader.start());
      KafkaBroker.get().send("start-latest", 0, "k", "new", 2000);

      assertEquals(List.of("new"), readMore(reader, 1));
    }
  }

  @Test
  void aCommittedOffsetTheLogHoldsIsWhereTheGroupResumes() throws Exception {
    records("start-committed", 5);
    commit("start-committed-group", "start-committed", 2);

    try (KafkaUnboundedReader<String, String> reader = source("start-committed",
        Map.of("group.id", "start-committed-group", "auto.offset.reset", "earliest")).createReader(null, null)) {
      assertEquals(List.of("2", "3", "4"), startAndRead(reader, 3));
    }
  }

  @Test
  void aCommittedOffsetTheLogNoLongerHoldsGivesWayToAutoOffsetReset() throws Exception {
    records("start-committed-deleted", 6);
    commit("start-committed-deleted-group", "start-committed-deleted", 1);
    deleteBefore("start-committed-deleted", 0, 4);

    try (KafkaUnboundedReader<String, String> reader = source("start-committed-deleted",
        Map.of("group.id", "start-committed-deleted-group", "auto.offset.reset", "earliest")).createReader(null, null)) {
      assertEquals(List.of("4", "5"), startAndRead(reader, 2));
    }
  }

  @Test
  void byDurationStartsAtTheFirstRecordStampedWithinTheDuration() throws Exception {
    KafkaBroker.get().createTopic("start-by-duration", 1);
    KafkaBroker.get().send("start-by-duration", 0, "k", "old", 1000);
    KafkaBroker.get().send("start-by-duration", 0, "k", "recent", System.currentTimeMillis());

    try (KafkaUnboundedReader<String, String> reader = source("start-by-duration",
        Map.of("auto.offset.reset", "by_duration:PT1H")).createReader(null, null)) {
      assertEquals(List.of("recent"), startAndRead(reader, 1));
    }
  }

  @Test
  void noneFailsWithoutACommittedOffset() throws Exception {
    records("start-none", 1);

    try (KafkaUnboundedReader<String, String> reader =
        source("start-none", Map.of("auto.offset.reset", "none")).createReader(null, null)) {
      NoOffsetForPartitionException failure = assertThrows(NoOffsetForPartitionException.class, reader::start);
      assertThat(failure.getMessage(), containsString("start-none-0"));
    }
  }

  @Test
  void anUnknownOffsetResetFailsNamingTheValueAndTheStrategies() throws Exception {
    records("start-unknown", 1);

    try (KafkaUnboundedReader<String, String> reader =
        source("start-unknown", Map.of("auto.offset.reset", "smallest")).createReader(null, null)) {
      IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, reader::start);
      assertThat(failure.getMessage(), allOf(containsString("auto.offset.reset=smallest is not one of Kafka's"),
          containsString("latest, earliest, none or by_duration:<ISO-8601 duration>")));
    }
  }

  @Test
  void aByDurationThatIsNoDurationFailsWithAnExample() throws Exception {
    records("start-bad-duration", 1);

    try (KafkaUnboundedReader<String, String> reader =
        source("start-bad-duration", Map.of("auto.offset.reset", "by_duration:1h")).createReader(null, null)) {
      IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, reader::start);
      assertThat(failure.getMessage(), allOf(containsString("auto.offset.reset=by_duration:1h"),
          containsString("by_duration:PT1H")));
    }
  }
}
