package dev.weir.runners.continuous;

import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.DefaultValueFactory;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;

/**
 * The options of the {@link ContinuousRunner}, registered for flag parsing and {@code --help} by
 * {@link ContinuousRegistrar.Options}. runner-continuous/README.md explains each in terms of the
 * runner's threads and channels.
 *
 * <p>Each option's documentation is its {@link Description}, which {@code --help} prints: a getter
 * returns the flag's value, else the {@link Default} (unset options without one are null); setters
 * are for pipelines that set options in code. Values are shared by every {@link #as} view.
 */
public interface ContinuousOptions extends PipelineOptions {

  @Description("How many subtasks each keyed operator (GroupByKey, Combine.perKey, stateful ParDo) and"
      + " each side-input ParDo runs, and how many parts sources are split into. Default: the number of"
      + " available processors.")
  @Default.InstanceFactory(AvailableProcessorsFactory.class)
  int getParallelism();

  void setParallelism(int parallelism);

  @Description("Milliseconds a buffer of records may wait before it is shipped to the next subtask while"
      + " its producer stays busy; 0 ships every record at once (lowest latency). A buffer is also"
      + " shipped when full and whenever its producer runs out of input.")
  @Default.Long(5)
  long getBufferTimeout();

  void setBufferTimeout(long millis);

  @Description("How many records a buffer between two subtasks holds before it is shipped.")
  @Default.Integer(256)
  int getBufferSize();

  void setBufferSize(int records);

  @Description("How many buffers a subtask's input channel queues before its producers block"
      + " (back-pressure).")
  @Default.Integer(64)
  int getChannelCapacity();

  void setChannelCapacity(int buffers);

  @Description("Milliseconds after which a source subtask that read nothing is marked idle, so that its"
      + " watermark no longer holds back the operators it feeds (Flink's source idleness); records it"
      + " reads later may then be late. 0 (the default, as in Flink) never marks a source idle.")
  @Default.Long(0)
  long getSourceIdleTimeout();

  void setSourceIdleTimeout(long millis);

  @Description("Milliseconds between two checkpoints: sources inject a barrier this often.")
  @Default.Long(1000)
  long getCheckpointInterval();

  void setCheckpointInterval(long millis);

  @Description("The directory checkpoints are written to, and restored from when it already holds a"
      + " complete one. Unset: a fresh temporary directory per run, deleted when the run ends.")
  String getCheckpointDir();

  void setCheckpointDir(String directory);

  @Description("Milliseconds between two progress lines on standard error (per operator: records in and"
      + " out per second, input watermark and its lag, time blocked on full channels; checkpoints).")
  @Default.Long(10000)
  long getProgressInterval();

  void setProgressInterval(long millis);

  @Description("Print no progress lines; the progress stays available from the PipelineResult.")
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
