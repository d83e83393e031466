package dev.weir.runners.continuous;

import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Primitive;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sinks.SinkCommitter;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.io.TransactionalWrite;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The committing side of every {@code TransactionalWrite} of a job: one {@link SinkCommitter} per
 * sink step. A transaction's id is the id of the checkpoint its records belong to; it is committed
 * once that checkpoint is complete (or the bounded job ended).
 *
 * <p>Thread-safe, as the committers are.
 */
final class Sinks {
  private final Map<String, SinkCommitter<Object>> committers = new LinkedHashMap<>();
  private final long firstTransaction;

  /** The sinks of {@code graph}; transactions start after checkpoint {@code restoredCheckpoint} (0: none). */
  @SuppressWarnings("unchecked")
  Sinks(PipelineGraph graph, long restoredCheckpoint) {
    for (Step step : graph.getSteps()) {
      if (step.primitive() == Primitive.TRANSACTIONAL_WRITE) {
        TransactionalSink<Object, Object> sink =
            (TransactionalSink<Object, Object>) ((TransactionalWrite<Object>) step.transform()).getSink();
        committers.put(step.fullName(), new SinkCommitter<>(step.fullName(), sink));
      }
    }
    this.firstTransaction = restoredCheckpoint + 1;
  }

  /** The transaction records written before the first barrier belong to. */
  long firstTransaction() {
    return firstTransaction;
  }

  SinkCommitter<Object> committer(Step step) {
    return committers.get(step.fullName());
  }

  /** The sink steps' names and committers, in graph order. */
  Map<String, SinkCommitter<Object>> all() {
    return committers;
  }

  /** Starts every sink without a checkpoint. */
  void startFresh() throws IOException {
    for (SinkCommitter<Object> committer : committers.values()) {
      committer.startFresh();
    }
  }

  /** Commits every transaction prepared up to and including {@code transaction}. */
  void commitUpTo(long transaction) throws IOException {
    for (SinkCommitter<Object> committer : committers.values()) {
      committer.commitUpTo(transaction);
    }
  }
}
