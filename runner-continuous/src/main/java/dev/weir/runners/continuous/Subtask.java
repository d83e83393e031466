package dev.weir.runners.continuous;

import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.io.UnboundedSource.CheckpointMark;
import java.util.List;
import java.util.function.Supplier;
import org.joda.time.Instant;

/**
 * One subtask of a stage: a long-lived thread that runs the stage's head operator and the chain
 * behind it. Subclasses supply {@link #body}; this class reports its failure to the job (naming
 * the operator), sends watermarks downstream only when they advance, and releases the chain's
 * resources however the thread ends.
 */
abstract class Subtask implements Runnable {
  final Job job;
  final Stage stage;
  final int subtask;
  final Chain chain;
  final TaskStats stats;
  private Instant emitted = BoundedWindow.TIMESTAMP_MIN_VALUE;
  /** The latest barrier this subtask took part in. */
  long lastBarrier;

  Subtask(Job job, Stage stage, int subtask) {
    this.job = job;
    this.stage = stage;
    this.subtask = subtask;
    this.chain = new Chain(job, stage, subtask);
    this.stats = job.stats(stage, subtask);
    this.lastBarrier = job.sinks().firstTransaction() - 1;
  }

  /** The restored state of this subtask, or null on a fresh start. */
  final List<byte[]> restoredState() {
    return job.restoredState(stage, subtask);
  }

  /** Whether this subtask had ended by the restored checkpoint. */
  final boolean restoredFinished() {
    List<byte[]> state = restoredState();
    return state != null && state.get(0)[0] == 1;
  }

  /** The subtask's work, run with the head step's metrics container installed. */
  abstract void body() throws Exception;

  /** Releases what the head holds; called once on the subtask's thread, whatever the outcome. */
  void closeHead() {}

  @Override
  @SuppressWarnings("try")
  public final void run() {
    MetricsContainer container = job.metrics().getContainer(stage.name());
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      chain.prepareThread();
      body();
      job.coordinator().finished(stage, subtask);
    } catch (Job.Stopped e) {
      // The job stopped (failed elsewhere or was cancelled); nothing more to report.
    } catch (Throwable e) {
      job.fail(stage.name(), e);
    } finally {
      chain.close();
      closeHead();
    }
  }

  /** Sends {@code watermark} downstream if it is past the last one sent. */
  final void emitWatermark(Instant watermark) {
    if (watermark.isAfter(emitted)) {
      emitted = watermark;
      chain.emitWatermark(watermark);
      if (stage.kind.isSource()) {
        stats.setInputWatermark(watermark);
      }
    }
  }

  /** Throws {@link Job.Stopped} once the job stopped. */
  final void checkRunning() {
    if (job.isStopped()) {
      throw new Job.Stopped();
    }
  }

  /** The barrier a source should inject now, or 0 if it injected the latest one requested. */
  final long barrierDue() {
    long requested = job.requestedCheckpoint();
    if (requested > lastBarrier) {
      lastBarrier = requested;
      return requested;
    }
    return 0;
  }

  /**
   * Takes this subtask's part of checkpoint {@code checkpointId}: ends the chain's bundles, takes
   * {@code state} (after the bundles, so their outputs are before the barrier), prepares the sinks,
   * sends the barrier on and acknowledges it with the state.
   */
  final void takeCheckpoint(long checkpointId, Supplier<List<byte[]>> state,
      CheckpointMark mark) {
    chain.finishBundles();
    List<byte[]> sections = state.get();
    chain.emitBarrier(checkpointId);
    job.coordinator().ack(checkpointId, stage, subtask, sections, mark);
  }

  /** Ends this subtask's output: nothing follows, the watermark is at the end of time. */
  final void endOfInput() {
    emitted = BoundedWindow.TIMESTAMP_MAX_VALUE;
    chain.endOfInput();
  }
}
