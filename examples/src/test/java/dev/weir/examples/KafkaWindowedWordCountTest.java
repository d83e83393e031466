package dev.weir.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;

import dev.weir.io.kafka.KafkaBroker;
import dev.weir.sdk.values.KV;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Kafka word count from topic to topic, against io-kafka's test broker. */
@ExtendWith(KafkaBroker.class)
class KafkaWindowedWordCountTest {
  @Test
  void countsWordsPerWindowFromTopicToTopic() throws Exception {
    KafkaBroker broker = KafkaBroker.get();
    broker.createTopic("example-lines", 2);
    broker.createTopic("example-counts", 1);
    broker.send("example-lines", 0, null, "a b", 1_000);
    broker.send("example-lines", 1, null, "a", 2_000);
    broker.send("example-lines", 0, null, "b", 61_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    KafkaWindowedWordCount.run(new String[] {
        "--bootstrapServers=" + broker.bootstrapServers(), "--inputTopic=example-lines",
        "--outputTopic=example-counts", "--windowSeconds=60", "--stopReadTimeMillis=1000000",
        "--sinkGroupId=example-sink"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    assertThat(broker.readCommitted("example-counts"), containsInAnyOrder(
        KV.of("a", "[1970-01-01T00:00:00.000Z..1970-01-01T00:01:00.000Z) 2"),
        KV.of("b", "[1970-01-01T00:00:00.000Z..1970-01-01T00:01:00.000Z) 1"),
        KV.of("b", "[1970-01-01T00:01:00.000Z..1970-01-01T00:02:00.000Z) 1")));
    assertThat(out.toString(StandardCharsets.UTF_8), containsString("records that did not deserialize: 0"));
  }
}
