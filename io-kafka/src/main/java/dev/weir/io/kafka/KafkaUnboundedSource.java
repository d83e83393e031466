package dev.weir.io.kafka;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.io.UnboundedSource;
import dev.weir.sdk.options.PipelineOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The source behind {@link KafkaIO.Read}: reads the partitions of the configured topics as raw
 * bytes and deserializes them into {@link ReadOutcome}s.
 *
 * <p>Splits are sets of partitions: {@link #split} lists the topics' partitions, sorts them by
 * topic and number, and deals them round-robin to {@code min(desired, partitions)} splits. A
 * partition that appears later (a topic grown while the pipeline runs) belongs to split
 * {@code floorMod(31 * topic.hashCode() + partition, splits)}; each reader looks for such
 * partitions every {@code partitionDiscoveryInterval} and reads them from their first offset.
 * Since the assignment is a pure function of the partition, the splits never share a partition.
 * Immutable and serializable.
 */
final class KafkaUnboundedSource<K, V> extends UnboundedSource<ReadOutcome<K, V>, KafkaCheckpointMark> {
  private static final long serialVersionUID = 1L;

  private final ReadSpec<K, V> spec;
  private final Coder<ReadOutcome<K, V>> outputCoder;
  /** The partitions this split starts with; null for the unsplit source (which reads them all). */
  private final List<TopicPartition> assigned;
  /** Every partition that existed at split time; null for the unsplit source. */
  private final Set<TopicPartition> known;
  private final int splitIndex;
  private final int numSplits;

  KafkaUnboundedSource(ReadSpec<K, V> spec, Coder<ReadOutcome<K, V>> outputCoder) {
    this(spec, outputCoder, null, null, 0, 1);
  }

  private KafkaUnboundedSource(ReadSpec<K, V> spec, Coder<ReadOutcome<K, V>> outputCoder,
      List<TopicPartition> assigned, Set<TopicPartition> known, int splitIndex, int numSplits) {
    this.spec = spec;
    this.outputCoder = outputCoder;
    this.assigned = assigned;
    this.known = known;
    this.splitIndex = splitIndex;
    this.numSplits = numSplits;
  }

  @Override
  public List<KafkaUnboundedSource<K, V>> split(int desiredNumSplits, PipelineOptions options) {
    if (assigned != null) {
      return List.of(this);
    }
    List<TopicPartition> all;
    try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(spec.consumerProperties())) {
      all = listPartitions(consumer);
    }
    int splits = Math.max(1, Math.min(desiredNumSplits, all.size()));
    List<KafkaUnboundedSource<K, V>> result = new ArrayList<>();
    for (int i = 0; i < splits; i++) {
      List<TopicPartition> mine = new ArrayList<>();
      for (int j = i; j < all.size(); j += splits) {
        mine.add(all.get(j));
      }
      result.add(new KafkaUnboundedSource<>(spec, outputCoder, mine, Set.copyOf(all), i, splits));
    }
    return result;
  }

  /**
   * The partitions of the configured topics, sorted by topic and number.
   *
   * @throws IllegalStateException naming the topic if one has no partitions (does not exist)
   */
  List<TopicPartition> listPartitions(Consumer<?, ?> consumer) {
    List<TopicPartition> all = new ArrayList<>();
    for (String topic : spec.topics()) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic);
      checkState(infos != null && !infos.isEmpty(),
          "KafkaIO.read(): topic '%s' has no partitions at %s (it does not exist?). Fix: create the topic, or"
              + " correct withTopic/withTopics", topic, spec.bootstrapServers());
      infos.forEach(info -> all.add(new TopicPartition(info.topic(), info.partition())));
    }
    all.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    return all;
  }

  /** Whether a partition found after the split belongs to this split. */
  boolean ownsNewPartition(TopicPartition partition) {
    if (known != null && known.contains(partition)) {
      return false;
    }
    return Math.floorMod(31 * partition.topic().hashCode() + partition.partition(), numSplits) == splitIndex;
  }

  /** The partitions this split starts with, or null for the unsplit source. */
  List<TopicPartition> assigned() {
    return assigned;
  }

  ReadSpec<K, V> spec() {
    return spec;
  }

  @Override
  public KafkaUnboundedReader<K, V> createReader(PipelineOptions options, KafkaCheckpointMark checkpointMark) {
    return new KafkaUnboundedReader<>(this, checkpointMark, null);
  }

  /**
   * A reader delivering exactly the records between {@code start} and {@code end}: each partition
   * is held at its offset in {@code end} until all got there (see {@link KafkaUnboundedReader}).
   * A range starting at a reader's beginning ({@code start} null) is exact only if the partitions'
   * first positions are too: {@code withStartReadTime}, or {@code auto.offset.reset=earliest}
   * without committed group offsets.
   */
  @Override
  public KafkaUnboundedReader<K, V> createReader(
      PipelineOptions options, KafkaCheckpointMark start, KafkaCheckpointMark end) {
    return new KafkaUnboundedReader<>(this, start, end);
  }

  @Override
  public Coder<KafkaCheckpointMark> getCheckpointMarkCoder() {
    return new KafkaCheckpointMark.MarkCoder();
  }

  @Override
  public Coder<ReadOutcome<K, V>> getOutputCoder() {
    return outputCoder;
  }

  @Override
  public String toString() {
    return "KafkaUnboundedSource{topics=" + spec.topics() + ", split " + splitIndex + " of " + numSplits
        + (assigned == null ? "" : ", partitions=" + assigned) + "}";
  }
}
