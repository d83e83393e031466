package dev.weir.runners.microbatch.execution;

import dev.weir.runtime.values.WindowedValue;
import java.util.List;

/**
 * A keyed stage whose map side ({@link ShuffleWrite}) can run fused at the end of the tasks that
 * produce its input, as Spark writes a shuffle (and combines map-side) in the map tasks: the
 * stage's input is then never held as one list.
 *
 * <p>{@link #openShuffleWrite} is called on workers, by one task each, while the batch loop waits;
 * {@link #acceptShuffled} by the batch loop's thread once they all ended, before the stage runs.
 */
public interface ShuffleWriting {
  /** Opens the map side of one producing task; the stage's metrics container is installed around its calls. */
  ShuffleWrite openShuffleWrite();

  /**
   * Whether what the map side writes for a batch grows with the batch's records (one entry per
   * record, as a grouping that keeps every value writes), rather than with its keys and windows (as
   * a combine lifted before the shuffle writes). A batch holds the former until its stage runs, so
   * back-to-back batches are kept smaller while any stage writes that way.
   */
  default boolean writesPerRecord() {
    return true;
  }

  /** Takes what the map sides of the batch's producing tasks wrote, in task order, as input of the stage's next run. */
  void acceptShuffled(List<List<List<WindowedValue<?>>>> written);
}
