package dev.weir.runners.direct;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runners.direct.streaming.StreamingExecutor;
import dev.weir.runtime.graph.GraphDump;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.options.PipelineOptions;

/**
 * The reference runner: runs a pipeline in this JVM, faithful to the model and, on request,
 * checking that user code neither mutates elements nor outputs ones its coders cannot encode.
 *
 * <p>Bounded and unbounded pipelines run the same way, by watermarks: each step processes batches
 * as they arrive, in parallel on {@code --targetParallelism} worker threads, and a driver thread
 * tracks every collection's watermark, fires timers and triggers, and plays {@code TestStream}s
 * (see {@link StreamingExecutor} and runner-direct/README.md). A pipeline ends when every
 * watermark reached the end of time; one over an endless source runs until
 * {@link DirectPipelineResult#cancel()}. {@link #run} writes the graph to {@code --dumpGraph} if set, then
 * starts the run; with {@code --blockOnRun} (the default) it waits for the end and throws
 * {@link Pipeline.PipelineExecutionException} if the pipeline failed. Select it with {@code
 * --runner=direct}; it is also the default runner.
 */
public final class DirectRunner extends PipelineRunner<DirectPipelineResult> {
  private final DirectOptions options;

  private DirectRunner(DirectOptions options) {
    this.options = options;
  }

  /**
   * A runner with {@code options}.
   *
   * @throws IllegalArgumentException naming the flag if an option is out of range
   */
  public static DirectRunner fromOptions(PipelineOptions options) {
    DirectOptions direct = options.as(DirectOptions.class);
    checkArgument(direct.getTargetParallelism() >= 1,
        "--targetParallelism must be at least 1, got %s", direct.getTargetParallelism());
    return new DirectRunner(direct);
  }

  /** The options this runner runs pipelines with. */
  public DirectOptions getOptions() {
    return options;
  }

  @Override
  public DirectPipelineResult run(Pipeline pipeline) {
    PipelineGraph graph = PipelineGraph.of(pipeline);
    GraphDump.writeIfRequested(graph, options);
    MetricsContainerStepMap metrics = new MetricsContainerStepMap();
    StreamingExecutor executor = new StreamingExecutor(graph, options, metrics);
    DirectPipelineResult result = DirectPipelineResult.start(executor, metrics);
    if (options.isBlockOnRun()) {
      result.waitUntilFinish();
    }
    return result;
  }

  @Override
  public String toString() {
    return "DirectRunner";
  }
}
