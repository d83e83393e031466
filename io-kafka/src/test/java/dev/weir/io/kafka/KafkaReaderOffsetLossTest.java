package dev.weir.io.kafka;

import static dev.weir.io.kafka.ReaderFixture.coded;
import static dev.weir.io.kafka.ReaderFixture.deleteBefore;
import static dev.weir.io.kafka.ReaderFixture.nextOffset;
import static dev.weir.io.kafka.ReaderFixture.readMore;
import static dev.weir.io.kafka.ReaderFixture.startAndRead;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.metrics.MetricName;
import dev.weir.sdk.metrics.MetricsEnvironment;
import dev.weir.sdk.options.PipelineOptionsFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.common.errors.TopicExistsException;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Offsets a Kafka reader was due to read that the broker deleted first (retention, or
 * {@code AdminClient.deleteRecords}): the read fails by default, and with
 * {@code withFailOnDataLoss(false)} skips them with a warning and a count.
 */
@ExtendWith(KafkaBroker.class)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KafkaReaderOffsetLossTest {
  private static final MetricName LOST = MetricName.named(KafkaIO.class, OffsetLossCheck.LOST_OFFSETS);
  /** One record per fetch: a reader then has at most one record beyond its position fetched. */
  private static final Map<String, Object> ONE_RECORD_PER_FETCH =
      Map.of("max.partition.fetch.bytes", 1, "fetch.max.bytes", 1);

  private final ManualWallClock clock = new ManualWallClock(new Instant(100_000));
  private final Logger log = Logger.getLogger(OffsetLossCheck.class.getName());
  private final List<String> warnings = new ArrayList<>();
  private final Handler warningCollector = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (warnings) {
        warnings.add(record.getLevel() + " " + record.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void collectWarnings() {
    log.addHandler(warningCollector);
  }

  @AfterEach
  void stopCollectingWarnings() {
    log.removeHandler(warningCollector);
  }

  /** Sends values "0" to "19" to a new topic of two partitions: even values to 0, odd to 1, offset = value / 2. */
  private static void twentyRecords(String topic) throws Exception {
    KafkaBroker.get().createTopic(topic, 2);
    KafkaBroker.get().sendMany(topic, 2, 20, 1000);
  }

  /** Reads 4 records of {@code topic} from the start and returns the coded mark after them. */
  private KafkaCheckpointMark markAfterFourRecords(KafkaUnboundedSource<String, String> source, List<String> read)
      throws Exception {
    try (KafkaUnboundedReader<String, String> first = source.createReader(null, null)) {
      read.addAll(startAndRead(first, 4));
      return coded(source, first.getCheckpointMark());
    }
  }

  @Test
  void resumingPastDeletedRecordsFailsNamingThePartitionTheLostOffsetsAndTheFix() throws Exception {
    twentyRecords("loss-resume");
    KafkaUnboundedSource<String, String> source = ReaderFixture.source("loss-resume", KafkaIO.read(), clock);
    KafkaCheckpointMark mark = markAfterFourRecords(source, new ArrayList<>());
    long due = nextOffset(mark, "loss-resume", 0);
    deleteBefore("loss-resume", 0, due + 3);

    try (KafkaUnboundedReader<String, String> resumed = source.createReader(null, mark)) {
      IllegalStateException failure = assertThrows(IllegalStateException.class, resumed::start);

      assertThat(failure.getMessage(), allOf(
          containsString("offsets [" + due + ", " + (due + 3) + ") of topic-partition loss-resume-0 no longer exist"),
          containsString("the earliest offset the partition still holds is " + (due + 3)),
          containsString("retention"), containsString("AdminClient.deleteRecords"),
          containsString("--checkpointDir"), containsString("KafkaIO.read().withFailOnDataLoss(false)")));
    }
  }

  @Test
  void withoutFailOnDataLossAResumedReaderSkipsToTheEarliestOffsetAndCountsTheSkippedOffsets() throws Exception {
    twentyRecords("loss-resume-skip");
    KafkaUnboundedSource<String, String> source =
        ReaderFixture.source("loss-resume-skip", KafkaIO.<String, String>read().withFailOnDataLoss(false), clock);
    List<String> read = new ArrayList<>();
    KafkaCheckpointMark mark = markAfterFourRecords(source, read);
    long due = nextOffset(mark, "loss-resume-skip", 0);
    deleteBefore("loss-resume-skip", 0, due + 3);
    List<String> expected = new ArrayList<>();
    for (int value = 0; value < 20; value++) {
      boolean deleted = value % 2 == 0 && value / 2 >= due && value / 2 < due + 3;
      if (!deleted && !read.contains(Integer.toString(value))) {
        expected.add(Integer.toString(value));
      }
    }
    CountingMetricsContainer metrics = new CountingMetricsContainer();

    try (KafkaUnboundedReader<String, String> resumed = source.createReader(null, mark);
        MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(metrics)) {
      List<String> rest = startAndRead(resumed, expected.size());

      assertEquals(sorted(expected), sorted(rest));
      assertEquals(10, nextOffset(resumed.getCheckpointMark(), "loss-resume-skip", 0));
      assertEquals(10, nextOffset(resumed.getCheckpointMark(), "loss-resume-skip", 1));
    }
    assertEquals(3, metrics.count(LOST));
    assertThat(warnings, hasItem(allOf(containsString("WARNING"),
        containsString("skipped offsets [" + due + ", " + (due + 3) + ") of topic-partition loss-resume-skip-0"))));
  }

  /** Sends "0" to "9" to a new topic of one partition, one record per batch, so that each fetch gets one. */
  private static void tenSingleRecordBatches(String topic) throws Exception {
    KafkaBroker.get().createTopic(topic, 1);
    for (int i = 0; i < 10; i++) {
      KafkaBroker.get().send(topic, 0, "k", Integer.toString(i), 1000 + i);
    }
  }

  @Test
  void aReaderThatFallsBehindRetentionWhileReadingFails() throws Exception {
    tenSingleRecordBatches("loss-running");
    KafkaUnboundedSource<String, String> source = ReaderFixture.source("loss-running",
        KafkaIO.<String, String>read().withConsumerConfigUpdates(ONE_RECORD_PER_FETCH), clock);

    try (KafkaUnboundedReader<String, String> reader = source.createReader(null, null)) {
      assertEquals(List.of("0", "1", "2"), startAndRead(reader, 3));
      deleteBefore("loss-running", 0, 8);
      // The record after the position may already have been fetched; it is delivered before the loss shows.
      List<String> fetchedBefore = new ArrayList<>();
      IllegalStateException failure = assertThrows(IllegalStateException.class, () -> {
        while (true) {
          if (reader.advance()) {
            fetchedBefore.add(reader.getCurrent().record().value());
          }
        }
      });

      long due = 3 + fetchedBefore.size();
      assertTrue(due < 8, "the loss was found before offset 8, at " + due);
      assertThat(failure.getMessage(), containsString("offsets [" + due + ", 8) of topic-partition loss-running-0"));
    }
  }

  @Test
  void withoutFailOnDataLossAReaderThatFallsBehindRetentionSkipsAndCounts() throws Exception {
    tenSingleRecordBatches("loss-running-skip");
    KafkaUnboundedSource<String, String> source = ReaderFixture.source("loss-running-skip",
        KafkaIO.<String, String>read().withConsumerConfigUpdates(ONE_RECORD_PER_FETCH).withFailOnDataLoss(false), clock);
    CountingMetricsContainer metrics = new CountingMetricsContainer();

    List<String> read = new ArrayList<>();
    try (KafkaUnboundedReader<String, String> reader = source.createReader(null, null);
        MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(metrics)) {
      read.addAll(startAndRead(reader, 3));
      deleteBefore("loss-running-skip", 0, 8);
      while (!read.contains("9")) {
        read.addAll(readMore(reader, 1));
      }
    }

    // Whatever was fetched before the deletion arrives; the offsets from there to 8 are skipped.
    long due = read.stream().mapToInt(Integer::parseInt).filter(value -> value < 8).max().orElseThrow() + 1;
    List<String> expected = new ArrayList<>();
    for (int value = 0; value < 10; value++) {
      if (value < due || value >= 8) {
        expected.add(Integer.toString(value));
      }
    }
    assertEquals(expected, read);
    assertTrue(due < 8, "offsets were skipped");
    assertEquals(8 - due, metrics.count(LOST));
    assertThat(warnings, hasItem(containsString("skipped offsets [" + due + ", 8) of topic-partition loss-running-skip-0")));
  }

  @Test
  void aPartitionAddedWhileReadingWhoseFirstRecordsWereDeletedFails() throws Exception {
    KafkaBroker.get().createTopic("loss-discovered", 1);
    KafkaUnboundedSource<String, String> source = ReaderFixture.source("loss-discovered",
        KafkaIO.<String, String>read().withPartitionDiscoveryInterval(Duration.standardSeconds(5)), clock);

    try (KafkaUnboundedReader<String, String> reader = source.split(1, PipelineOptionsFactory.create()).get(0)
        .createReader(null, null)) {
      reader.start();
      KafkaBroker.get().addPartitions("loss-discovered", 2);
      for (int i = 0; i < 3; i++) {
        KafkaBroker.get().send("loss-discovered", 1, "k", "new-" + i, 2000 + i);
      }
      deleteBefore("loss-discovered", 1, 2);
      clock.advance(Duration.standardSeconds(5));

      IllegalStateException failure = assertThrows(IllegalStateException.class, () -> readMore(reader, 1));
      assertThat(failure.getMessage(), containsString("offsets [0, 2) of topic-partition loss-discovered-1"));
    }
  }

  /** Reads 6 of 10 records of a new topic, then deletes the topic and creates it again with 2 records. */
  private KafkaCheckpointMark markBeforeTheTopicIsCreatedAgain(String topic, KafkaUnboundedSource<String, String> source)
      throws Exception {
    KafkaBroker.get().createTopic(topic, 1);
    KafkaBroker.get().sendMany(topic, 1, 10, 1000);
    KafkaCheckpointMark mark;
    try (KafkaUnboundedReader<String, String> first = source.createReader(null, null)) {
      startAndRead(first, 6);
      mark = coded(source, first.getCheckpointMark());
    }
    KafkaBroker.get().admin().deleteTopics(List.of(topic)).all().get();
    // The broker may still be removing the old topic; each attempt waits for the broker's answer.
    boolean created = created(topic);
    while (!created) {
      created = created(topic);
    }
    KafkaBroker.get().sendMany(topic, 1, 2, 2000);
    return mark;
  }

  private static boolean created(String topic) throws Exception {
    try {
      KafkaBroker.get().createTopic(topic, 1);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw e;
    }
  }

  @Test
  void resumingInATopicCreatedAgainBehindTheMarkFails() throws Exception {
    KafkaUnboundedSource<String, String> source = ReaderFixture.source("loss-recreated", KafkaIO.read(), clock);
    KafkaCheckpointMark mark = markBeforeTheTopicIsCreatedAgain("loss-recreated", source);

    try (KafkaUnboundedReader<String, String> resumed = source.createReader(null, mark)) {
      IllegalStateException failure = assertThrows(IllegalStateException.class, () -> startAndRead(resumed, 1));
      assertThat(failure.getMessage(), allOf(
          containsString("topic-partition loss-recreated-0 ends at offset 2, before offset 6"),
          containsString("deleted and created again"), containsString("withFailOnDataLoss(false)")));
    }
  }

  @Test
  void withoutFailOnDataLossAReaderResumedInATopicCreatedAgainReadsOnFromItsEnd() throws Exception {
    KafkaUnboundedSource<String, String> source = ReaderFixture.source("loss-recreated-skip",
        KafkaIO.<String, String>read().withFailOnDataLoss(false), clock);
    KafkaCheckpointMark mark = markBeforeTheTopicIsCreatedAgain("loss-recreated-skip", source);

    String warning = "topic-partition loss-recreated-skip-0 ends at offset 2, before offset 6";
    try (KafkaUnboundedReader<String, String> resumed = source.createReader(null, mark)) {
      boolean available = resumed.start();
      while (!warned(warning)) {
        available |= resumed.advance();
      }
      KafkaBroker.get().send("loss-recreated-skip", 0, "k", "after", 3000);

      assertFalse(available, "nothing to read before the fetch found the position out of range");
      assertEquals(List.of("after"), readMore(resumed, 1));
    }
  }

  private boolean warned(String text) {
    synchronized (warnings) {
      return warnings.stream().anyMatch(warning -> warning.contains(text));
    }
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }
}
