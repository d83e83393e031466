package dev.weir.runners.direct.streaming;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.weir.runners.direct.execution.ElementChecks;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.io.UnboundedSource;
import dev.weir.sdk.io.UnboundedSource.CheckpointMark;
import dev.weir.sdk.io.UnboundedSource.UnboundedReader;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.joda.time.Instant;

/**
 * Executes a {@code Read.Unbounded} step: one task splits the source into a few parts per worker;
 * then each part's reader reads in rounds, one task per round, each round making one batch of up
 * to {@value #MAX_RECORDS_PER_ROUND} records (fewer if the reader has no record available, or the
 * round took {@value #MAX_ROUND_MILLIS} ms) in the global window at the reader's timestamps.
 *
 * <p>Watermark: the minimum of the watermarks the parts' readers reported after their last round
 * (the beginning of time before the first). A part is done when its reader's watermark reaches
 * the end of time; the step's watermark reaches it when every part is done. A round that found no
 * record is followed by the next one only after a pause (1 ms, doubling up to
 * {@value #LONGEST_PAUSE_MILLIS} ms while the reader stays empty), so an idle source costs little.
 *
 * <p>While the pipeline is backlogged ({@link Driver#isBacklogged()}) no new round starts; the
 * rounds resume as the backlog drains.
 *
 * <p>Checkpoints: after a round's batch has been committed downstream, the next round (or, for a
 * done part, a last task) finalizes the checkpoint mark taken at the end of that round. Every
 * {@value #RESUME_EVERY_ROUNDS}th round, the reader is replaced by one created from that mark after
 * a round trip through the source's checkpoint mark coder, as if the runner had restarted (Beam's
 * direct runner does this at random), so that a source whose checkpoints do not restore fails here
 * first. Records of
 * a source that requires deduping are dropped if their id was seen in the last ten minutes.
 * Readers still open when the run ends are closed without finalizing.
 *
 * @param <T> the type of elements read
 */
final class ReadUnboundedExecutor<T> extends StepExecutor {
  static final int MAX_RECORDS_PER_ROUND = 1000;
  static final long MAX_ROUND_MILLIS = 20;
  static final long LONGEST_PAUSE_MILLIS = 64;
  static final int RESUME_EVERY_ROUNDS = 50;

  private final UnboundedSource<T, ?> source;
  private final PCollection<T> output;
  /** The ids of records delivered lately, for a source that requires deduping; else null. */
  private final Cache<ByteBuffer, Boolean> seenIds;
  private boolean started;
  /** The parts being read; null until the source is split. */
  private List<Part<T>> parts;

  @SuppressWarnings("unchecked")
  ReadUnboundedExecutor(Step step, Driver driver) {
    super(step, driver);
    this.source = ((Read.Unbounded<T>) step.transform()).getSource();
    this.output = (PCollection<T>) step.outputCollection();
    this.seenIds = source.requiresDeduping()
        ? CacheBuilder.newBuilder().expireAfterWrite(10, TimeUnit.MINUTES).build()
        : null;
  }

  @Override
  Instant sourceWatermark() {
    if (parts == null) {
      return BoundedWindow.TIMESTAMP_MIN_VALUE;
    }
    Instant min = BoundedWindow.TIMESTAMP_MAX_VALUE;
    for (Part<T> part : parts) {
      if (part.watermark.isBefore(min)) {
        min = part.watermark;
      }
    }
    return min;
  }

  @Override
  void dispatchReady() {
    if (!started) {
      started = true;
      dispatch(() -> {
        List<? extends UnboundedSource<T, ?>> split = source.split(context.desiredParts(), context.options());
        return () -> {
          parts = new ArrayList<>();
          split.forEach(s -> parts.add(new Part<>(s)));
        };
      });
      return;
    }
    if (parts == null) {
      return;
    }
    long now = System.nanoTime();
    for (Part<T> part : parts) {
      if (!part.busy && !part.closed && now - part.notBeforeNanos >= 0 && !driver.isBacklogged()) {
        dispatchRound(part);
      }
    }
  }

  @Override
  long millisUntilTimedWork() {
    // While backlogged, the next round waits for work to finish, which wakes the driver anyway.
    if (parts == null || driver.isBacklogged()) {
      return Long.MAX_VALUE;
    }
    long now = System.nanoTime();
    long soonest = Long.MAX_VALUE;
    for (Part<T> part : parts) {
      if (!part.busy && !part.closed) {
        soonest = Math.min(soonest, Math.max(0, TimeUnit.NANOSECONDS.toMillis(part.notBeforeNanos - now)));
      }
    }
    return soonest;
  }

  private void dispatchRound(Part<T> part) {
    part.busy = true;
    dispatch(() -> {
      Round<T> round = read(part);
      return () -> commit(part, round);
    });
  }

