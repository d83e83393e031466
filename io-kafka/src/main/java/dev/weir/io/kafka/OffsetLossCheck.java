package dev.weir.io.kafka;

import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.Metrics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds offsets a Kafka reader was due to read that the broker no longer holds, and either fails
 * the read (the default) or, with {@code withFailOnDataLoss(false)}, moves past them with a warning
 * and counts them in {@code Metrics.counter(KafkaIO.class, "offsetsLostToRetention")}.
 *
 * <p>Offsets are lost when the broker deletes records before a reader got to them: the topic's
 * retention ({@code retention.ms}, {@code retention.bytes}) passed them, or someone called
 * {@code AdminClient.deleteRecords}. A lost range runs from the offset the reader was due to read
 * next up to the earliest offset the partition still holds (its log start offset), and no further
 * than where a bounded read of the partition stops. A range may include offsets that never held a
 * record (compacted records, transaction markers), which is why the counter counts offsets, not
 * records.
 *
 * <p>After the broker answered a fetch with "offset out of range", a position past the end of the
 * partition's log is reported too: the topic was deleted and created again, or its log was
 * truncated. Failing is the default there as well; the opt-out reads on from the log's end.
 *
 * <p>Used by one reader, on its thread; the counter goes to the metrics container the runner
 * installed for the reader's step.
 */
final class OffsetLossCheck {
  /** The name of the counter of skipped offsets, in the namespace of {@link KafkaIO}. */
  static final String LOST_OFFSETS = "offsetsLostToRetention";

  private static final System.Logger LOG = System.getLogger(OffsetLossCheck.class.getName());
  private static final String ACCEPT_LOSS = "restart the pipeline from a new checkpoint (a new --checkpointDir on"
      + " the streaming runners), so that each partition starts again by withStartReadTime, the group's committed"
      + " offset or auto.offset.reset";

  private final boolean failOnDataLoss;
  private final Counter lostOffsets = Metrics.counter(KafkaIO.class, LOST_OFFSETS);

  OffsetLossCheck(boolean failOnDataLoss) {
    this.failOnDataLoss = failOnDataLoss;
  }

  /**
   * The offset each partition of {@code due} is to be read from: its due offset while the broker
   * holds it; otherwise, with {@code withFailOnDataLoss(false)}, the earliest offset still held
   * (or, with {@code outOfRange}, the log's end if the due offset is past it).
   *
   * @param due per partition, the offset due next and the stop offset of a bounded read (-1 if none)
   * @param outOfRange whether the broker answered a fetch at these offsets with "out of range"; only
   *     then is a due offset past the log's end lost (otherwise it may be the end of a read_committed
   *     read that now sees fewer records)
   * @throws IllegalStateException naming the partition, the lost range, the cause and the fixes, if
   *     offsets are lost and the read fails on data loss
   */
  Map<TopicPartition, Long> readableOffsets(Consumer<?, ?> consumer, Map<TopicPartition, Due> due, boolean outOfRange) {
    Map<TopicPartition, Long> readable = new LinkedHashMap<>();
    if (due.isEmpty()) {
      return readable;
    }
    Map<TopicPartition, Long> earliest = consumer.beginningOffsets(due.keySet());
    Map<TopicPartition, Long> ends = outOfRange ? consumer.endOffsets(due.keySet()) : Map.of();
    due.forEach((partition, position) -> {
      long next = position.next();
      if (next < earliest.get(partition)) {
        readable.put(partition, skipDeleted(partition, position, earliest.get(partition)));
      } else if (outOfRange && next > ends.get(partition)) {
        readable.put(partition, skipPastEnd(partition, next, ends.get(partition)));
      } else {
        readable.put(partition, next);
      }
    });
    return readable;
  }

  private long skipDeleted(TopicPartition partition, Due due, long earliest) {
    long lostEnd = due.stop() >= 0 ? Math.min(earliest, due.stop()) : earliest;
    if (failOnDataLoss) {
      throw new IllegalStateException(String.format("KafkaIO.read(): offsets [%d, %d) of topic-partition %s no longer"
          + " exist: this read was due to read offset %d next, but the earliest offset the partition still holds is %d."
          + " The broker deleted those records before the pipeline read them: the topic's retention (retention.ms,"
          + " retention.bytes) passed them, or AdminClient.deleteRecords removed them. Fix: raise the topic's retention"
          + " so that the pipeline keeps up; to accept the loss, %s, or read on past deleted offsets with"
          + " KafkaIO.read().withFailOnDataLoss(false), which skips them with a warning and counts them in the counter"
          + " %s/%s", due.next(), lostEnd, partition, due.next(), earliest, ACCEPT_LOSS, KafkaIO.class.getName(),
          LOST_OFFSETS));
    }
    LOG.log(System.Logger.Level.WARNING, String.format("KafkaIO.read(): skipped offsets [%d, %d) of topic-partition %s"
        + " (%d offsets): the broker deleted them (retention, or AdminClient.deleteRecords) before the pipeline read"
        + " them. Reading on from offset %d, as withFailOnDataLoss(false) asks. Counted in %s/%s (offsets, not"
        + " records: compacted records and transaction markers hold offsets too)", due.next(), lostEnd, partition,
        lostEnd - due.next(), earliest, KafkaIO.class.getName(), LOST_OFFSETS));
    lostOffsets.inc(lostEnd - due.next());
    return earliest;
  }

  private long skipPastEnd(TopicPartition partition, long next, long end) {
    if (failOnDataLoss) {
      throw new IllegalStateException(String.format("KafkaIO.read(): topic-partition %s ends at offset %d, before"
          + " offset %d that this read was due to read next: the topic was deleted and created again, or its log was"
          + " truncated (an unclean leader election), so records the log holds or will hold below offset %d would be"
          + " taken for records already read. Fix: %s, or read on from the log's end with"
          + " KafkaIO.read().withFailOnDataLoss(false), which logs a warning", partition, end, next, next, ACCEPT_LOSS));
    }
    LOG.log(System.Logger.Level.WARNING, String.format("KafkaIO.read(): topic-partition %s ends at offset %d, before"
        + " offset %d that the read was due to read next (the topic was created again, or its log truncated). Reading"
        + " on from offset %d, as withFailOnDataLoss(false) asks; if the topic was created again, its records below"
        + " offset %d are not read", partition, end, next, end, end));
    return end;
  }

  /**
   * Where a reader is in one partition.
   *
   * @param next the offset of the next record to deliver
   * @param stop where a bounded read of the partition ends, or -1
   */
  record Due(long next, long stop) {}
}
