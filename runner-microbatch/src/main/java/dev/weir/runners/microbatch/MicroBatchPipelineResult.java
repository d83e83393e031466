package dev.weir.runners.microbatch;

import dev.weir.runners.microbatch.execution.MicroBatchQuery;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.jobs.JobRunResult;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A run of the {@link MicroBatchRunner}: its state, waiting for it, cancelling it, its metrics and
 * the progress of its batches.
 *
 * <p>Thread-safe. The query runs on its own thread from {@link #start}. States go {@code RUNNING}
 * then one of {@code DONE}, {@code FAILED} or {@code CANCELLED}, never back. {@code
 * waitUntilFinish} returns once the query has ended, its worker threads stopped and its DoFns torn
 * down; for a failed run it throws, on every call, the {@link PipelineExecutionException} that
 * names the transform and carries the user's exception as its cause. Metrics are live; committed
 * values equal attempted ones. {@link #recentProgress()} keeps the last
 * {@value #PROGRESS_KEPT} batches' {@link BatchProgress}.
 */
public final class MicroBatchPipelineResult extends JobRunResult {
  private static final int PROGRESS_KEPT = 100;

  private final MicroBatchQuery query;
  private final boolean quiet;
  private final Deque<BatchProgress> recent = new ArrayDeque<>();

  private MicroBatchPipelineResult(PipelineGraph graph, MicroBatchOptions options, MetricsContainerStepMap metrics) {
    super(metrics);
    this.query = new MicroBatchQuery(graph, options, metrics, this::onProgress);
    this.quiet = options.isQuietProgress();
    // Last, so that the run's thread only ever sees this object fully built.
    startRun("MicroBatchRunner", "weir-microbatch-driver", query::run, query::cancel);
  }

  /** Starts a query of {@code graph} on a new thread and returns the handle on its run. */
  static MicroBatchPipelineResult start(PipelineGraph graph, MicroBatchOptions options, MetricsContainerStepMap metrics) {
    return new MicroBatchPipelineResult(graph, options, metrics);
  }

  private void onProgress(BatchProgress progress) {
    synchronized (recent) {
      recent.addLast(progress);
      if (recent.size() > PROGRESS_KEPT) {
        recent.removeFirst();
      }
    }
    if (!quiet) {
      // The progress line is this runner's console report, as Spark's query progress is.
      System.err.println("[weir-microbatch] " + progress.toLine());
    }
  }

  /** The progress of the last batch that committed, or null if none did yet. */
  public BatchProgress lastProgress() {
    synchronized (recent) {
      return recent.peekLast();
    }
  }

  /** The progress of the most recent batches, oldest first. */
  public List<BatchProgress> recentProgress() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }
}
