package dev.weir.io.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test broker: it starts, and topics can be created and grown on it. */
@ExtendWith(KafkaBroker.class)
class KafkaBrokerTest {
  @Test
  void createsAndGrowsTopics() throws Exception {
    KafkaBroker broker = KafkaBroker.get();
    broker.createTopic("broker-test", 2);
    broker.addPartitions("broker-test", 3);
    int partitions = broker.admin().describeTopics(java.util.List.of("broker-test")).allTopicNames().get()
        .get("broker-test").partitions().size();
    assertEquals(3, partitions);
  }
}
