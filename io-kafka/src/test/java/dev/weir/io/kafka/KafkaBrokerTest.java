package dev.weir.io.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test broker: it starts, topics can be created and grown on it, and it keeps their records. */
@ExtendWith(KafkaBroker.class)
class KafkaBrokerTest {
  private static final long RETENTION_PASS_TIMEOUT_MILLIS = 60_000;

  @Test
  void createsAndGrowsTopics() throws Exception {
    KafkaBroker broker = KafkaBroker.get();
    broker.createTopic("broker-test", 2);
    broker.addPartitions("broker-test", 3);
    int partitions = broker.admin().describeTopics(List.of("broker-test")).allTopicNames().get()
        .get("broker-test").partitions().size();
    assertEquals(3, partitions);
  }

  @Test
  // Tests stamp records in 1970, far beyond Kafka's default retention of 7 days: a retention pass
  // deleting them while a test reads them ended KafkaIOReadTest's reads early under load.
  void keepsRecordsStampedLongAgoThroughRetentionPasses() throws Exception {
    KafkaBroker broker = KafkaBroker.get();
    TopicPartition old = new TopicPartition("broker-old-records", 0);
    broker.createTopic(old.topic(), 1);
    broker.sendMany(old.topic(), 1, 100, 1000);

    awaitWholeRetentionPass(broker);

    assertEquals(0L, offset(broker, old, OffsetSpec.earliest()), "first offset of " + old);
    assertEquals(100L, offset(broker, old, OffsetSpec.latest()), "end offset of " + old);
  }

  /**
   * Returns once a whole retention pass ran after this call began: passes run one at a time, each
   * deleting the record of a canary topic whose own retention is 1 ms; the pass deleting the
   * first canary record may have begun earlier, the one deleting the second may have seen the
   * canary early, so only after the third deletion is a whole later pass sure to have run.
   */
  private static void awaitWholeRetentionPass(KafkaBroker broker) throws Exception {
    TopicPartition canary = new TopicPartition("broker-retention-canary", 0);
    broker.admin().createTopics(List.of(new NewTopic(canary.topic(), 1, (short) 1)
        .configs(Map.of("retention.ms", "1")))).all().get();
    for (long sent = 1; sent <= 3; sent++) {
      broker.send(canary.topic(), 0, "canary", "deleted by the next retention pass", 1000);
      awaitFirstOffset(broker, canary, sent);
    }
  }

  private static void awaitFirstOffset(KafkaBroker broker, TopicPartition partition, long expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETENTION_PASS_TIMEOUT_MILLIS);
    while (offset(broker, partition, OffsetSpec.earliest()) < expected) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("No retention pass deleted the records of " + partition + " before offset " + expected
            + " within " + RETENTION_PASS_TIMEOUT_MILLIS + " ms; the test broker should run one every "
            + KafkaBroker.RETENTION_CHECK_MILLIS + " ms (log.retention.check.interval.ms)");
      }
      // The interval between probes of the condition, a fraction of the time between passes.
      TimeUnit.MILLISECONDS.sleep(KafkaBroker.RETENTION_CHECK_MILLIS / 10);
    }
  }

  private static long offset(KafkaBroker broker, TopicPartition partition, OffsetSpec spec) throws Exception {
    return broker.admin().listOffsets(Map.of(partition, spec)).partitionResult(partition).get().offset();
  }
}
