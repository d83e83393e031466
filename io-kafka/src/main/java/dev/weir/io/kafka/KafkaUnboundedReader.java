package dev.weir.io.kafka;

import dev.weir.io.TimestampPolicy;
import dev.weir.sdk.io.UnboundedSource.UnboundedReader;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.joda.time.Instant;

/**
 * Reads the partitions of one {@link KafkaUnboundedSource} split through one
 * {@link KafkaConsumer} with manually assigned partitions (no group membership).
 *
 * <p>Positions: each partition's next offset is decided once, when the partition is added (from
 * the checkpoint mark, else by {@link ReadBounds}), and from then on only moves past delivered
 * records, so the checkpoint mark is exact. The consumer never moves a position on its own
 * ({@code auto.offset.reset=none}): where the broker no longer holds the offset a partition is due
 * to read, found when resuming from a mark or when a fetch is out of range, {@link OffsetLossCheck}
 * fails the read or moves the partition past the lost offsets. A bounded read
 * ({@code withStopReadTime}) ends a partition at the first offset whose timestamp is at or after
 * the stop time, or at the partition's end offset when it is added if no such record exists yet;
 * the reader's watermark is the end of time once every partition ended.
 *
 * <p>Watermark: each partition has its own {@link TimestampPolicy.State}; the reader's watermark
 * is the minimum over the partitions that have not ended. A partition the consumer knows to have
 * a backlog is never treated as idle (its wall time is held at its last record), so that a reader
 * that falls behind does not turn its backlog into late data.
 *
 * <p>A replay ({@link KafkaUnboundedSource#createReader(dev.weir.sdk.options.PipelineOptions,
 * KafkaCheckpointMark, KafkaCheckpointMark)}) holds each partition at its offset in the end mark
 * until every partition got there, so it delivers exactly the records between the two marks
 * whatever the order the partitions' records arrive in; then it reads on as usual. Partition
 * discovery waits until the replay is complete.
 *
 * <p>Each {@link #advance()} polls the consumer at most once, for at most {@value #POLL_MILLIS} ms.
 * Not thread-safe, as every reader; {@link KafkaCheckpointMark#finalizeCheckpoint()} may run on
 * another thread and only queues offsets, which this reader commits on its next advance.
 */
final class KafkaUnboundedReader<K, V> extends UnboundedReader<ReadOutcome<K, V>> {
  static final long POLL_MILLIS = 10;

  private final KafkaUnboundedSource<K, V> source;
  private final ReadSpec<K, V> spec;
  private final TimestampPolicy<KafkaRecord<K, V>> policy;
  private final KafkaCheckpointMark restoredFrom;
  /** The mark a replay ends at; null when not replaying. */
  private final KafkaCheckpointMark replayEnd;
  /** While replaying: the offset each partition's replay ends before; null otherwise. */
  private Map<TopicPartition, Long> replayEnds;
  private final Map<TopicPartition, PartitionState> partitions = new LinkedHashMap<>();
  private final Queue<Map<TopicPartition, OffsetAndMetadata>> commits = new ConcurrentLinkedQueue<>();
  private Consumer<byte[], byte[]> consumer;
  private RecordDecoder<K, V> decoder;
  private ReadBounds bounds;
  private OffsetLossCheck lossCheck;
  private Iterator<ConsumerRecord<byte[], byte[]>> buffer = Collections.emptyIterator();
  private ReadOutcome<K, V> current;
  private Instant currentTimestamp;
  private Instant nextDiscovery;

  KafkaUnboundedReader(KafkaUnboundedSource<K, V> source, KafkaCheckpointMark restoredFrom,
      KafkaCheckpointMark replayEnd) {
    this.source = source;
    this.spec = source.spec();
    this.policy = spec.timestampPolicy();
    this.restoredFrom = restoredFrom;
    this.replayEnd = replayEnd;
  }

