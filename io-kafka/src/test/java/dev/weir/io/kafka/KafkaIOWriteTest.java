package dev.weir.io.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code KafkaIO.write()} in pipelines on the test runner, against the test broker. */
@ExtendWith(KafkaBroker.class)
class KafkaIOWriteTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static KafkaIO.Write<String, String> write(String topic) {
    return KafkaIO.<String, String>write()
        .withBootstrapServers(KafkaBroker.get().bootstrapServers())
        .withTopic(topic)
        .withKeySerializer(StringSerializer.class)
        .withValueSerializer(StringSerializer.class);
  }

  private PCollection<KV<String, String>> elements(int count, List<KV<String, String>> expected) {
    for (int i = 0; i < count; i++) {
      expected.add(KV.of("k" + i, "v" + i));
    }
    return p.apply(Create.of(expected).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
  }

  @Test
  void writesEachElementOnceWithTheIdempotentProducer() throws Exception {
    KafkaBroker.get().createTopic("write-plain", 2);
    List<KV<String, String>> expected = new ArrayList<>();

    elements(100, expected).apply(write("write-plain"));
    p.run();

    assertThat(KafkaBroker.get().readCommitted("write-plain"), containsInAnyOrder(expected.toArray()));
  }

  @Test
  void writesEachElementOnceInTransactions() throws Exception {
    KafkaBroker.get().createTopic("write-eos", 2);
    List<KV<String, String>> expected = new ArrayList<>();

    elements(100, expected).apply(write("write-eos").withEOS(2, "write-eos-sink"));
    p.run();

    assertThat(KafkaBroker.get().readCommitted("write-eos"), containsInAnyOrder(expected.toArray()));
  }

  @Test
  void refusesAWriteWithoutATopic() {
    p.enableAbandonedNodeEnforcement(false);
    KafkaIO.Write<String, String> write = KafkaIO.<String, String>write().withBootstrapServers("localhost:1")
        .withKeySerializer(StringSerializer.class).withValueSerializer(StringSerializer.class);
    PCollection<KV<String, String>> input = elements(1, new ArrayList<>());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> input.apply(write));

    assertThat(e.getMessage(), containsString("no topic. Fix: call withTopic"));
  }

  @Test
  void refusesExactlyOnceWithoutShards() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write("t").withEOS(0, "g"));

    assertThat(e.getMessage(), containsString("the number of shards must be positive"));
  }
}
