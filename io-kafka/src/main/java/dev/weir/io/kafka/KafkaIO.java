package dev.weir.io.kafka;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.reflect.TypeToken;
import dev.weir.io.TimestampPolicy;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.io.TransactionalWrite;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionTuple;
import dev.weir.sdk.values.PDone;
import dev.weir.sdk.values.PInput;
import dev.weir.sdk.values.POutput;
import dev.weir.sdk.values.PValue;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.TupleTagList;
import dev.weir.sdk.values.TypeDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Reads from and writes to Apache Kafka, shaped as Beam's {@code KafkaIO}.
 *
 * <pre>{@code
 * KafkaIO.ReadResult<KafkaRecord<String, Long>> read = p.apply(KafkaIO.<String, Long>read()
 *     .withBootstrapServers("broker:9092")
 *     .withTopic("events")
 *     .withKeyDeserializer(StringDeserializer.class)
 *     .withValueDeserializer(LongDeserializer.class)
 *     .withCreateTime(Duration.standardSeconds(5)));
 * read.output().apply(...);
 * read.deadLetters().apply(...);
 *
 * kvs.apply(KafkaIO.<String, Long>write()
 *     .withBootstrapServers("broker:9092")
 *     .withTopic("results")
 *     .withKeySerializer(StringSerializer.class)
 *     .withValueSerializer(LongSerializer.class)
 *     .withEOS(1, "results-sink"));
 * }</pre>
 *
 * <p>Unlike Beam's, a read produces a {@link ReadResult}: records whose key or value does not
 * deserialize (or whose event time cannot be computed) go to {@link ReadResult#deadLetters()} and
 * are counted in {@code Metrics.counter(KafkaIO.class, "deserializationErrors")}; they never fail
 * the pipeline. See the module README for the positions, watermark and exactly-once rules.
 */
public final class KafkaIO {
  /** How long a caught-up partition goes without records before the built-in policies call it idle. */
  static final Duration IDLE_AFTER = Duration.standardSeconds(1);

  private KafkaIO() {}

  /** A read to configure; it needs bootstrap servers, topics and both deserializers. */
  public static <K, V> Read<K, V> read() {
    return new Read<>(ReadSpec.<K, V>builder().build(), null, null);
  }

  /** A write to configure; it needs bootstrap servers, a topic and both serializers. */
  public static <K, V> Write<K, V> write() {
    return new Write<>(WriteSpec.<K, V>builder().build());
  }

  /**
   * Reads Kafka records of the configured topics: an unbounded collection, or a bounded one with
   * {@link #withMaxNumRecords} or {@link #withStopReadTime}. Immutable; each {@code withX} returns a
   * copy.
   */
  public static final class Read<K, V> extends PTransform<PBegin, ReadResult<KafkaRecord<K, V>>> {
    private static final long serialVersionUID = 1L;

    private final ReadSpec<K, V> spec;
    private final Coder<K> keyCoder;
    private final Coder<V> valueCoder;

    private Read(ReadSpec<K, V> spec, Coder<K> keyCoder, Coder<V> valueCoder) {
      this.spec = spec;
      this.keyCoder = keyCoder;
      this.valueCoder = valueCoder;
    }

    private Read<K, V> with(ReadSpec.Builder<K, V> builder) {
      return new Read<>(builder.build(), keyCoder, valueCoder);
    }

    /** The brokers to connect to first, {@code host:port[,host:port...]}. */
    public Read<K, V> withBootstrapServers(String bootstrapServers) {
      return with(spec.toBuilder().setBootstrapServers(Objects.requireNonNull(bootstrapServers, "bootstrapServers")));
    }

    /** Reads the partitions of one topic. */
    public Read<K, V> withTopic(String topic) {
      return withTopics(List.of(topic));
    }

    /** Reads the partitions of these topics. */
    public Read<K, V> withTopics(List<String> topics) {
      checkArgument(!topics.isEmpty(), "KafkaIO.read().withTopics: the list of topics is empty");
      return with(spec.toBuilder().setTopics(ImmutableList.copyOf(topics)));
    }

    /** Deserializes keys with a new instance of {@code deserializer}; the key coder is inferred. */
    public Read<K, V> withKeyDeserializer(Class<? extends Deserializer<K>> deserializer) {
      return with(spec.toBuilder().setKeyDeserializer(deserializer));
    }

    /** Deserializes values with a new instance of {@code deserializer}; the value coder is inferred. */
    public Read<K, V> withValueDeserializer(Class<? extends Deserializer<V>> deserializer) {
      return with(spec.toBuilder().setValueDeserializer(deserializer));
    }

    /** Deserializes keys with {@code deserializer} and encodes them with {@code coder}. */
    public Read<K, V> withKeyDeserializerAndCoder(Class<? extends Deserializer<K>> deserializer, Coder<K> coder) {
      return new Read<>(spec.toBuilder().setKeyDeserializer(deserializer).build(), coder, valueCoder);
    }

    /** Deserializes values with {@code deserializer} and encodes them with {@code coder}. */
    public Read<K, V> withValueDeserializerAndCoder(Class<? extends Deserializer<V>> deserializer, Coder<V> coder) {
      return new Read<>(spec.toBuilder().setValueDeserializer(deserializer).build(), keyCoder, coder);
    }

    /** Adds or replaces consumer properties (the deserializer properties are always raw bytes). */
    public Read<K, V> withConsumerConfigUpdates(Map<String, Object> updates) {
      Map<String, Object> merged = new java.util.HashMap<>(spec.consumerConfig());
      merged.putAll(updates);
      return with(spec.toBuilder().setConsumerConfig(ImmutableMap.copyOf(merged)));
    }

    /** Reads only committed records of transactional producers ({@code isolation.level=read_committed}). */
    public Read<K, V> withReadCommitted() {
      return withConsumerConfigUpdates(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    }

    /**
     * Commits the offsets of finalized checkpoints to the consumer group ({@code group.id} must be
     * set), for monitoring; positions are always restored from checkpoint marks.
     */
    public Read<K, V> commitOffsetsInFinalize() {
      return with(spec.toBuilder().setCommitOffsetsInFinalize(true));
    }

    /** Reads at most {@code maxNumRecords} records (dead letters included): a bounded read. */
    public Read<K, V> withMaxNumRecords(long maxNumRecords) {
      checkArgument(maxNumRecords >= 0, "KafkaIO.read().withMaxNumRecords(%s): must not be negative", maxNumRecords);
      return with(spec.toBuilder().setMaxNumRecords(maxNumRecords));
    }

    /** Starts each partition at its first record with a timestamp at or after {@code time}. */
    public Read<K, V> withStartReadTime(Instant time) {
      return with(spec.toBuilder().setStartReadTime(Objects.requireNonNull(time, "time")));
    }

    /**
     * Ends each partition before its first record with a timestamp at or after {@code time} (at
     * its end offset when the partition is first read, if it has no such record): a bounded read.
     */
    public Read<K, V> withStopReadTime(Instant time) {
      return with(spec.toBuilder().setStopReadTime(Objects.requireNonNull(time, "time")));
    }

    /** Stamps records with the time they are read; the watermark is that clock (the default). */
    public Read<K, V> withProcessingTime() {
      return withTimestampPolicy(TimestampPolicy.processingTime());
    }

    /**
     * Stamps records with their Kafka timestamp, meant for topics with
     * {@code message.timestamp.type=LogAppendTime}; the watermark is the latest timestamp read, and
     * follows wall time on a caught-up partition idle for a second.
     */
    public Read<K, V> withLogAppendTime() {
      return withCreateTime(Duration.ZERO);
    }

    /**
     * Stamps records with their Kafka (create) timestamp; the watermark is the latest timestamp read
     * minus {@code maxDelay}, and wall time minus {@code maxDelay} on a caught-up partition idle for
     * a second.
     */
    public Read<K, V> withCreateTime(Duration maxDelay) {
      return withTimestampPolicy(
          TimestampPolicy.<KafkaRecord<K, V>>eventTime(record -> new Instant(record.timestamp()), maxDelay)
              .withIdleness(IDLE_AFTER));
    }

    /** Stamps records and computes the watermark, per partition, with {@code policy}. */
    public Read<K, V> withTimestampPolicy(TimestampPolicy<KafkaRecord<K, V>> policy) {
      return with(spec.toBuilder().setTimestampPolicy(Objects.requireNonNull(policy, "policy")));
    }

    /** How often each reader looks for partitions added to its topics (10 seconds by default). */
    public Read<K, V> withPartitionDiscoveryInterval(Duration interval) {
      checkArgument(interval.isLongerThan(Duration.ZERO),
          "KafkaIO.read().withPartitionDiscoveryInterval(%s): must be positive", interval);
      return with(spec.toBuilder().setPartitionDiscoveryInterval(interval));
    }

    /**
     * What a read does when offsets it was due to read no longer exist, because the broker deleted
     * them (retention, {@code AdminClient.deleteRecords}) before the pipeline read them. With
     * {@code true} (the default) the read fails, naming the partition and the lost offsets. With
     * {@code false} it reads on from the earliest offset still available, logs a warning and counts
     * the skipped offsets (which may include offsets that never held a record, such as compacted
     * ones) in {@code Metrics.counter(KafkaIO.class, "offsetsLostToRetention")}.
     */
    public Read<K, V> withFailOnDataLoss(boolean failOnDataLoss) {
      return with(spec.toBuilder().setFailOnDataLoss(failOnDataLoss));
    }

    /** The keys and values without Kafka's metadata, as Beam's {@code withoutMetadata()}. */
    public PTransform<PBegin, ReadResult<KV<K, V>>> withoutMetadata() {
      return new WithoutMetadata<>(this);
    }

    Read<K, V> withClock(WallClock clock) {
      return with(spec.toBuilder().setClock(clock));
    }

    ReadSpec<K, V> spec() {
      return spec;
    }

    @Override
    public ReadResult<KafkaRecord<K, V>> expand(PBegin input) {
      validate();
      KafkaRecordCoder<K, V> recordCoder = KafkaRecordCoder.of(keyCoder(input.getPipeline()), valueCoder(input.getPipeline()));
      KafkaUnboundedSource<K, V> source = new KafkaUnboundedSource<>(spec, new ReadOutcome.OutcomeCoder<>(recordCoder));
      dev.weir.sdk.io.Read.Unbounded<ReadOutcome<K, V>> read = dev.weir.sdk.io.Read.from(source);
      PCollection<ReadOutcome<K, V>> outcomes = spec.isBounded()
          ? input.apply("Read", read.withMaxNumRecords(spec.maxNumRecords()))
          : input.apply("Read", read);
      TupleTag<KafkaRecord<K, V>> recordTag = new TupleTag<>() {};
      TupleTag<KafkaDeadLetter> deadLetterTag = new TupleTag<>() {};
      PCollectionTuple split = outcomes.apply("SplitDeadLetters",
          ParDo.of(new SplitOutcomesFn<>(recordTag, deadLetterTag)).withOutputTags(recordTag, TupleTagList.of(deadLetterTag)));
      split.get(recordTag).setCoder(recordCoder);
      split.get(deadLetterTag).setCoder(KafkaDeadLetterCoder.of());
      return new ReadResult<>(split, recordTag, deadLetterTag);
    }

    private void validate() {
      checkArgument(spec.bootstrapServers() != null,
          "KafkaIO.read(): no bootstrap servers. Fix: call withBootstrapServers(\"host:port\")");
      checkArgument(!spec.topics().isEmpty(), "KafkaIO.read(): no topic. Fix: call withTopic(..) or withTopics(..)");
      checkArgument(spec.keyDeserializer() != null,
          "KafkaIO.read(): no key deserializer. Fix: call withKeyDeserializer(..), e.g. StringDeserializer.class");
      checkArgument(spec.valueDeserializer() != null,
          "KafkaIO.read(): no value deserializer. Fix: call withValueDeserializer(..), e.g. StringDeserializer.class");
      checkArgument(!spec.commitOffsetsInFinalize() || spec.consumerConfig().get(ConsumerConfig.GROUP_ID_CONFIG) != null,
          "KafkaIO.read().commitOffsetsInFinalize(): offsets are committed to a consumer group, but no group.id is"
              + " set. Fix: withConsumerConfigUpdates(Map.of(\"group.id\", \"<your group>\"))");
    }

    private Coder<K> keyCoder(Pipeline pipeline) {
      return keyCoder != null ? keyCoder : inferCoder(pipeline, spec.keyDeserializer(), "Key");
    }

    private Coder<V> valueCoder(Pipeline pipeline) {
      return valueCoder != null ? valueCoder : inferCoder(pipeline, spec.valueDeserializer(), "Value");
    }

    /** The registry's coder for the type {@code deserializer} produces. */
    @SuppressWarnings("unchecked")
    private static <T> Coder<T> inferCoder(Pipeline pipeline, Class<? extends Deserializer<T>> deserializer, String role) {
      java.lang.reflect.Type produced =
          TypeToken.of(deserializer).resolveType(Deserializer.class.getTypeParameters()[0]).getType();
      try {
        return (Coder<T>) pipeline.getCoderRegistry().getCoder(TypeDescriptor.of(produced));
      } catch (CannotProvideCoderException | RuntimeException e) {
        throw new IllegalArgumentException("KafkaIO.read(): cannot infer a coder for the " + role.toLowerCase(
            java.util.Locale.ROOT) + "s that " + deserializer.getName() + " produces (" + produced.getTypeName()
            + "): " + e.getMessage() + ". Fix: use with" + role + "DeserializerAndCoder(" + deserializer.getSimpleName()
            + ".class, coder)", e);
      }
    }
  }

  /**
   * Writes key-value pairs to one Kafka topic: with an idempotent producer (at least once when a
   * bundle is retried), or exactly once with {@link #withEOS}. Immutable; each {@code withX}
   * returns a copy.
   */
  public static final class Write<K, V> extends PTransform<PCollection<KV<K, V>>, PDone> {
    private static final long serialVersionUID = 1L;

    private final WriteSpec<K, V> spec;

    private Write(WriteSpec<K, V> spec) {
      this.spec = spec;
    }

    /** The brokers to connect to first, {@code host:port[,host:port...]}. */
    public Write<K, V> withBootstrapServers(String bootstrapServers) {
      return new Write<>(spec.toBuilder().setBootstrapServers(Objects.requireNonNull(bootstrapServers, "bootstrapServers")).build());
    }

    /** The topic written to; it must exist. */
    public Write<K, V> withTopic(String topic) {
      return new Write<>(spec.toBuilder().setTopic(Objects.requireNonNull(topic, "topic")).build());
    }

    /** Serializes keys with a new instance of {@code serializer}. */
    public Write<K, V> withKeySerializer(Class<? extends Serializer<K>> serializer) {
      return new Write<>(spec.toBuilder().setKeySerializer(serializer).build());
    }

    /** Serializes values with a new instance of {@code serializer}. */
    public Write<K, V> withValueSerializer(Class<? extends Serializer<V>> serializer) {
      return new Write<>(spec.toBuilder().setValueSerializer(serializer).build());
    }

    /** Adds or replaces producer properties (idempotence and {@code acks=all} always stay on). */
    public Write<K, V> withProducerConfigUpdates(Map<String, Object> updates) {
      Map<String, Object> merged = new java.util.HashMap<>(spec.producerConfig());
      merged.putAll(updates);
      return new Write<>(spec.toBuilder().setProducerConfig(ImmutableMap.copyOf(merged)).build());
    }

    /** Gives each Kafka record its element's timestamp (else the producer stamps it). */
    public Write<K, V> withInputTimestamp() {
      return new Write<>(spec.toBuilder().setInputTimestamp(true).build());
    }

    /**
     * Writes exactly once for {@code read_committed} consumers, through Kafka transactions that the
     * runner's commits drive (see {@link KafkaExactlyOnceSink} and the module README), with
     * {@code numShards} transactional ids {@code <sinkGroupId>-<shard>} and their commit markers in
     * the consumer groups of the same names. {@code sinkGroupId} must be unique to this sink and
     * stay the same across restarts of the pipeline.
     */
    public Write<K, V> withEOS(int numShards, String sinkGroupId) {
      checkArgument(numShards > 0, "KafkaIO.write().withEOS(%s, ..): the number of shards must be positive", numShards);
      checkArgument(sinkGroupId != null && !sinkGroupId.isEmpty(),
          "KafkaIO.write().withEOS(.., sinkGroupId): a sink group id is required; it names the transactional ids");
      return new Write<>(spec.toBuilder().setNumShards(numShards).setSinkGroupId(sinkGroupId).build());
    }

    @Override
    public PDone expand(PCollection<KV<K, V>> input) {
      checkArgument(spec.bootstrapServers() != null,
          "KafkaIO.write(): no bootstrap servers. Fix: call withBootstrapServers(\"host:port\")");
      checkArgument(spec.topic() != null, "KafkaIO.write(): no topic. Fix: call withTopic(..)");
      checkArgument(spec.keySerializer() != null,
          "KafkaIO.write(): no key serializer. Fix: call withKeySerializer(..), e.g. StringSerializer.class");
      checkArgument(spec.valueSerializer() != null,
          "KafkaIO.write(): no value serializer. Fix: call withValueSerializer(..), e.g. StringSerializer.class");
      if (spec.numShards() > 0) {
        return input.apply("TransactionalWrite", TransactionalWrite.to(new KafkaExactlyOnceSink<>(spec)));
      }
      input.apply("Write", ParDo.of(new KafkaWriterFn<>(spec)));
      return PDone.in(input.getPipeline());
    }
  }

  /**
   * What a Kafka read produces: the records, and the dead letters of those that could not be read.
   *
   * @param <T> the type of the records
   */
  public static final class ReadResult<T> implements POutput {
    private final PCollectionTuple tuple;
    private final TupleTag<T> outputTag;
    private final TupleTag<KafkaDeadLetter> deadLetterTag;

    private ReadResult(PCollectionTuple tuple, TupleTag<T> outputTag, TupleTag<KafkaDeadLetter> deadLetterTag) {
      this.tuple = tuple;
      this.outputTag = outputTag;
      this.deadLetterTag = deadLetterTag;
    }

    static <T> ReadResult<T> of(PCollectionTuple tuple, TupleTag<T> outputTag, TupleTag<KafkaDeadLetter> deadLetterTag) {
      return new ReadResult<>(tuple, outputTag, deadLetterTag);
    }

    TupleTag<KafkaDeadLetter> deadLetterTag() {
      return deadLetterTag;
    }

    /** The records read. */
    public PCollection<T> output() {
      return tuple.get(outputTag);
    }

    /** One {@link KafkaDeadLetter} per record whose key, value or timestamp could not be read. */
    public PCollection<KafkaDeadLetter> deadLetters() {
      return tuple.get(deadLetterTag);
    }

    @Override
    public Pipeline getPipeline() {
      return tuple.getPipeline();
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return tuple.expand();
    }

    @Override
    public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {
      tuple.finishSpecifyingOutput(transformName, input, transform);
    }
  }
}
