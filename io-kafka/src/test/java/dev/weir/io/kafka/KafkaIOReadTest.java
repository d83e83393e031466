package dev.weir.io.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.io.TimestampPolicy;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.metrics.MetricNameFilter;
import dev.weir.sdk.metrics.MetricResult;
import dev.weir.sdk.metrics.MetricsFilter;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptors;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code KafkaIO.read()} in pipelines on the test runner, against the test broker. */
@ExtendWith(KafkaBroker.class)
class KafkaIOReadTest {
  /** Every record the tests send is stamped before this, so a read stopping here is bounded. */
  private static final Instant STOP = new Instant(1_000_000);

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static KafkaIO.Read<String, String> read(String topic) {
    return KafkaIO.<String, String>read()
        .withBootstrapServers(KafkaBroker.get().bootstrapServers())
        .withTopic(topic)
        .withKeyDeserializer(StringDeserializer.class)
        .withValueDeserializer(StringDeserializer.class)
        .withConsumerConfigUpdates(java.util.Map.of("auto.offset.reset", "earliest"));
  }

  @Test
  void readsEveryRecordOfEveryPartition() throws Exception {
    KafkaBroker.get().createTopic("read-partitions", 3);
    List<KV<String, String>> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      KafkaBroker.get().send("read-partitions", i % 3, "k" + i, "v" + i, 1000 + i);
      expected.add(KV.of("k" + i, "v" + i));
    }

    KafkaIO.ReadResult<KV<String, String>> read = p.apply(read("read-partitions").withStopReadTime(STOP).withoutMetadata());