  @Override
  public boolean start() {
    consumer = new KafkaConsumer<>(spec.readerConsumerProperties());
    decoder = new RecordDecoder<>(spec, spec.consumerProperties());
    bounds = new ReadBounds(spec, consumer);
    lossCheck = new OffsetLossCheck(spec.failOnDataLoss());
    Instant now = spec.clock().now();
    if (restoredFrom != null) {
      for (KafkaCheckpointMark.PartitionMark mark : restoredFrom.getPartitions()) {
        TopicPartition partition = new TopicPartition(mark.topic(), mark.partition());
        partitions.put(partition, new PartitionState(mark.nextOffset(), mark.stopOffset(), mark.policyState()));
      }
      consumer.assign(partitions.keySet());
      partitions.forEach((partition, state) -> consumer.seek(partition, state.nextOffset));
      partitions.forEach((partition, state) -> pauseIfEnded(partition, state));
      // The positions are the reader's own: the broker may have deleted past them since the mark.
      skipLostOffsets(partitions.keySet(), false);
    } else {
      List<TopicPartition> initial = source.assigned() != null ? source.assigned() : source.listPartitions(consumer);
      addPartitions(initial, false, now);
    }
    if (replayEnd != null) {
      startReplay(now);
    }
    nextDiscovery = now.plus(spec.partitionDiscoveryInterval());
    return advance();
  }

  @Override
  public boolean advance() {
    commitFinalizedOffsets();
    discoverPartitions();
    boolean polled = false;
    while (true) {
      while (buffer.hasNext()) {
        ConsumerRecord<byte[], byte[]> record = buffer.next();
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionState state = partitions.get(partition);
        if (state == null || state.ended || record.offset() < state.nextOffset) {
          continue;
        }
        if (state.stopOffset >= 0 && record.offset() >= state.stopOffset) {
          end(partition, state);
          continue;
        }
        if (replayEnds != null && record.offset() >= replayEnds.get(partition)) {
          holdAtReplayEnd(partition, state);
          continue;
        }
        state.nextOffset = record.offset() + 1;
        deliver(record, state);
        pauseIfEnded(partition, state);
        pauseIfReplayed(partition, state);
        return true;
      }
      catchUpPositions();
      if (polled || allEnded()) {
        return false;
      }
      buffer = poll();
      polled = true;
    }
  }

  private Iterator<ConsumerRecord<byte[], byte[]>> poll() {
    try {
      return consumer.poll(java.time.Duration.ofMillis(POLL_MILLIS)).iterator();
    } catch (InvalidOffsetException e) {
      // Without a reset strategy the consumer reports a position the broker no longer holds.
      skipLostOffsets(e.partitions(), true);
      return Collections.emptyIterator();
    }
  }

  /**
   * Moves each partition of {@code candidates} that has not ended to where it can be read, past
   * offsets the broker deleted, or fails the read ({@link OffsetLossCheck}); {@code outOfRange} if a
   * fetch found their positions out of range.
   */
  private void skipLostOffsets(Collection<TopicPartition> candidates, boolean outOfRange) {
    Map<TopicPartition, OffsetLossCheck.Due> due = new LinkedHashMap<>();
    for (TopicPartition partition : candidates) {
      PartitionState state = partitions.get(partition);
      if (state != null && !state.ended) {
        due.put(partition, new OffsetLossCheck.Due(state.nextOffset, state.stopOffset));
      }
    }
    lossCheck.readableOffsets(consumer, due, outOfRange).forEach((partition, offset) -> {
      PartitionState state = partitions.get(partition);
      state.nextOffset = offset;
      consumer.seek(partition, offset);
      pauseIfEnded(partition, state);
      pauseIfReplayed(partition, state);
    });
  }

  private void deliver(ConsumerRecord<byte[], byte[]> record, PartitionState state) {
    Instant now = spec.clock().now();
    RecordDecoder.Decoded<K, V> decoded = decoder.decode(record, policy, now);
    current = decoded.outcome();
    currentTimestamp = decoded.timestamp();
    if (current.record() != null) {
      state.policyState = policy.observe(state.policyState, currentTimestamp, now);
    }
  }

