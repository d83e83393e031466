package dev.weir.runners.microbatch;

import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.DefaultValueFactory;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;

/**
 * The options of the {@link MicroBatchRunner}, registered for flag parsing and {@code --help} by
 * {@link MicroBatchRegistrar.Options}. Values are checked when the runner is made
 * ({@link MicroBatchRunner#fromOptions}); runner-microbatch/README.md explains each.
 *
 * <p>Each option's documentation is its {@link Description}, which {@code --help} prints: a getter
 * returns the flag's value, else the {@link Default} (unset options without one are null); setters
 * are for pipelines that set options in code. Values are shared by every {@link #as} view.
 */
public interface MicroBatchOptions extends PipelineOptions {

  @Description("Directory holding the offset log, commit log, state versions and progress of the query."
      + " Restarting with the same directory resumes the query. Unset: a temporary directory, deleted"
      + " when the run ends.")
  String getCheckpointDir();

  void setCheckpointDir(String dir);

  @Description("When batches start: processingTime:<duration> (e.g. processingTime:500ms, processingTime:2s;"
      + " 0 starts the next batch as soon as the previous one ends), availableNow (process what is"
      + " available now in batches, then stop) or once (one batch of what is available, then stop).")
  @Default.String("processingTime:0")
  String getTrigger();

  void setTrigger(String trigger);

  @Description("The most records a batch reads from each source; 0 means no limit. By default, when"
      + " batches run back to back (processingTime:0, availableNow), 200,000 for a source whose records reach a"
      + " grouping that keeps every value (so that the records a batch holds between its steps die in the"
      + " garbage collector's young generation) and 1,000,000 for one whose records reach only groupings that"
      + " combine before their shuffle (a batch then holds accumulators per key and window, and fewer batches"
      + " mean less per-batch work); 1,000,000 when a"
      + " trigger interval paces them, so that a batch can take in everything that arrived during its"
      + " interval (the limit divided by the interval is the most a paced query can sustain).")
  Long getMaxRecordsPerBatch();

  void setMaxRecordsPerBatch(Long max);

  @Description("Worker threads, and the number of key partitions of grouping and stateful steps."
      + " Default: the number of available processors.")
  @Default.InstanceFactory(AvailableProcessorsFactory.class)
  int getParallelism();

  void setParallelism(int parallelism);

  @Description("How many committed batches stay recoverable in the checkpoint; older offset, commit and"
      + " state files are deleted.")
  @Default.Integer(10)
  int getMinBatchesToRetain();

  void setMinBatchesToRetain(int batches);

  @Description("Every how many batches a state store writes a full snapshot; batches in between write"
      + " only the partitions that changed.")
  @Default.Integer(10)
  int getStateSnapshotInterval();

  void setStateSnapshotInterval(int batches);

  @Description("Print no progress line per batch (progress still goes to <checkpointDir>/progress/).")
  @Default.Boolean(false)
  boolean isQuietProgress();

  void setQuietProgress(boolean quiet);

  @Description("Whether run() waits for the pipeline to finish (and throws if it failed); with false,"
      + " the pipeline runs in the background and PipelineResult.waitUntilFinish() waits for it.")
  @Default.Boolean(true)
  boolean isBlockOnRun();

  void setBlockOnRun(boolean block);

  /** The default of {@code --parallelism}: the processors available to this JVM. */
  final class AvailableProcessorsFactory implements DefaultValueFactory<Integer> {
    /** Used through {@link Default.InstanceFactory}. */
    public AvailableProcessorsFactory() {}

    @Override
    public Integer create(PipelineOptions options) {
      return Runtime.getRuntime().availableProcessors();
    }
  }
}