    PAssert.that(read.output()).containsInAnyOrder(expected);
    PAssert.that(read.deadLetters()).empty();
    p.run();
  }

  @Test
  // More records than the runner reads in 50 rounds: the direct runner then recreates the reader
  // from its coded checkpoint mark while reading (Read.Unbounded only; the bounded read skips that).
  void readsEveryRecordOnceWhileTheRunnerRestoresReadersFromCheckpointMarks() throws Exception {
    KafkaBroker.get().createTopic("read-many", 1);
    KafkaBroker.get().sendMany("read-many", 1, 60_000, 1000);
    KafkaIO.Read<String, String> read = read("read-many").withStopReadTime(STOP);
    KafkaUnboundedSource<String, String> source = new KafkaUnboundedSource<>(read.spec(),
        new ReadOutcome.OutcomeCoder<>(KafkaRecordCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));

    PCollection<String> values = p.apply(dev.weir.sdk.io.Read.from(source))
        .apply(MapElements.into(TypeDescriptors.strings()).via((ReadOutcome<String, String> o) -> o.record().value()));

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      expected.add(Integer.toString(i));
    }
    PAssert.that(values).containsInAnyOrder(expected);
    p.run();
  }

  @Test
  void stampsRecordsWithTheirCreateTimeAndKeepsTheirPosition() throws Exception {
    KafkaBroker.get().createTopic("read-metadata", 2);
    KafkaBroker.get().send("read-metadata", 0, "a", "first", 5000);
    KafkaBroker.get().send("read-metadata", 1, "b", "second", 7000);

    PCollection<KafkaRecord<String, String>> records =
        p.apply(read("read-metadata").withCreateTime(org.joda.time.Duration.ZERO).withStopReadTime(STOP)).output();
    PCollection<String> described = records.apply(MapElements.into(TypeDescriptors.strings())
        .via((KafkaRecord<String, String> r) -> r.topic() + "/" + r.partition() + "@" + r.offset() + " " + r.key() + "=" + r.value()
            + " t=" + r.timestamp()));
    PCollection<Long> timestamps = records.apply(ParDo.of(new TimestampFn()));

    PAssert.that(described).containsInAnyOrder("read-metadata/0@0 a=first t=5000", "read-metadata/1@0 b=second t=7000");
    PAssert.that(timestamps).containsInAnyOrder(5000L, 7000L);
    p.run();
  }

  @Test
  void sendsRecordsThatDoNotDeserializeToTheDeadLetters() throws Exception {
    KafkaBroker.get().createTopic("read-poison", 1);
    KafkaBroker.get().send("read-poison", 0, "good", ByteBuffer.allocate(4).putInt(42).array(), 1000);
    KafkaBroker.get().send("read-poison", 0, "poison", new byte[] {1, 2, 3}, 1001);
    KafkaBroker.get().send("read-poison", 0, "good", ByteBuffer.allocate(4).putInt(43).array(), 1002);

    KafkaIO.ReadResult<KV<String, Integer>> read = p.apply(KafkaIO.<String, Integer>read()
        .withBootstrapServers(KafkaBroker.get().bootstrapServers())
        .withTopic("read-poison")
        .withKeyDeserializer(StringDeserializer.class)
        .withValueDeserializer(IntegerDeserializer.class)
        .withConsumerConfigUpdates(java.util.Map.of("auto.offset.reset", "earliest"))
        .withStopReadTime(STOP)
        .withoutMetadata());

    PAssert.that(read.output()).containsInAnyOrder(KV.of("good", 42), KV.of("good", 43));
    PAssert.that(read.deadLetters().apply(MapElements.into(TypeDescriptors.strings())
        .via((KafkaDeadLetter d) -> d.topic() + "/" + d.partition() + "@" + d.offset() + " " + new String(d.key(),
            java.nio.charset.StandardCharsets.UTF_8) + " " + d.value().length + " " + d.error().contains(
            "value deserializer org.apache.kafka.common.serialization.IntegerDeserializer failed"))))
        .containsInAnyOrder("read-poison/0@1 poison 3 true");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    long counted = 0;
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(KafkaIO.class, "deserializationErrors")).build()).getCounters()) {
      counted += counter.getAttempted();
    }
    assertEquals(1, counted);
  }

  @Test
  void sendsRecordsWhoseEventTimeFailsToTheDeadLetters() throws Exception {
    KafkaBroker.get().createTopic("read-bad-time", 1);
    KafkaBroker.get().send("read-bad-time", 0, "k", "5000", 1000);
    KafkaBroker.get().send("read-bad-time", 0, "k", "no time", 1001);
    TimestampPolicy<KafkaRecord<String, String>> fromValue = TimestampPolicy.eventTime(
        record -> record.value().matches("[0-9]+") ? new Instant(Long.parseLong(record.value())) : null,
        org.joda.time.Duration.ZERO);

    KafkaIO.ReadResult<KafkaRecord<String, String>> read =
        p.apply(read("read-bad-time").withTimestampPolicy(fromValue).withStopReadTime(STOP));

    PAssert.that(read.output().apply(ParDo.of(new TimestampFn()))).containsInAnyOrder(5000L);
    PAssert.that(read.deadLetters().apply(MapElements.into(TypeDescriptors.strings())
        .via((KafkaDeadLetter d) -> d.offset() + " " + d.error().contains("event-time function returned null"))))
        .containsInAnyOrder("1 true");
    p.run();
  }

  @Test
  void readsAtMostMaxNumRecords() throws Exception {
    KafkaBroker.get().createTopic("read-max", 1);
    for (int i = 0; i < 20; i++) {
      KafkaBroker.get().send("read-max", 0, "k", "v" + i, 1000 + i);
    }

    PCollection<Long> count = p.apply(read("read-max").withMaxNumRecords(5)).output().apply(Count.globally());

    PAssert.thatSingleton(count).isEqualTo(5L);
    p.run();
  }

  @Test
  void startsAtStartReadTime() throws Exception {
    KafkaBroker.get().createTopic("read-start", 2);
    for (int i = 0; i < 10; i++) {
      KafkaBroker.get().send("read-start", i % 2, "k" + i, "v" + i, 1000 * i);
    }

    PCollection<KV<String, String>> read = p.apply(read("read-start")
        .withStartReadTime(new Instant(7000)).withStopReadTime(STOP).withoutMetadata()).output();

    PAssert.that(read).containsInAnyOrder(KV.of("k7", "v7"), KV.of("k8", "v8"), KV.of("k9", "v9"));
    p.run();
  }

  @Test
  void failsNamingATopicThatDoesNotExist() {
    p.apply(read("no-such-topic").withStopReadTime(STOP).withoutMetadata());

    RuntimeException e = assertThrows(RuntimeException.class, p::run);

    assertThat(rootMessage(e), containsString("topic 'no-such-topic' has no partitions"));
  }

  @Test
  void refusesAReadWithoutBootstrapServers() {
    KafkaIO.Read<String, String> read = KafkaIO.<String, String>read().withTopic("t")
        .withKeyDeserializer(StringDeserializer.class).withValueDeserializer(StringDeserializer.class);
    p.enableAbandonedNodeEnforcement(false);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.apply(read));

    assertThat(e.getMessage(), containsString("Fix: call withBootstrapServers"));
  }

  @Test
  void refusesCommittingOffsetsWithoutAGroup() {
    KafkaIO.Read<String, String> read = read("t").commitOffsetsInFinalize();
    p.enableAbandonedNodeEnforcement(false);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.apply(read));

    assertThat(e.getMessage(), containsString("no group.id is set"));
  }

  private static String rootMessage(Throwable e) {
    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }

  /** Each record's element timestamp, in epoch milliseconds. */
  static final class TimestampFn extends dev.weir.sdk.transforms.DoFn<KafkaRecord<String, String>, Long> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Timestamp Instant timestamp, OutputReceiver<Long> out) {
      out.output(timestamp.getMillis());
    }
  }
}
