package dev.weir.examples.bench;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.io.kafka.KafkaIO;
import dev.weir.io.synthetic.Event;
import dev.weir.io.synthetic.EventCoder;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.options.Validation.Required;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.Values;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptors;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.joda.time.Duration;

/**
 * The compare command's pipelines over Kafka: a throughput workload of {@code WORKLOADS.md} reads
 * the generator's events from a topic and writes its rows' hashes to another, exactly once, on any
 * runner and against any broker.
 *
 * <pre>
 * java -jar examples/target/weir-examples.jar kafka-bench --bootstrapServers=localhost:9092 \
 *     --workload=W1 --n=100000 --produce --verify [--runner=...]
 * </pre>
 *
 * <p>With {@code --produce} the {@code n} events are first written to {@code --inputTopic} (value:
 * the event in {@link EventCoder}'s encoding, key: its device, Kafka timestamp: its {@code ts}).
 * The pipeline reads what the input topic holds when it starts, which must be the {@code n} events
 * (for {@code --verify}), with event time from the Kafka timestamp (2,048 ms of
 * out-of-orderness, the generator's bound), runs the workload, writes each row's hash to
 * {@code --outputTopic} with {@code withEOS} (read it with {@code isolation.level=read_committed}),
 * and prints the bench line; {@code --verify} checks rows and checksum against the plain loop. Both
 * topics must exist (or the broker must create them).
 */
public final class KafkaBench {
  private KafkaBench() {}

  /** The options of {@code kafka-bench}. */
  public interface Options extends Bench.BenchOptions {
    @Description("Kafka brokers to connect to first, host:port[,host:port...]")
    @Required
    String getBootstrapServers();

    void setBootstrapServers(String value);

    @Description("Topic the events are read from")
    @Default.String("weir-events")
    String getInputTopic();

    void setInputTopic(String value);

    @Description("Topic the rows' hashes are written to, exactly once")
    @Default.String("weir-rows")
    String getOutputTopic();

    void setOutputTopic(String value);

    @Description("First write the n generator events to the input topic")
    @Default.Boolean(false)
    boolean getProduce();

    void setProduce(boolean value);

    @Description("Names the sink's transactional ids and commit markers; keep it across restarts")
    @Default.String("weir-kafka-bench")
    String getSinkGroupId();

    void setSinkGroupId(String value);
  }

  /** Runs {@code kafka-bench} with {@code args}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    Workload workload = Bench.workload(options.getWorkload());
    long n = options.getN() == null ? 100_000 : options.getN();
    checkArgument(n >= 0, "kafka-bench --n must be a number of events >= 0, got %s", n);
    if (options.getProduce()) {
      produce(options, n);
    }
    Pipeline p = Pipeline.create(options);
    PCollection<Long> rows = workload.rows(events(p, options, n));
    rows.apply("RowsAsRecords", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((Long hash) -> KV.of(workload.name(), Long.toString(hash))))
        .apply("WriteRows", KafkaIO.<String, String>write()
            .withBootstrapServers(options.getBootstrapServers())
            .withTopic(options.getOutputTopic())
            .withKeySerializer(StringSerializer.class)
            .withValueSerializer(StringSerializer.class)
            .withEOS(1, options.getSinkGroupId()));
    return Bench.report(p, options, workload, n, rows, out, err);
  }

  private static PCollection<Event> events(Pipeline p, Options options, long n) {
    return p.apply("ReadEvents", KafkaIO.<String, byte[]>read()
            .withBootstrapServers(options.getBootstrapServers())
            .withTopic(options.getInputTopic())
            .withKeyDeserializer(StringDeserializer.class)
            .withValueDeserializer(ByteArrayDeserializer.class)
            .withConsumerConfigUpdates(Map.of("auto.offset.reset", "earliest"))
            .withCreateTime(Duration.millis(2048))
            // Everything the topic holds when the read starts (no record is stamped this late): the
            // read then ends by itself, whatever the partitions hold each.
            .withStopReadTime(BoundedWindow.TIMESTAMP_MAX_VALUE)
            .withoutMetadata())
        .output()
        .apply("Values", Values.create())
        .apply("Decode", ParDo.of(new DecodeEventFn()))
        .setCoder(EventCoder.of());
  }

  /** Decodes a record's value, written by {@code --produce}, back into its event. */
  private static final class DecodeEventFn extends DoFn<byte[], Event> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element byte[] bytes, OutputReceiver<Event> out) throws CoderException {
      out.output(CoderUtils.decodeFromByteArray(EventCoder.of(), bytes));
    }
  }

  private static void produce(Options options, long n) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.getBootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      List<Future<?>> sent = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        Event event = Event.of(i);
        sent.add(producer.send(new ProducerRecord<>(options.getInputTopic(), null, event.ts(), event.device(),
            CoderUtils.encodeToByteArray(EventCoder.of(), event))));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } catch (ExecutionException | CoderException e) {
      throw new IllegalStateException("kafka-bench could not write the events to topic " + options.getInputTopic()
          + " at " + options.getBootstrapServers() + ": " + e.getMessage() + ". Fix: check that the broker is"
          + " reachable and the topic exists.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("kafka-bench was interrupted while writing the events", e);
    }
  }
}