  /**
   * Moves each partition's next offset up to the consumer's position once every fetched record
   * was delivered, so that offsets without records (transaction markers, compacted records) count
   * as read and a bounded read can end on them.
   */
  private void catchUpPositions() {
    partitions.forEach((partition, state) -> {
      if (!state.ended) {
        state.nextOffset = Math.max(state.nextOffset, consumer.position(partition));
        pauseIfEnded(partition, state);
        pauseIfReplayed(partition, state);
      }
    });
  }

  /**
   * Bounds every partition at its offset in the replay's end mark; partitions the end mark has and
   * the start mark has not were discovered within the range and start at their first offset.
   */
  private void startReplay(Instant now) {
    replayEnds = new LinkedHashMap<>();
    List<TopicPartition> discovered = new ArrayList<>();
    for (KafkaCheckpointMark.PartitionMark mark : replayEnd.getPartitions()) {
      TopicPartition partition = new TopicPartition(mark.topic(), mark.partition());
      replayEnds.put(partition, mark.nextOffset());
      if (!partitions.containsKey(partition)) {
        discovered.add(partition);
      }
    }
    if (!discovered.isEmpty()) {
      addPartitions(discovered, true, now);
    }
    partitions.forEach((partition, state) -> replayEnds.putIfAbsent(partition, state.nextOffset));
    partitions.forEach(this::pauseIfReplayed);
  }

  /** A record at or past the replay's end arrived: the partition's replay is complete. */
  private void holdAtReplayEnd(TopicPartition partition, PartitionState state) {
    // No record arrived below the end: the offsets up to it hold none (transaction markers).
    state.nextOffset = Math.max(state.nextOffset, replayEnds.get(partition));
    // Back to the held record, so that the position does not count it as read.
    consumer.seek(partition, state.nextOffset);
    pauseIfReplayed(partition, state);
  }

  private void pauseIfReplayed(TopicPartition partition, PartitionState state) {
    if (replayEnds == null || state.nextOffset < replayEnds.get(partition)) {
      return;
    }
    consumer.pause(List.of(partition));
    if (partitions.entrySet().stream().allMatch(e -> e.getValue().nextOffset >= replayEnds.get(e.getKey()))) {
      // The range is read: go on as a reader from the end mark, fetching again what was held back.
      replayEnds = null;
      buffer = Collections.emptyIterator();
      List<TopicPartition> reading = new ArrayList<>();
      partitions.forEach((each, eachState) -> {
        if (!eachState.ended) {
          consumer.seek(each, eachState.nextOffset);
          reading.add(each);
        }
      });
      consumer.resume(reading);
    }
  }

  private void pauseIfEnded(TopicPartition partition, PartitionState state) {
    if (!state.ended && state.stopOffset >= 0 && state.nextOffset >= state.stopOffset) {
      end(partition, state);
    }
  }

  private void end(TopicPartition partition, PartitionState state) {
    state.ended = true;
    consumer.pause(List.of(partition));
  }

  private boolean allEnded() {
    return !partitions.isEmpty() && partitions.values().stream().allMatch(state -> state.ended);
  }

  private void discoverPartitions() {
    Instant now = spec.clock().now();
    if (replayEnds != null || now.isBefore(nextDiscovery)) {
      return;
    }
    nextDiscovery = now.plus(spec.partitionDiscoveryInterval());
    List<TopicPartition> found = new ArrayList<>();
    // listTopics asks the broker; partitionsFor would answer from the consumer's metadata cache.
    Map<String, List<PartitionInfo>> topics = consumer.listTopics();
    for (String topic : spec.topics()) {
      topics.getOrDefault(topic, List.of()).forEach(info -> {
        TopicPartition partition = new TopicPartition(info.topic(), info.partition());
        if (!partitions.containsKey(partition) && source.ownsNewPartition(partition)) {
          found.add(partition);
        }
      });
    }
    if (!found.isEmpty()) {
      addPartitions(found, true, now);
    }
  }

