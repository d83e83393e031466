package dev.weir.runners.microbatch;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runners.microbatch.execution.MicroBatchQuery;
import dev.weir.runtime.graph.GraphDump;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.options.PipelineOptions;

/**
 * The micro-batch runner, in the model of Spark Structured Streaming: a pipeline is a query
 * repeated over its input, one batch at a time; each batch is an offset range per source, logged
 * before it runs, run through every step as a bounded job whose keyed state carries over, and
 * committed with its sinks' output and its state version. With {@code --checkpointDir} a run
 * survives crashes with exactly-once output. See {@link MicroBatchQuery} and
 * runner-microbatch/README.md.
 *
 * <p>{@link #run} writes the graph to {@code --dumpGraph} if set, then starts the query on its
 * own thread; with {@code --blockOnRun} (the default) it waits for the end and throws
 * {@link Pipeline.PipelineExecutionException} if the query failed. Select it with {@code
 * --runner=microbatch}.
 */
public final class MicroBatchRunner extends PipelineRunner<MicroBatchPipelineResult> {
  private final MicroBatchOptions options;

  private MicroBatchRunner(MicroBatchOptions options) {
    this.options = options;
  }

  /**
   * A runner with {@code options}.
   *
   * @throws IllegalArgumentException naming the flag if an option is out of range
   */
  public static MicroBatchRunner fromOptions(PipelineOptions options) {
    MicroBatchOptions microBatch = options.as(MicroBatchOptions.class);
    checkArgument(microBatch.getParallelism() >= 1,
        "--parallelism must be at least 1, got %s", microBatch.getParallelism());
    checkArgument(microBatch.getMaxRecordsPerBatch() == null || microBatch.getMaxRecordsPerBatch() >= 0,
        "--maxRecordsPerBatch must be 0 (no limit) or more, got %s", microBatch.getMaxRecordsPerBatch());
    checkArgument(microBatch.getMinBatchesToRetain() >= 1,
        "--minBatchesToRetain must be at least 1, got %s", microBatch.getMinBatchesToRetain());
    checkArgument(microBatch.getStateSnapshotInterval() >= 1,
        "--stateSnapshotInterval must be at least 1, got %s", microBatch.getStateSnapshotInterval());
    BatchTrigger.parse(microBatch.getTrigger());
    return new MicroBatchRunner(microBatch);
  }

  /** The options this runner runs pipelines with. */
  public MicroBatchOptions getOptions() {
    return options;
  }

  @Override
  public MicroBatchPipelineResult run(Pipeline pipeline) {
    PipelineGraph graph = PipelineGraph.of(pipeline);
    GraphDump.writeIfRequested(graph, options);
    MetricsContainerStepMap metrics = new MetricsContainerStepMap();
    MicroBatchPipelineResult result = MicroBatchPipelineResult.start(graph, options, metrics);
    if (options.isBlockOnRun()) {
      result.waitUntilFinish();
    }
    return result;
  }

  @Override
  public String toString() {
    return "MicroBatchRunner";
  }
}
