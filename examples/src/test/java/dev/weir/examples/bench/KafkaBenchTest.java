package dev.weir.examples.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.io.kafka.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** kafka-bench against io-kafka's test broker: the events come from a topic, the rows go to one. */
@ExtendWith(KafkaBroker.class)
class KafkaBenchTest {
  @Test
  void w1FromATopicToATopicGivesThePlainLoopsAnswer() throws Exception {
    KafkaBroker broker = KafkaBroker.get();
    broker.createTopic("bench-events", 3);
    broker.createTopic("bench-rows", 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = KafkaBench.run(new String[] {
        "--bootstrapServers=" + broker.bootstrapServers(), "--inputTopic=bench-events",
        "--outputTopic=bench-rows", "--workload=W1", "--n=20000", "--produce", "--verify",
        "--sinkGroupId=bench-sink"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed);
    assertTrue(printed.contains("verify=ok"), printed);
    long rows = Long.parseLong(printed.replaceAll("(?s).* rows=(\\d+) .*", "$1"));
    assertThat(broker.readCommitted("bench-rows"), hasSize((int) rows));
  }
}