  /** Assigns {@code added} besides the partitions read so far and positions them. */
  private void addPartitions(List<TopicPartition> added, boolean discovered, Instant now) {
    List<TopicPartition> assignment = new ArrayList<>(partitions.keySet());
    assignment.addAll(added);
    consumer.assign(assignment);
    Map<TopicPartition, Long> starts = bounds.starts(added, discovered);
    Map<TopicPartition, Long> stops = bounds.stops(added);
    for (TopicPartition partition : added) {
      PartitionState state = new PartitionState(starts.get(partition), stops.get(partition), policy.initialState(now));
      partitions.put(partition, state);
      consumer.seek(partition, state.nextOffset);
      pauseIfEnded(partition, state);
    }
  }

  private void commitFinalizedOffsets() {
    for (Map<TopicPartition, OffsetAndMetadata> offsets = commits.poll(); offsets != null; offsets = commits.poll()) {
      consumer.commitAsync(offsets, (committed, error) -> {
        if (error != null) {
          // Committed offsets only show progress to monitoring; positions live in the marks.
          System.getLogger(KafkaUnboundedReader.class.getName())
              .log(System.Logger.Level.WARNING, "Committing offsets " + committed + " to Kafka failed", error);
        }
      });
    }
  }

  @Override
  public Instant getWatermark() {
    if (partitions.isEmpty()) {
      return BoundedWindow.TIMESTAMP_MIN_VALUE;
    }
    Instant now = spec.clock().now();
    Instant min = null;
    for (Map.Entry<TopicPartition, PartitionState> entry : partitions.entrySet()) {
      PartitionState state = entry.getValue();
      if (state.ended) {
        continue;
      }
      OptionalLong lag = consumer == null ? OptionalLong.empty() : consumer.currentLag(entry.getKey());
      boolean backlogged = lag.isPresent() && lag.getAsLong() > 0;
      Instant wallTime = backlogged && now.isAfter(state.policyState.lastRecordAt())
          ? state.policyState.lastRecordAt() : now;
      state.policyState = policy.advance(state.policyState, wallTime);
      Instant watermark = state.policyState.watermark();
      min = min == null || watermark.isBefore(min) ? watermark : min;
    }
    return min == null ? BoundedWindow.TIMESTAMP_MAX_VALUE : min;
  }

  @Override
  public KafkaCheckpointMark getCheckpointMark() {
    List<KafkaCheckpointMark.PartitionMark> marks = new ArrayList<>();
    partitions.forEach((partition, state) -> marks.add(new KafkaCheckpointMark.PartitionMark(
        partition.topic(), partition.partition(), state.nextOffset, state.stopOffset, state.policyState)));
    return new KafkaCheckpointMark(marks, spec.commitOffsetsInFinalize() ? commits::add : null);
  }

  @Override
  public ReadOutcome<K, V> getCurrent() {
    if (current == null) {
      throw new NoSuchElementException("No current Kafka record: call start() or advance() first");
    }
    return current;
  }

  @Override
  public Instant getCurrentTimestamp() {
    if (current == null) {
      throw new NoSuchElementException("No current Kafka record: call start() or advance() first");
    }
    return currentTimestamp;
  }

  /** The partitions this reader reads, for tests. */
  java.util.Set<TopicPartition> partitions() {
    return new HashSet<>(partitions.keySet());
  }

  @Override
  public KafkaUnboundedSource<K, V> getCurrentSource() {
    return source;
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close(CloseOptions.timeout(java.time.Duration.ofSeconds(5)));
      consumer = null;
    }
    if (decoder != null) {
      decoder.close();
    }
  }

  /** The reading state of one partition. */
  private static final class PartitionState {
    /** The offset of the next record to deliver. */
    long nextOffset;
    /** Where a bounded read of the partition ends, or -1. */
    final long stopOffset;
    TimestampPolicy.State policyState;
    /** Whether the partition reached its stop offset. */
    boolean ended;

    PartitionState(long nextOffset, long stopOffset, TimestampPolicy.State policyState) {
      this.nextOffset = nextOffset;
      this.stopOffset = stopOffset;
      this.policyState = policyState;
    }
  }
}
