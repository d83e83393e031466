package dev.weir.runners.continuous;

import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.BoundedSource.BoundedReader;
import java.io.IOException;
import java.util.List;

/**
 * A subtask of a {@code Read.Bounded}: reads its parts of the source one after the other, pushing
 * each record through the chain as it is read. Its watermark stays at the beginning of time until
 * every part is read, then the subtask ends its output (the end of time, then the end).
 *
 * <p>Checkpoints: a barrier that became due is injected at the end of the bundle being read (every
 * {@link #RECORDS_PER_BUNDLE} records at most); the subtask's position (which part, how many of its
 * records were read) is its state; a restored subtask skips what was read before.
 *
 * <p>The job counts the subtask as busy while it runs, so that a TestStream plays its events only
 * once bounded inputs are read.
 */
final class BoundedSourceTask extends Subtask {
  /** How many records go through the chain between two bundle ends and buffer timeout checks. */
  private static final int RECORDS_PER_BUNDLE = 256;

  private final List<? extends BoundedSource<?>> parts;
  /** Whether the reader of the part being read is on a record that was not pushed yet. */
  private boolean readerHasRecord;

  BoundedSourceTask(Job job, Stage stage, int subtask, List<? extends BoundedSource<?>> parts) {
    super(job, stage, subtask);
    this.parts = parts;
    job.busy();
  }

  @Override
  void body() throws Exception {
    try {
      Receiver output = chain.receiverFor(stage.head.outputCollection());
      chain.buildAll(List.of(stage.head.outputCollection()));
      int first = 0;
      long skip = 0;
      List<byte[]> restored = restoredState();
      if (restoredFinished()) {
        first = parts.size();
      } else if (restored != null) {
        first = (int) StateSections.decodeLong(restored.get(1));
        skip = StateSections.decodeLong(restored.get(2));
      }
      for (int i = first; i < parts.size(); i++) {
        read(i, output, i == first ? skip : 0);
      }
      endOfInput();
    } finally {
      job.done();
    }
  }

  /**
   * Reads part {@code index}, skipping its first {@code skip} records (read before the restored
   * checkpoint: a bounded source reads the same records in the same order every time).
   */
  private void read(int index, Receiver output, long skip) throws Exception {
    try (BoundedReader<?> reader = parts.get(index).createReader(job.options())) {
      long count = 0;
      boolean available = reader.start();
      for (; available && count < skip; available = reader.advance()) {
        if (++count % RECORDS_PER_BUNDLE == 0) {
          // A long skip after a restore stays cancellable, as reading is.
          checkRunning();
        }
      }
      readerHasRecord = available;
      while (readerHasRecord) {
        long pushed = pushBundle(reader, output);
        count += pushed;
        endBundle(index, count, pushed);
      }
    }
  }

  /**
   * Pushes the reader's current record and those after it through the chain, a bundle's worth at
   * most, and returns how many; leaves {@link #readerHasRecord} saying whether the reader is on a
   * record not pushed yet.
   */
  private long pushBundle(BoundedReader<?> reader, Receiver output) throws IOException {
    // A method of its own, so that the JIT compiles this loop, with the chain inlined into it,
    // apart from the rare paths between bundles (cancellation, barriers): a path first taken at the
    // first checkpoint would otherwise throw away and compile again the code of the whole chain.
    long pushed = 0;
    boolean available = true;
    while (available && pushed < RECORDS_PER_BUNDLE) {
      Handoff.to(output, WindowedValue.timestampedValueInGlobalWindow(reader.getCurrent(), reader.getCurrentTimestamp()));
      pushed++;
      available = reader.advance();
    }
    readerHasRecord = available;
    return pushed;
  }

  /**
   * Ends a bundle of {@code records} records that leaves part {@code index} at position {@code count}:
   * counts them, stops if the job stopped, takes a due checkpoint and ships what is due.
   */
  private void endBundle(int index, long count, long records) {
    // Counted per bundle: an atomic increment per record is a cost the progress report does not need.
    stats.recordsIn.addAndGet(records);
    checkRunning();
    chain.finishBundles();
    long barrier = barrierDue();
    if (barrier != 0) {
      takeCheckpoint(barrier, () -> StateSections.running().addLong(index).addLong(count).build(), null);
    }
    chain.shipIfDue(System.nanoTime());
  }
}
