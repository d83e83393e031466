package dev.weir.runners.microbatch.execution;

import dev.weir.runtime.values.WindowedValue;
import java.util.List;

/**
 * One task's map side of a keyed stage (Spark's shuffle write): the stage's input elements are
 * pushed in, cut by key partition (and combined first where a combine is lifted), and once the
 * pass is finished {@link #partitions} gives what the task wrote for each partition.
 *
 * <p>Call order as for any {@link SlicePass}; {@link #partitions} after {@link #finish}. Not
 * thread-safe: used by the one worker running the task.
 */
public interface ShuffleWrite extends SlicePass {
  /** What the task wrote, by key partition, each element in one window; after {@link #finish}. */
  List<List<WindowedValue<?>>> partitions();
}
