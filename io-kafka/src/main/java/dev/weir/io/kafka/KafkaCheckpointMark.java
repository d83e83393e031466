package dev.weir.io.kafka;

import dev.weir.io.TimestampPolicy;
import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.io.UnboundedSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a Kafka reader is: for each partition it reads, the offset of the next record to deliver,
 * where a bounded read stops, and the timestamp policy's state. A reader created from the mark
 * delivers exactly the records after it. Encoded by {@link MarkCoder}.
 *
 * <p>{@link #finalizeCheckpoint()} hands the offsets to the reader that made the mark, which
 * commits them to the consumer group on its own thread (only with
 * {@code commitOffsetsInFinalize()}); those commits are for monitoring and are never read back
 * while a mark exists. Immutable apart from that hand-over.
 */
public final class KafkaCheckpointMark implements UnboundedSource.CheckpointMark {
  private final List<PartitionMark> partitions;
  /** Receives the offsets to commit; null when nothing is committed to Kafka. Not encoded. */
  private final transient Consumer<Map<TopicPartition, OffsetAndMetadata>> committer;

  KafkaCheckpointMark(List<PartitionMark> partitions, Consumer<Map<TopicPartition, OffsetAndMetadata>> committer) {
    this.partitions = List.copyOf(partitions);
    this.committer = committer;
  }

  /** The position of each partition the reader reads, in the reader's order. */
  public List<PartitionMark> getPartitions() {
    return partitions;
  }

  @Override
  public void finalizeCheckpoint() {
    if (committer == null) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (PartitionMark mark : partitions) {
      offsets.put(new TopicPartition(mark.topic(), mark.partition()), new OffsetAndMetadata(mark.nextOffset()));
    }
    committer.accept(offsets);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaCheckpointMark other && partitions.equals(other.partitions);
  }

  @Override
  public int hashCode() {
    return partitions.hashCode();
  }

  @Override
  public String toString() {
    return "KafkaCheckpointMark" + partitions;
  }

  /**
   * The position of one partition.
   *
   * @param topic the topic, non-null
   * @param partition the partition
   * @param nextOffset the offset of the next record to deliver
   * @param stopOffset the offset at which a bounded read of the partition ends, or -1 if it
   *     does not end
   * @param policyState the timestamp policy's state for the partition, non-null
   */
  public record PartitionMark(
      String topic, int partition, long nextOffset, long stopOffset, TimestampPolicy.State policyState) {
    public PartitionMark {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(policyState, "policyState");
    }
  }

  /**
   * Encodes a mark as a format version (1), the number of partitions, then per partition: topic,
   * partition, next offset, stop offset + 1, and the policy state. Deterministic.
   */
  static final class MarkCoder extends AtomicCoder<KafkaCheckpointMark> {
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;

    @Override
    public void encode(KafkaCheckpointMark mark, OutputStream out) throws IOException {
      VarIntCoder.of().encode(VERSION, out);
      VarIntCoder.of().encode(mark.partitions.size(), out);
      for (PartitionMark partition : mark.partitions) {
        StringUtf8Coder.of().encode(partition.topic(), out);
        VarIntCoder.of().encode(partition.partition(), out);
        VarLongCoder.of().encode(partition.nextOffset(), out);
        VarLongCoder.of().encode(partition.stopOffset() + 1, out);
        TimestampPolicy.StateCoder.of().encode(partition.policyState(), out);
      }
    }

    @Override
    public KafkaCheckpointMark decode(InputStream in) throws IOException {
      int version = VarIntCoder.of().decode(in);
      if (version != VERSION) {
        throw new CoderException("A Kafka checkpoint mark of format version " + version
            + " cannot be read by this version of Weir, which reads version " + VERSION);
      }
      int count = VarIntCoder.of().decode(in);
      List<PartitionMark> partitions = new java.util.ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        partitions.add(new PartitionMark(StringUtf8Coder.of().decode(in), VarIntCoder.of().decode(in),
            VarLongCoder.of().decode(in), VarLongCoder.of().decode(in) - 1, TimestampPolicy.StateCoder.of().decode(in)));
      }
      return new KafkaCheckpointMark(partitions, null);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