  private void commit(Part<T> part, Round<T> round) {
    part.busy = false;
    part.watermark = round.watermark();
    part.toFinalize = round.mark();
    driver.emit(output, round.batch());
    if (round.done()) {
      part.closed = true;
      part.busy = true;
      dispatch(() -> {
        part.finish();
        return () -> part.busy = false;
      });
    } else if (round.batch().isEmpty()) {
      part.pauseMillis = part.pauseMillis == 0 ? 1 : Math.min(part.pauseMillis * 2, LONGEST_PAUSE_MILLIS);
      part.notBeforeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(part.pauseMillis);
    } else {
      part.pauseMillis = 0;
      part.notBeforeNanos = System.nanoTime();
    }
  }

  /** One round of {@code part}: on a worker, the only thread touching the part's reader now. */
  private Round<T> read(Part<T> part) throws Exception {
    boolean available;
    if (part.reader == null) {
      part.reader = part.source.createReader(context.options(), null);
      available = part.reader.start();
    } else if (++part.rounds % RESUME_EVERY_ROUNDS == 0 && part.toFinalize != null) {
      available = resume(part);
    } else {
      part.finalizePending();
      available = part.reader.advance();
    }
    List<WindowedValue<T>> elements = new ArrayList<>();
    ElementChecks checks = new ElementChecks(step.fullName(), context);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_ROUND_MILLIS);
    while (available) {
      context.pool().checkRunning();
      if (seenIds == null || seenIds.asMap().putIfAbsent(ByteBuffer.wrap(part.reader.getCurrentRecordId()), true) == null) {
        T value = part.reader.getCurrent();
        checks.onOutput(output, value);
        elements.add(WindowedValue.timestampedValueInGlobalWindow(value, part.reader.getCurrentTimestamp()));
      }
      if (elements.size() >= MAX_RECORDS_PER_ROUND || System.nanoTime() - deadline >= 0) {
        break;
      }
      available = part.reader.advance();
    }
    checks.afterBundle();
    Instant watermark = part.reader.getWatermark();
    boolean done = !watermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE);
    return new Round<>(Batch.of(elements), watermark, part.reader.getCheckpointMark(), done);
  }

  /**
   * Replaces {@code part}'s reader by one created from its last committed checkpoint mark, after a
   * round trip through the source's checkpoint coder, as a runner that restarts would.
   */
  private boolean resume(Part<T> part) throws Exception {
    CheckpointMark mark = part.toFinalize;
    part.finalizePending();
    UnboundedSource.UnboundedReader<T> resumed = restore(part.source, mark);
    part.reader.close();
    part.reader = resumed;
    return resumed.start();
  }

  @SuppressWarnings("unchecked")
  private <MarkT extends CheckpointMark> UnboundedReader<T> restore(UnboundedSource<T, MarkT> source, CheckpointMark mark)
      throws IOException {
    Coder<MarkT> coder = source.getCheckpointMarkCoder();
    MarkT copy;
    try {
      copy = CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, (MarkT) mark));
    } catch (CoderException | RuntimeException e) {
      throw new IllegalStateException("The checkpoint mark " + mark + " of " + source + " does not survive a round"
          + " trip through the source's checkpoint mark coder " + coder + ": " + e + ". Fix: make"
          + " getCheckpointMarkCoder() encode every field of the mark.", e);
    }
    return source.createReader(context.options(), copy);
  }

  @Override
  void close() {
    if (parts != null) {
      for (Part<T> part : parts) {
        part.closeQuietly();
      }
    }
  }

  /**
   * What one round of a part produced.
   *
   * @param batch the records read
   * @param watermark the reader's watermark after the round
   * @param mark the reader's checkpoint mark after the round
   * @param done whether the watermark reached the end of time
   */
  private record Round<T>(Batch<T> batch, Instant watermark, CheckpointMark mark, boolean done) {}

  /** One part of the source and its reader; the reader is used by one task at a time. */
  private static final class Part<T> {
    private final UnboundedSource<T, ?> source;
    private UnboundedReader<T> reader;
    private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
    /** The mark of the last committed round, not yet finalized; null if none. */
    private CheckpointMark toFinalize;
    private boolean busy;
    private boolean closed;
    /** How many rounds the part has read, counting from its first. */
    private long rounds;
    private long pauseMillis;
    private long notBeforeNanos = System.nanoTime();

    Part(UnboundedSource<T, ?> source) {
      this.source = source;
    }

    void finalizePending() throws Exception {
      CheckpointMark mark = toFinalize;
      toFinalize = null;
      if (mark != null) {
        mark.finalizeCheckpoint();
      }
    }

    /** Finalizes the last mark of a part that is done, and closes its reader. */
    void finish() throws Exception {
      finalizePending();
      UnboundedReader<T> done = reader;
      reader = null;
      done.close();
    }

    void closeQuietly() {
      UnboundedReader<T> open = reader;
      reader = null;
      if (open != null) {
        try {
          open.close();
        } catch (Exception | LinkageError e) {
          // Best effort: the run is over, and a failure to close cannot change its outcome.
          System.getLogger(ReadUnboundedExecutor.class.getName())
              .log(System.Logger.Level.WARNING, "Closing a reader of " + source + " failed", e);
        }
      }
    }
  }
}
