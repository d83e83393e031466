package dev.weir.io.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The exactly-once sink driven by hand through the {@link TransactionalSink} protocol, as runners
 * drive it, including restarts (a new sink instance resuming) against the test broker.
 */
@ExtendWith(KafkaBroker.class)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KafkaExactlyOnceSinkTest {
  private static KafkaExactlyOnceSink<String, String> sink(String topic, int numShards) {
    WriteSpec<String, String> spec = WriteSpec.<String, String>builder()
        .setBootstrapServers(KafkaBroker.get().bootstrapServers())
        .setTopic(topic)
        .setKeySerializer(StringSerializer.class)
        .setValueSerializer(StringSerializer.class)
        .setNumShards(numShards)
        .setSinkGroupId(topic + "-sink")
        .build();
    return new KafkaExactlyOnceSink<>(spec);
  }

  /** Writes {@code values} as shard {@code shard} of transaction {@code txn}; returns its committable, coded and decoded. */
  private static ShardRecords prepare(KafkaExactlyOnceSink<String, String> sink, long txn, int shard, String... values)
      throws Exception {
    TransactionalSink.Writer<KV<String, String>, ShardRecords> writer = sink.openWriter(txn, shard);
    for (String value : values) {
      writer.write(KV.of("k", value), new Instant(0), GlobalWindow.INSTANCE, PaneInfo.NO_FIRING);
    }
    ShardRecords committable = writer.prepareCommit();
    return CoderUtils.decodeFromByteArray(sink.getCommittableCoder(),
        CoderUtils.encodeToByteArray(sink.getCommittableCoder(), committable));
  }

  private static List<String> committedValues(String topic) {
    List<String> values = new ArrayList<>();
    KafkaBroker.get().readCommitted(topic).forEach(kv -> values.add(kv.getValue()));
    values.sort(null);
    return values;
  }

  @Test
  void nothingIsVisibleBeforeTheCommit() throws Exception {
    KafkaBroker.get().createTopic("eos-invisible", 1);
    KafkaExactlyOnceSink<String, String> sink = sink("eos-invisible", 1);
    sink.startFresh();

    ShardRecords prepared = prepare(sink, 1, 0, "a");

    assertEquals(List.of(), committedValues("eos-invisible"));
    sink.commit(1, List.of(prepared));
    assertEquals(List.of("a"), committedValues("eos-invisible"));
  }

  @Test
  void committingATransactionTwiceWritesItOnce() throws Exception {
    KafkaBroker.get().createTopic("eos-twice", 2);
    KafkaExactlyOnceSink<String, String> sink = sink("eos-twice", 2);
    sink.startFresh();
    List<ShardRecords> transaction = List.of(prepare(sink, 1, 0, "a", "b"), prepare(sink, 1, 1, "c"));

    sink.commit(1, transaction);
    sink.commit(1, transaction);
    sink.commit(1, List.of(prepare(sink, 1, 0, "a re-run that lost")));

    assertEquals(List.of("a", "b", "c"), committedValues("eos-twice"));
  }

  @Test
  void resumeAfterARestartCommitsOnlyWhatWasNotCommitted() throws Exception {
    KafkaBroker.get().createTopic("eos-resume", 1);
    KafkaExactlyOnceSink<String, String> crashed = sink("eos-resume", 1);
    crashed.startFresh();
    ShardRecords first = prepare(crashed, 1, 0, "one");
    ShardRecords second = prepare(crashed, 2, 0, "two");
    crashed.commit(1, List.of(first));
    // The process dies here: transaction 2 is durable in the runner's log but was never committed.

    KafkaExactlyOnceSink<String, String> restarted = sink("eos-resume", 1);
    TreeMap<Long, List<ShardRecords>> pending = new TreeMap<>(Map.of(1L, List.of(first), 2L, List.of(second)));
    restarted.resume(pending);
    restarted.commit(2, List.of(second));

    assertEquals(List.of("one", "two"), committedValues("eos-resume"));
  }

  @Test
  void aReRunAfterAPartialCommitWritesEachRecordOnceHoweverItIsSpreadOverRunnerShards() throws Exception {
    KafkaBroker.get().createTopic("eos-partial", 1);
    KafkaExactlyOnceSink<String, String> crashed = sink("eos-partial", 2);
    crashed.startFresh();
    List<String> keys = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    List<ShardRecords.Entry> entries = new ArrayList<>();
    for (String key : keys) {
      entries.add(new ShardRecords.Entry(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          ("v-" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8), -1));
    }
    // The crash came after exactly-once shard 0 committed transaction 1 and before shard 1 did.
    List<ShardRecords.Entry> shardZero = entries.stream().filter(e -> KafkaExactlyOnceSink.shardOf(e, 2) == 0).toList();
    assertTrue(!shardZero.isEmpty() && shardZero.size() < keys.size(), "both shards have records");
    try (TransactionalShard shard = TransactionalShard.open(sinkSpec(crashed), 0, KafkaBroker.get().admin(), false)) {
      shard.commit(1, shardZero);
    }

    // The re-run of transaction 1 spreads the same records over runner shards differently.
    KafkaExactlyOnceSink<String, String> restarted = sink("eos-partial", 2);
    restarted.resume(new TreeMap<>());
    restarted.commit(1, List.of(new ShardRecords(0, entries.subList(0, 3)), new ShardRecords(1, entries.subList(3, 8))));

    List<String> expected = new ArrayList<>();
    keys.forEach(key -> expected.add("v-" + key));
    assertEquals(expected, committedValues("eos-partial"));
  }

  @Test
  void resumeDiscardsAKafkaTransactionLeftOpenByACrash() throws Exception {
    KafkaBroker.get().createTopic("eos-open", 1);
    KafkaExactlyOnceSink<String, String> sink = sink("eos-open", 1);
    sink.startFresh();
    sink.commit(1, List.of(prepare(sink, 1, 0, "kept")));
    // A commit of transaction 2 died half way: its Kafka transaction is open, with a record sent.
    try (Producer<String, String> dying = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.get().bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, TransactionalShard.groupId(sinkSpec(sink), 0),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      dying.initTransactions();
      dying.beginTransaction();
      dying.send(new ProducerRecord<>("eos-open", "k", "half-written")).get();

      KafkaExactlyOnceSink<String, String> restarted = sink("eos-open", 1);
      restarted.resume(new TreeMap<>());
      // An open transaction would hold back the last stable offset, hiding this commit from readers.
      restarted.commit(2, List.of(prepare(restarted, 2, 0, "after")));
    }

    assertEquals(List.of("after", "kept"), committedValues("eos-open"));
  }

  @Test
  void startingFreshForgetsTheTransactionsOfEarlierRuns() throws Exception {
    KafkaBroker.get().createTopic("eos-fresh", 1);
    KafkaExactlyOnceSink<String, String> earlier = sink("eos-fresh", 1);
    earlier.startFresh();
    earlier.commit(1, List.of(prepare(earlier, 1, 0, "run 1")));

    KafkaExactlyOnceSink<String, String> later = sink("eos-fresh", 1);
    later.startFresh();
    later.commit(1, List.of(prepare(later, 1, 0, "run 2")));

    assertEquals(List.of("run 1", "run 2"), committedValues("eos-fresh"));
  }

  private static WriteSpec<?, ?> sinkSpec(KafkaExactlyOnceSink<String, String> sink) {
    return sink.spec();
  }
}
