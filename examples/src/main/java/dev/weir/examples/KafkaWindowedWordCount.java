package dev.weir.examples;

import dev.weir.io.kafka.KafkaIO;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.metrics.MetricNameFilter;
import dev.weir.sdk.metrics.MetricResult;
import dev.weir.sdk.metrics.MetricsFilter;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.options.Validation.Required;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.Values;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Counts words per fixed event-time window from one Kafka topic into another, exactly once:
 * Kafka's create time stamps each line, and the counts are written in Kafka transactions.
 *
 * <pre>
 * java -jar examples/target/weir-examples.jar KafkaWindowedWordCount --bootstrapServers=localhost:9092 \
 *     --inputTopic=lines --outputTopic=counts [--windowSeconds=60] [--stopReadTimeMillis=...]
 * </pre>
 *
 * <p>Each output record has the word as key and {@code [start..end) count} as value, stamped with
 * the window's last instant; read it with {@code isolation.level=read_committed}. Without
 * {@code --stopReadTimeMillis} the pipeline runs until stopped; with it, it reads every line stamped
 * before that time, writes the counts and prints how many records went to the dead letters. Both
 * topics must exist.
 */
public final class KafkaWindowedWordCount {
  private KafkaWindowedWordCount() {}

  /** The options of this example. */
  public interface Options extends PipelineOptions {
    @Description("Kafka brokers to connect to first, host:port[,host:port...]")
    @Required
    String getBootstrapServers();

    void setBootstrapServers(String value);

    @Description("Topic to read lines of text from (the record values)")
    @Required
    String getInputTopic();

    void setInputTopic(String value);

    @Description("Topic to write the counts to")
    @Required
    String getOutputTopic();

    void setOutputTopic(String value);

    @Description("Fixed window duration, in seconds")
    @Default.Integer(60)
    Integer getWindowSeconds();

    void setWindowSeconds(Integer value);

    @Description("How late a line may be stamped behind the latest one read, in seconds")
    @Default.Integer(5)
    Integer getMaxDelaySeconds();

    void setMaxDelaySeconds(Integer value);

    @Description("Stop before the first line stamped at or after this time (ms since the epoch); unset: run forever")
    Long getStopReadTimeMillis();

    void setStopReadTimeMillis(Long value);

    @Description("Names the sink's transactional ids and commit markers; keep it across restarts")
    @Default.String("weir-kafka-windowed-word-count")
    String getSinkGroupId();

    void setSinkGroupId(String value);
  }

  /** Formats a count with its window as a Kafka record: the word, then {@code [start..end) count}. */
  static final class ToRecordFn extends DoFn<KV<String, Long>, KV<String, String>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, Long> count, BoundedWindow window,
        OutputReceiver<KV<String, String>> out) {
      IntervalWindow w = (IntervalWindow) window;
      out.output(KV.of(count.getKey(), "[" + w.start() + ".." + w.end() + ") " + count.getValue()));
    }
  }

  static Pipeline build(Options options) {
    Pipeline p = Pipeline.create(options);
    Map<String, Object> consumer = new HashMap<>(Map.of("auto.offset.reset", "earliest"));
    KafkaIO.Read<String, String> read = KafkaIO.<String, String>read()
        .withBootstrapServers(options.getBootstrapServers())
        .withTopic(options.getInputTopic())
        .withKeyDeserializer(StringDeserializer.class)
        .withValueDeserializer(StringDeserializer.class)
        .withConsumerConfigUpdates(consumer)
        .withReadCommitted()
        .withCreateTime(Duration.standardSeconds(options.getMaxDelaySeconds()));
    if (options.getStopReadTimeMillis() != null) {
      read = read.withStopReadTime(new Instant(options.getStopReadTimeMillis()));
    }
    p.apply("ReadLines", read.withoutMetadata()).output()
        .apply(Values.create())
        .apply(Window.into(FixedWindows.of(Duration.standardSeconds(options.getWindowSeconds()))))
        .apply(new WordCount.CountWords())
        .apply(ParDo.of(new ToRecordFn()))
        .apply("WriteCounts", KafkaIO.<String, String>write()
            .withBootstrapServers(options.getBootstrapServers())
            .withTopic(options.getOutputTopic())
            .withKeySerializer(StringSerializer.class)
            .withValueSerializer(StringSerializer.class)
            .withInputTimestamp()
            .withEOS(1, options.getSinkGroupId()));
    return p;
  }

  /** Runs the example; prints the dead-letter count once a bounded run ends. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    PipelineResult result = build(options).run();
    result.waitUntilFinish();
    long deadLetters = 0;
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(KafkaIO.class, "deserializationErrors")).build()).getCounters()) {
      deadLetters += counter.getAttempted();
    }
    out.println("Counts written to topic " + options.getOutputTopic() + "; records that did not deserialize: "
        + deadLetters);
    return 0;
  }
}
