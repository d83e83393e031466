package dev.weir.examples.bench;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.util.List;
import java.util.SortedMap;
import org.joda.time.Instant;

/**
 * The sink of a latency run: an exactly-once sink whose medium is the run's {@link LatencyRecorder},
 * so that each row gets two times, when the sink received it ({@link Writer#write}) and when it
 * became visible ({@link #commit} of its transaction), as a transactional file or Kafka sink would
 * make it visible.
 *
 * <p>A writer keeps its rows in memory; its committable is only its writer id, under which
 * {@link Writer#prepareCommit} hands the rows to the recorder. A commit stamps them; the first
 * commit of a transaction wins, as the contract requires. The rows live in the JVM only, so a run
 * restarted from a checkpoint cannot be measured: {@link #resume} with pending transactions fails,
 * naming the reason. Serializable; the recorder is found by run id after deserialization.
 */
final class MeasuringSink extends TransactionalSink<LatencyRow, Long> {
  private static final long serialVersionUID = 1L;

  private final String runId;

  MeasuringSink(String runId) {
    this.runId = runId;
  }

  @Override
  public Coder<Long> getCommittableCoder() {
    return VarLongCoder.of();
  }

  @Override
  public Writer<LatencyRow, Long> openWriter(long transactionId, int shard) {
    return new RowWriter(LatencyRecorder.forRun(runId));
  }

  @Override
  public void commit(long transactionId, List<Long> committables) {
    LatencyRecorder.forRun(runId).commit(transactionId, committables, nowMicros());
  }

  @Override
  public void startFresh() {}

  @Override
  public void resume(SortedMap<Long, List<Long>> pending) {
    if (!pending.isEmpty()) {
      throw new IllegalStateException("The measuring sink of latency run " + runId + " cannot resume transactions "
          + pending.keySet() + ": their rows were kept in the memory of the JVM that wrote them."
          + " Measure latency on runs without restarts.");
    }
  }

  /** Wall-clock time in microseconds since the epoch. */
  static long nowMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
  }

  /** Encodes a pane as one long: its index times four plus its timing's ordinal. */
  static long encodePane(PaneInfo pane) {
    return pane.getIndex() * 4 + pane.getTiming().ordinal();
  }

  /** Collects the rows of one shard in one transaction, stamped as they arrive. */
  private static final class RowWriter implements Writer<LatencyRow, Long> {
    private final LatencyRecorder recorder;
    private final long writerId = LatencyRecorder.newWriterId();
    private final StampedRows rows = new StampedRows();

    RowWriter(LatencyRecorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public void write(LatencyRow row, Instant timestamp, BoundedWindow window, PaneInfo pane) {
      rows.add(row, encodePane(pane), nowMicros());
    }

    @Override
    public Long prepareCommit() {
      recorder.prepared(writerId, rows);
      return writerId;
    }

    @Override
    public void abort() {}
  }
}
