package dev.weir.examples.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.io.kafka.KafkaBroker;
import dev.weir.io.synthetic.Event;
import dev.weir.sdk.testing.ChildJvm;
import dev.weir.sdk.testing.CrashTester;
import dev.weir.sdk.values.KV;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end Kafka crash test (issue 8) on both streaming runners: {@link KafkaChaosPipeline}
 * reads a topic of four partitions, keeps a running total per key and writes the totals to another
 * topic with {@code withEOS}, in a child JVM that is killed with {@code SIGKILL} three times and
 * restarted from its {@code --checkpointDir} each time, against io-kafka's test broker (its own
 * process, so it outlives the kills). A {@code read_committed} consumer of the output topic must
 * then see every record of an uninterrupted run exactly once ({@link ChaosChecker}).
 *
 * <p>Input: record {@code i} of {@value #RECORDS} belongs to key {@code i % keys} with sequence
 * number {@code i / keys} and the demonstration pipeline's amount, and a key's consecutive records
 * go to different partitions, so the running totals only come out right if the reads of all
 * partitions resume exactly where the committed state left them.
 */
@ExtendWith(KafkaBroker.class)
class KafkaCrashTest {
  static final int RECORDS = 12_000;
  static final int KEYS = 16;
  static final int PARTITIONS = 4;
  static final int KILLS = 3;
  /** Records per second per instance of the pacing step: an uninterrupted run takes about 12 seconds. */
  static final long RATE = 1_000;
  /** Every input record is stamped before this; the pipeline reads each partition up to it. */
  private static final long STOP_READ_TIME_MILLIS = 1_000_000;

  @TempDir
  Path work;

  @Test
  void readCommittedConsumerSeesEachRecordOnceAfterThreeKillsOnMicroBatchRunner() throws Exception {
    // Small batches, so that kills fall between, during and after the commits of many batches.
    assertExactlyOnceAfterKills("MicroBatchRunner", 5, "--parallelism=2", "--maxRecordsPerBatch=500");
  }

  @Test
  void readCommittedConsumerSeesEachRecordOnceAfterThreeKillsOnContinuousRunner() throws Exception {
    // Checkpoints every 300 ms, so that kills fall before, during and after several of them.
    assertExactlyOnceAfterKills("ContinuousRunner", 6, "--parallelism=2", "--checkpointInterval=300");
  }

  private void assertExactlyOnceAfterKills(String runner, long seed, String... runnerFlags) throws Exception {
    KafkaBroker broker = KafkaBroker.get();
    String name = "crash-" + runner.toLowerCase(Locale.ROOT);
    String input = name + "-input";
    String output = name + "-output";
    broker.createTopic(input, PARTITIONS);
    broker.createTopic(output, 2);
    writeInput(broker, input);
    List<Integer> committedAfterRun = new ArrayList<>();
    CrashTester tester = CrashTester.of(child(broker, runner, input, output, runnerFlags))
        .withKills(KILLS)
        .withSeed(seed)
        .withKillSignal(Pattern.compile("^" + Pattern.quote(KafkaChaosPipeline.RUNNING) + "$"), 1)
        .withKillDelay(Duration.millis(1000), Duration.millis(4000))
        .withTimeoutPerRun(Duration.standardSeconds(90))
        .withAfterEachRun(run -> committedAfterRun.add(broker.readCommitted(output).size()));

    CrashTester.Result result;
    try {
      result = tester.run();
    } catch (AssertionError failed) {
      // What the consumer sees so far often tells why a run failed or ended early.
      ChaosChecker.Report report = check(broker, output);
      throw new AssertionError(failed.getMessage() + "\nrecords committed after each run " + committedAfterRun
          + ", the output topic now: lost=" + report.lost() + " duplicated=" + report.duplicated() + " wrong="
          + report.wrong() + "\n" + String.join("\n", report.problems()), failed);
    }

    ChaosChecker.Report report = check(broker, output);
    String details = "runner " + runner + ", kill plan " + tester.plan() + ", records committed after each run "
        + committedAfterRun + "\n" + String.join("\n", report.problems()) + "\nruns:\n" + describe(result);
    assertEquals("lost=0 duplicated=0 wrong=0",
        "lost=" + report.lost() + " duplicated=" + report.duplicated() + " wrong=" + report.wrong(), details);
    assertTrue(killedWhilePartlyCommitted(result, committedAfterRun),
        "no kill came while part of the output was committed, so resuming was not tested: " + details);
  }

  private static ChaosChecker.Report check(KafkaBroker broker, String output) {
    return ChaosChecker.checkLines("topic " + output, lines(broker.readCommitted(output)), RECORDS, KEYS);
  }

  private ChildJvm.Spec child(KafkaBroker broker, String runner, String input, String output, String... runnerFlags) {
    List<String> args = new ArrayList<>(List.of("--runner=" + runner,
        "--bootstrapServers=" + broker.bootstrapServers(), "--inputTopic=" + input, "--outputTopic=" + output,
        "--stopReadTimeMillis=" + STOP_READ_TIME_MILLIS, "--sinkGroupId=" + output + "-sink",
        "--checkpointDir=" + work.resolve("checkpoints"), "--rate=" + RATE));
    args.addAll(List.of(runnerFlags));
    return ChildJvm.of(KafkaChaosPipeline.class).withMaxHeap("512m").withArgs(args);
  }

  /** Writes the input records, each stamped {@code 1 + i} ms, through one idempotent producer. */
  private static void writeInput(KafkaBroker broker, String topic) throws Exception {
    try (Producer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      List<Future<?>> sent = new ArrayList<>();
      for (long i = 0; i < RECORDS; i++) {
        long seq = TotalLine.seqOf(i, KEYS);
        sent.add(producer.send(new ProducerRecord<>(topic, (int) (seq % PARTITIONS), 1 + i,
            "k" + TotalLine.keyOf(i, KEYS), seq + " " + TotalLine.amountOf(Event.of(i)))));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    }
  }

  /** The output values, with a record filed under another key than its line's marked as wrong. */
  private static List<String> lines(List<KV<String, String>> records) {
    List<String> lines = new ArrayList<>();
    for (KV<String, String> record : records) {
      String value = record.getValue();
      boolean keyed = value != null && value.startsWith(record.getKey() + " ");
      lines.add(keyed ? value : "under key " + record.getKey() + ": " + value);
    }
    return lines;
  }

  private static boolean killedWhilePartlyCommitted(CrashTester.Result result, List<Integer> committedAfterRun) {
    for (int run = 0; run < result.runs().size(); run++) {
      int committed = committedAfterRun.get(run);
      if (result.runs().get(run).killed() && committed > 0 && committed < RECORDS) {
        return true;
      }
    }
    return false;
  }

  private static String describe(CrashTester.Result result) {
    StringBuilder text = new StringBuilder();
    for (CrashTester.Run run : result.runs()) {
      text.append(run).append('\n');
    }
    return text.toString();
  }
}
