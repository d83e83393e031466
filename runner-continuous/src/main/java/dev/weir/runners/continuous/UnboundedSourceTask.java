package dev.weir.runners.continuous;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.io.UnboundedSource;
import dev.weir.sdk.io.UnboundedSource.CheckpointMark;
import dev.weir.sdk.io.UnboundedSource.UnboundedReader;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.joda.time.Instant;

/**
 * A subtask of a {@code Read.Unbounded}: reads one part of the source record by record, pushing
 * each through the chain, and sends the reader's watermark downstream every
 * {@value #RECORDS_PER_BUNDLE} records and whenever the reader has nothing available. When
 * nothing is available it ships its buffers and polls again after a pause (a quarter of a
 * millisecond, doubling up to {@value #LONGEST_PAUSE_MILLIS} ms). It ends when the reader's watermark reaches the end of time.
 * At a barrier the reader's checkpoint mark, encoded by the source's mark coder, is the subtask's
 * state; it is finalized once the checkpoint completes, and a restored subtask's reader resumes
 * from it. Records of a source that requires deduping are dropped if their id was seen in the last ten
 * minutes.
 */
final class UnboundedSourceTask extends Subtask {
  private static final int RECORDS_PER_BUNDLE = 256;
  /**
   * The first pause when nothing is available. Shorter than a millisecond: a source that makes
   * records available by the millisecond (the generator) is then polled soon after each one, not a
   * whole sleep after it. With 1 ms, wake-ups that fell just before a millisecond's records doubled
   * the pause, and L0's median latency went from 0.6 to 1-2 ms between runs.
   */
  private static final long SHORTEST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(250);
  private static final long LONGEST_PAUSE_MILLIS = 64;

  private final UnboundedSource<Object, CheckpointMark> source;
  private final Cache<ByteBuffer, Boolean> seenIds;

  @SuppressWarnings("unchecked")
  UnboundedSourceTask(Job job, Stage stage, int subtask, UnboundedSource<?, ?> source) {
    super(job, stage, subtask);
    this.source = (UnboundedSource<Object, CheckpointMark>) source;
    this.seenIds = source.requiresDeduping()
        ? CacheBuilder.newBuilder().expireAfterWrite(10, TimeUnit.MINUTES).build()
        : null;
  }

  @Override
  void body() throws Exception {
    Receiver output = chain.receiverFor(stage.head.outputCollection());
    chain.buildAll(List.of(stage.head.outputCollection()));
    if (restoredFinished()) {
      endOfInput();
      return;
    }
    List<byte[]> state = restoredState();
    CheckpointMark restored = state == null ? null : StateSections.decode(source.getCheckpointMarkCoder(), state.get(1));
    try (UnboundedReader<Object> reader = source.createReader(job.options(), restored)) {
      read(reader, output);
    }
    endOfInput();
  }

  /** Reads until the reader's watermark reaches the end of time. */
  private void read(UnboundedReader<Object> reader, Receiver output) throws Exception {
    long pause = 0;
    long count = 0;
    long idleAfter = TimeUnit.MILLISECONDS.toNanos(job.options().getSourceIdleTimeout());
    long lastRecord = System.nanoTime();
    boolean idle = false;
    boolean available = reader.start();
    while (true) {
      checkRunning();
      if (available) {
        emit(reader, output);
        pause = 0;
        lastRecord = System.nanoTime();
        idle = false;
      } else if (!idle && idleAfter > 0 && System.nanoTime() - lastRecord >= idleAfter) {
        idle = true;
        chain.emitIdle();
      }
      if ((!available || ++count % RECORDS_PER_BUNDLE == 0) && !sendWatermark(reader)) {
        return;
      }
      checkpointIfDue(reader);
      if (available) {
        chain.shipIfDue(System.nanoTime());
      } else {
        chain.shipAll();
        pause = pause == 0 ? SHORTEST_PAUSE_NANOS : Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(LONGEST_PAUSE_MILLIS));
        pause(pause);
      }
      available = reader.advance();
    }
  }

  /** Sends the reader's watermark on; false once it reached the end of time. */
  private boolean sendWatermark(UnboundedReader<Object> reader) {
    chain.finishBundles();
    Instant watermark = reader.getWatermark();
    if (!watermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
      return false;
    }
    emitWatermark(watermark);
    return true;
  }

  private void checkpointIfDue(UnboundedReader<Object> reader) {
    long barrier = barrierDue();
    if (barrier != 0) {
      CheckpointMark mark = reader.getCheckpointMark();
      takeCheckpoint(barrier, () -> StateSections.running().add(source.getCheckpointMarkCoder(), mark).build(), mark);
    }
  }

  private void emit(UnboundedReader<Object> reader, Receiver output) {
    if (seenIds == null || seenIds.asMap().putIfAbsent(ByteBuffer.wrap(reader.getCurrentRecordId()), true) == null) {
      Handoff.to(output, WindowedValue.timestampedValueInGlobalWindow(reader.getCurrent(), reader.getCurrentTimestamp()));
      stats.recordsIn.incrementAndGet();
    }
  }

  private static void pause(long nanos) {
    // The source has nothing now and offers no way to wait for it: poll again later. Parking, not
    // sleeping: Thread.sleep rounds a pause to whole milliseconds.
    LockSupport.parkNanos(nanos);
    if (Thread.currentThread().isInterrupted()) {
      throw new Job.Stopped();
    }
  }
}
