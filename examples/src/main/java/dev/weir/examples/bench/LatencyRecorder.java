package dev.weir.examples.bench;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one latency run observed, collected in this JVM: when each event reached the pipeline's
 * first step, and when each output row reached the measuring sink and when its transaction
 * committed. The pipeline's steps find their run's recorder by id ({@link #forRun}), because the
 * runner works on deserialized copies of them; a run therefore has to execute in the JVM that
 * created its recorder, as every Weir runner does.
 *
 * <p>Thread-safe: any number of runner threads report events and prepared rows concurrently.
 * Times are wall-clock microseconds since the epoch. The source side and the sink side have locks
 * of their own, and a commit only notes its rows (they are copied once, by {@link #observations}):
 * a commit copying a checkpoint's rows under the lock every event takes stalled the source threads
 * for milliseconds at each checkpoint, which showed as latency of the runner.
 */
final class LatencyRecorder {
  private static final Map<String, LatencyRecorder> RUNS = new ConcurrentHashMap<>();
  private static final AtomicLong WRITER_IDS = new AtomicLong();
  /** How often, in wall time, the source's watermark is sampled for the pane timeline. */
  private static final long WATERMARK_SAMPLE_MICROS = 20_000;

  private final String runId;
  private final long eventsPerSecond;

  // Source side: arrival minus the event's offset in the generator's schedule, whose minimum
  // estimates when the generator started and whose spread is the largest lag behind schedule.
  private long minArrivalLessOffset = Long.MAX_VALUE;
  private long maxArrivalLessOffset = Long.MIN_VALUE;
  private long lastArrivalMicros = Long.MIN_VALUE;
  private long eventsSeen;
  private long maxTs = Long.MIN_VALUE;
  private long lastSampleMicros;
  private final List<long[]> watermarkSamples = new ArrayList<>();

  private final Object sourceLock = new Object();

  // Sink side, guarded by sinkLock.
  private final Object sinkLock = new Object();
  private final Map<Long, StampedRows> prepared = new HashMap<>();
  private final Set<Long> committedTransactions = new HashSet<>();
  /** The rows of each commit, with its time, in commit order. */
  private final List<StampedRows> committedRows = new ArrayList<>();
  private final List<Long> commitTimes = new ArrayList<>();

  private LatencyRecorder(String runId, long eventsPerSecond) {
    this.runId = runId;
    this.eventsPerSecond = eventsPerSecond;
  }

  /** Starts recording run {@code runId} of a generator at {@code eventsPerSecond}. */
  static LatencyRecorder start(String runId, long eventsPerSecond) {
    checkArgument(eventsPerSecond > 0, "latency --rate must be positive, got %s", eventsPerSecond);
    LatencyRecorder recorder = new LatencyRecorder(runId, eventsPerSecond);
    checkState(RUNS.putIfAbsent(runId, recorder) == null, "Latency run %s is already recording", runId);
    return recorder;
  }

  /** The recorder of run {@code runId}, which must be recording in this JVM. */
  static LatencyRecorder forRun(String runId) {
    LatencyRecorder recorder = RUNS.get(runId);
    checkState(recorder != null, "Latency run %s is not recording in this JVM: the measuring steps only work"
        + " with a runner that executes the pipeline in the JVM that started it", runId);
    return recorder;
  }

  /** Stops recording; the steps of the run can no longer find this recorder. */
  void stop() {
    RUNS.remove(runId, this);
  }

  /**
   * When event {@code i} is due, in microseconds after the generator's start: the generator's own
   * schedule, {@code i / R} seconds rounded down to whole milliseconds.
   */
  long dueOffsetMicros(long i) {
    return ((i / eventsPerSecond) * 1000 + (i % eventsPerSecond) * 1000 / eventsPerSecond) * 1000;
  }

  /** Event {@code index} with event time {@code ts} reached the pipeline at {@code nowMicros}. */
  void eventArrived(long index, long ts, long nowMicros) {
    synchronized (sourceLock) {
      arrived(index, ts, nowMicros);
    }
  }

  private void arrived(long index, long ts, long nowMicros) {
    long lessOffset = nowMicros - dueOffsetMicros(index);
    minArrivalLessOffset = Math.min(minArrivalLessOffset, lessOffset);
    maxArrivalLessOffset = Math.max(maxArrivalLessOffset, lessOffset);
    lastArrivalMicros = Math.max(lastArrivalMicros, nowMicros);
    eventsSeen++;
    maxTs = Math.max(maxTs, ts);
    if (watermarkSamples.isEmpty() || nowMicros - lastSampleMicros >= WATERMARK_SAMPLE_MICROS) {
      lastSampleMicros = nowMicros;
      watermarkSamples.add(new long[] {nowMicros, maxTs - 2048});
    }
  }

  /** A new id for a writer, unique in this JVM. */
  static long newWriterId() {
    return WRITER_IDS.incrementAndGet();
  }

  /** A writer prepared {@code rows} under {@code writerId}; they wait for their transaction's commit. */
  void prepared(long writerId, StampedRows rows) {
    synchronized (sinkLock) {
      prepared.put(writerId, rows);
    }
  }

  /**
   * Transaction {@code transactionId} commits the rows its writers prepared, at {@code nowMicros}.
   * The first commit of a transaction wins; a repeated one changes nothing.
   */
  void commit(long transactionId, List<Long> writerIds, long nowMicros) {
    synchronized (sinkLock) {
      if (!committedTransactions.add(transactionId)) {
        for (long writerId : writerIds) {
          prepared.remove(writerId);
        }
        return;
      }
      for (long writerId : writerIds) {
        StampedRows rows = prepared.remove(writerId);
        checkState(rows != null, "Latency run %s: transaction %s commits writer %s, whose rows are not in this"
            + " JVM (the measuring sink cannot be resumed after a restart)", runId, transactionId, writerId);
        committedRows.add(rows);
        commitTimes.add(nowMicros);
      }
    }
  }

  /** What the run observed so far; call after the pipeline finished. */
  Observations observations() {
    synchronized (sourceLock) {
      synchronized (sinkLock) {
        StampedRows committed = new StampedRows();
        for (int k = 0; k < committedRows.size(); k++) {
          committed.addAllCommitted(committedRows.get(k), commitTimes.get(k));
        }
        return new Observations(minArrivalLessOffset, maxArrivalLessOffset, lastArrivalMicros, eventsSeen,
            List.copyOf(watermarkSamples), committed, prepared.values().stream().mapToInt(StampedRows::size).sum());
      }
    }
  }

  /**
   * The raw observations of a run.
   *
   * @param startMicros the generator's start as observed: no event arrived before its due time
   *     counted from here, and the most punctual event arrived exactly on time
   * @param maxLagOffsetMicros the latest arrival minus its event's offset; minus {@code startMicros},
   *     the largest lag of the source behind its schedule
   * @param lastArrivalMicros when the last event reached the pipeline
   * @param events how many events reached the pipeline
   * @param watermarkSamples {@code {wallMicros, watermarkMillis}} of the source over the run
   * @param committed the rows whose transactions committed, with their write and commit times
   * @param uncommittedRows rows written and prepared but never committed
   */
  record Observations(long startMicros, long maxLagOffsetMicros, long lastArrivalMicros, long events,
      List<long[]> watermarkSamples, StampedRows committed, int uncommittedRows) {}
}
