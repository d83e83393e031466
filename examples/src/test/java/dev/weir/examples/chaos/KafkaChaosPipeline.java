package dev.weir.examples.chaos;

import dev.weir.io.kafka.KafkaIO;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.options.Validation;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.joda.time.Instant;

/**
 * The Kafka crash test's pipeline, run in a child JVM and killed: reads the input topic's records
 * {@code k<key>} → {@code "<seq> <amount>"} ({@code read_committed}, from the start of every
 * partition up to {@code --stopReadTimeMillis}, so the run ends by itself), keeps a running total
 * per key ({@link RunningTotalFn}, state), and writes each line {@code k<key> <seq> <amount>
 * <total>} under its key to the output topic with {@code KafkaIO.write().withEOS(..)}. With
 * {@code --rate}, a pacing step stretches the run so that kills land while it still has work, as the
 * generator's rate does in {@link ChaosPipeline}.
 *
 * <p>Prints {@value #RUNNING} just before the pipeline runs (the moment kill delays count from) and
 * {@value #DONE} when it has finished. Runner flags ({@code --runner}, {@code --checkpointDir}, ...)
 * go alongside its own.
 */
public final class KafkaChaosPipeline {
  /** The line printed just before the pipeline runs. */
  public static final String RUNNING = "kafka-chaos: running";
  /** The line printed once the pipeline has finished. */
  public static final String DONE = "kafka-chaos: done";

  /** The flags of the pipeline; a runner's flags may be given alongside them. */
  public interface Options extends PipelineOptions {
    @Description("Kafka brokers, host:port[,host:port...]")
    @Validation.Required
    String getBootstrapServers();

    void setBootstrapServers(String value);

    @Description("Topic of the input records")
    @Validation.Required
    String getInputTopic();

    void setInputTopic(String value);

    @Description("Topic the running totals are written to")
    @Validation.Required
    String getOutputTopic();

    void setOutputTopic(String value);

    @Description("Each partition is read up to its first record stamped at or after this time (ms since the epoch)")
    @Validation.Required
    Long getStopReadTimeMillis();

    void setStopReadTimeMillis(Long value);

    @Description("Exactly-once shards of the sink (Kafka transactional producers)")
    @Default.Integer(2)
    Integer getNumShards();

    void setNumShards(Integer value);

    @Description("The sink's group id: names its transactional ids and commit markers; keep it across restarts")
    @Validation.Required
    String getSinkGroupId();

    void setSinkGroupId(String value);

    @Description("Records per second each instance of the pacing step lets through at most; 0 for no limit")
    @Default.Long(0)
    Long getRate();

    void setRate(Long value);

    @Description("Write with the default idempotent producer instead of withEOS (at least once), to show what"
        + " the crash test catches")
    @Default.Boolean(false)
    Boolean getAtLeastOnce();

    void setAtLeastOnce(Boolean value);
  }

  private KafkaChaosPipeline() {}

  /** Runs the pipeline with {@code args} until it finishes. */
  public static void main(String[] args) {
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    Pipeline p = Pipeline.create(options);
    KafkaIO.Write<String, String> write = KafkaIO.<String, String>write()
        .withBootstrapServers(options.getBootstrapServers())
        .withTopic(options.getOutputTopic())
        .withKeySerializer(StringSerializer.class)
        .withValueSerializer(StringSerializer.class);
    if (!options.getAtLeastOnce()) {
      write = write.withEOS(options.getNumShards(), options.getSinkGroupId());
    }
    p.apply("ReadInput", KafkaIO.<String, String>read()
            .withBootstrapServers(options.getBootstrapServers())
            .withTopic(options.getInputTopic())
            .withKeyDeserializer(StringDeserializer.class)
            .withValueDeserializer(StringDeserializer.class)
            .withConsumerConfigUpdates(Map.of("auto.offset.reset", "earliest"))
            .withReadCommitted()
            .withStartReadTime(new Instant(0))
            .withStopReadTime(new Instant(options.getStopReadTimeMillis()))
            .withoutMetadata())
        .output()
        .apply("Pace", ParDo.of(new PaceFn<>(options.getRate())))
        .apply("SequenceAndAmount", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptors.longs())))
            .via((KV<String, String> record) -> KV.of(record.getKey(), parseValue(record.getValue()))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
        .apply("RunningTotal", ParDo.of(new RunningTotalFn()))
        .setCoder(StringUtf8Coder.of())
        .apply("KeyByLineKey", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((String line) -> KV.of(line.substring(0, line.indexOf(' ')), line)))
        .apply("WriteTotals", write);
    System.out.println(RUNNING);
    p.run().waitUntilFinish();
    System.out.println(DONE);
  }

  /**
   * Passes elements on unchanged, at most {@code rate} per second per instance (counted from the
   * instance's first element); 0 lets everything through at once.
   */
  static final class PaceFn<T> extends DoFn<T, T> {
    private static final long serialVersionUID = 1L;
    private final long rate;
    private transient long firstNanos;
    private transient long passed;

    PaceFn(long rate) {
      this.rate = rate;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) throws InterruptedException {
      if (rate > 0) {
        if (passed == 0) {
          firstNanos = System.nanoTime();
        }
        passed++;
        // Pacing is the point here: the element is due at its place in a steady stream.
        long aheadNanos = firstNanos + passed * 1_000_000_000L / rate - System.nanoTime();
        if (aheadNanos > 0) {
          TimeUnit.NANOSECONDS.sleep(aheadNanos);
        }
      }
      out.output(element);
    }
  }

  /** The input value {@code "<seq> <amount>"} as {@code KV(seq, amount)}. */
  static KV<Long, Long> parseValue(String value) {
    int space = value.indexOf(' ');
    return KV.of(Long.parseLong(value.substring(0, space)), Long.parseLong(value.substring(space + 1)));
  }
}
