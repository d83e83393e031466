package dev.weir.runners.continuous;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runtime.graph.GraphDump;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.options.PipelineOptions;

/**
 * The continuous runner: runs a pipeline as a job of long-lived operator threads that process one
 * record at a time, in the model of Apache Flink.
 *
 * <p>Stateless transforms are chained into the threads of the operators upstream of them; keyed
 * transforms (GroupByKey, Combine.perKey, stateful ParDos) and ParDos with side inputs run as
 * {@code --parallelism} subtasks, fed through bounded channels (a full channel blocks its
 * producer); watermarks travel in-band, and every decision about what to output is the shared
 * execution core's. See runner-continuous/README.md. Select it with {@code --runner=continuous}.
 * {@link #run} writes the graph to {@code --dumpGraph} if set, then starts the job; with {@code
 * --blockOnRun} (the default) it waits for the end and throws
 * {@link Pipeline.PipelineExecutionException} if the job failed.
 */
public final class ContinuousRunner extends PipelineRunner<ContinuousPipelineResult> {
  private final ContinuousOptions options;

  private ContinuousRunner(ContinuousOptions options) {
    this.options = options;
  }

  /**
   * A runner with {@code options}.
   *
   * @throws IllegalArgumentException naming the flag if an option is out of range
   */
  public static ContinuousRunner fromOptions(PipelineOptions options) {
    ContinuousOptions continuous = options.as(ContinuousOptions.class);
    checkArgument(continuous.getParallelism() >= 1,
        "--parallelism must be at least 1, got %s", continuous.getParallelism());
    checkArgument(continuous.getBufferTimeout() >= 0,
        "--bufferTimeout must be 0 (ship every record) or more milliseconds, got %s", continuous.getBufferTimeout());
    checkArgument(continuous.getBufferSize() >= 1,
        "--bufferSize must be at least 1 record, got %s", continuous.getBufferSize());
    checkArgument(continuous.getChannelCapacity() >= 1,
        "--channelCapacity must be at least 1 buffer, got %s", continuous.getChannelCapacity());
    checkArgument(continuous.getSourceIdleTimeout() >= 0,
        "--sourceIdleTimeout must be 0 (never idle) or more milliseconds, got %s", continuous.getSourceIdleTimeout());
    checkArgument(continuous.getCheckpointInterval() >= 1,
        "--checkpointInterval must be at least 1 millisecond, got %s", continuous.getCheckpointInterval());
    checkArgument(continuous.getProgressInterval() >= 1,
        "--progressInterval must be at least 1 millisecond (use --quietProgress for no progress lines), got %s",
        continuous.getProgressInterval());
    return new ContinuousRunner(continuous);
  }

  /** The options this runner runs pipelines with. */
  public ContinuousOptions getOptions() {
    return options;
  }

  @Override
  public ContinuousPipelineResult run(Pipeline pipeline) {
    PipelineGraph graph = PipelineGraph.of(pipeline);
    GraphDump.writeIfRequested(graph, options);
    MetricsContainerStepMap metrics = new MetricsContainerStepMap();
    ContinuousJob job = new ContinuousJob(graph, options, metrics);
    ContinuousPipelineResult result = ContinuousPipelineResult.start(job, metrics);
    if (options.isBlockOnRun()) {
      result.waitUntilFinish();
    }
    return result;
  }

  @Override
  public String toString() {
    return "ContinuousRunner";
  }
}
