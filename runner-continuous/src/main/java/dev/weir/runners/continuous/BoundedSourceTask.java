package dev.weir.runners.continuous;

import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.BoundedSource.BoundedReader;
import java.util.List;

/**
 * A subtask of a {@code Read.Bounded}: reads its parts of the source one after the other, pushing
 * each record through the chain as it is read. Its watermark stays at the beginning of time until
 * every part is read, then the subtask ends its output (the end of time, then the end).
 *
 * <p>The job counts the subtask as busy while it runs, so that a TestStream plays its events only
 * once bounded inputs are read.
 */
final class BoundedSourceTask extends Subtask {
  /** How many records go through the chain between two bundle ends and buffer timeout checks. */
  private static final int RECORDS_PER_BUNDLE = 256;

  private final List<? extends BoundedSource<?>> parts;

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
      for (BoundedSource<?> part : parts) {
        read(part, output);
      }
      endOfInput();
    } finally {
      job.done();
    }
  }

  private void read(BoundedSource<?> part, Receiver output) throws Exception {
    try (BoundedReader<?> reader = part.createReader(job.options())) {
      long count = 0;
      for (boolean available = reader.start(); available; available = reader.advance()) {
        checkRunning();
        output.accept(WindowedValue.timestampedValueInGlobalWindow(reader.getCurrent(), reader.getCurrentTimestamp()));
        stats.recordsIn.incrementAndGet();
        if (++count % RECORDS_PER_BUNDLE == 0) {
          chain.finishBundles();
          chain.shipIfDue(System.nanoTime());
        }
      }
    }
    chain.finishBundles();
  }
}
