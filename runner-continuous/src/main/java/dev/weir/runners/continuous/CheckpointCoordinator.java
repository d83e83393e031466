package dev.weir.runners.continuous;

import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.graph.GraphFingerprint;
import dev.weir.sdk.io.UnboundedSource.CheckpointMark;
import dev.weir.sdk.values.KV;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Takes the job's checkpoints: every {@code --checkpointInterval} (once the previous checkpoint
 * completed) it asks the sources to inject the next barrier; subtasks acknowledge the barrier with
 * their state, which this thread writes to the {@link CheckpointStore} (so that disk writes never
 * stop a subtask). Once every subtask acknowledged (a subtask that has ended counts as finished),
 * it writes the manifest with the sinks' pending transactions, then commits them, finalizes the
 * unbounded sources' checkpoint marks and deletes older checkpoints.
 *
 * <p>Runs on its own thread; {@link #ack} and {@link #finished} are called by subtasks. A failure
 * to write fails the job.
 */
final class CheckpointCoordinator implements Runnable {
  /** The state section of a subtask that has ended. */
  static final List<byte[]> FINISHED = List.of(new byte[] {1});

  private final Job job;
  private final CheckpointStore store;
  private final GraphFingerprint fingerprint;
  private final Consumer<CheckpointStats> completed;
  private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Set<String> finishedSubtasks = new HashSet<>();
  private final Set<String> acked = new HashSet<>();
  private final List<CheckpointMark> marks = new ArrayList<>();
  private final int subtasks;
  private volatile boolean closed;
  private long lastTriggered;
  private long pending;
  private long pendingStartNanos;
  private long pendingBytes;

  /** What one completed checkpoint took. */
  record CheckpointStats(long checkpointId, long millis, long bytes) {}

  private record Event(long checkpointId, Stage stage, int subtask, List<byte[]> state, CheckpointMark mark) {}

  CheckpointCoordinator(Job job, CheckpointStore store, GraphFingerprint fingerprint, long lastCompleted,
      Consumer<CheckpointStats> completed) {
    this.job = job;
    this.store = store;
    this.fingerprint = fingerprint;
    this.lastTriggered = lastCompleted;
    this.completed = completed;
    int count = 0;
    for (Stage stage : job.plan().stages) {
      count += stage.parallelism;
    }
    this.subtasks = count;
  }

  /** Subtask {@code subtask} of {@code stage} took its part of checkpoint {@code id}. */
  void ack(long id, Stage stage, int subtask, List<byte[]> state, CheckpointMark mark) {
    events.add(new Event(id, stage, subtask, state, mark));
  }

  /** Subtask {@code subtask} of {@code stage} has ended; it takes part in no later checkpoint. */
  void finished(Stage stage, int subtask) {
    events.add(new Event(-1, stage, subtask, FINISHED, null));
  }

  /** The id of the last checkpoint triggered (or restored). */
  synchronized long lastTriggered() {
    return lastTriggered;
  }

  void close() {
    closed = true;
    events.add(new Event(-2, null, 0, null, null));
  }

  @Override
  public void run() {
    long interval = TimeUnit.MILLISECONDS.toNanos(job.options().getCheckpointInterval());
    long nextTrigger = System.nanoTime() + interval;
    try {
      while (!closed && !job.isStopped()) {
        long wait = pending == 0 ? nextTrigger - System.nanoTime() : Long.MAX_VALUE;
        Event event = wait == Long.MAX_VALUE ? events.take() : events.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
        if (event != null && event.checkpointId() != -2) {
          handle(event);
        }
        if (pending != 0 && acked.size() == subtasks) {
          complete();
          nextTrigger = System.nanoTime() + interval;
        }
        if (pending == 0 && System.nanoTime() - nextTrigger >= 0 && sourcesRunning()) {
          trigger();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      job.failCheckpoint(pending, e);
    }
  }

  private void handle(Event event) throws IOException {
    String key = event.stage().index + "-" + event.subtask();
    if (event.checkpointId() == -1) {
      finishedSubtasks.add(key);
      if (pending != 0 && acked.add(key)) {
        pendingBytes += store.writeState(pending, event.stage().index, event.subtask(), FINISHED);
      }
    } else if (event.checkpointId() == pending && acked.add(key)) {
      pendingBytes += store.writeState(pending, event.stage().index, event.subtask(), event.state());
      if (event.mark() != null) {
        marks.add(event.mark());
      }
    }
  }

  private boolean sourcesRunning() {
    for (Stage stage : job.plan().stages) {
      for (int i = 0; i < stage.parallelism; i++) {
        if (stage.kind.isSource() && !finishedSubtasks.contains(stage.index + "-" + i)) {
          return true;
        }
      }
    }
    return false;
  }

  private void trigger() throws IOException {
    synchronized (this) {
      pending = ++lastTriggered;
    }
    pendingStartNanos = System.nanoTime();
    pendingBytes = 0;
    acked.clear();
    marks.clear();
    for (Stage stage : job.plan().stages) {
      for (int i = 0; i < stage.parallelism; i++) {
        String key = stage.index + "-" + i;
        if (finishedSubtasks.contains(key)) {
          acked.add(key);
          pendingBytes += store.writeState(pending, stage.index, i, FINISHED);
        }
      }
    }
    job.requestCheckpoint(pending);
  }

  private void complete() throws IOException {
    long id = pending;
    pendingBytes += store.writeManifest(manifest(id, false));
    job.sinks().commitUpTo(id);
    for (CheckpointMark mark : marks) {
      mark.finalizeCheckpoint();
    }
    store.deleteBefore(id);
    completed.accept(new CheckpointStats(id, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pendingStartNanos),
        pendingBytes));
    pending = 0;
  }

  /** The manifest of checkpoint {@code id}: pending sink transactions up to {@code id}. */
  Manifest manifest(long id, boolean finished) {
    List<KV<String, Integer>> operators = new ArrayList<>();
    for (Stage stage : job.plan().stages) {
      operators.add(KV.of(stage.name(), stage.parallelism));
    }
    List<KV<String, byte[]>> sinks = new ArrayList<>();
    job.sinks().all().forEach((name, committer) -> sinks.add(KV.of(name, committer.pendingBytesUpTo(id))));
    return new Manifest(id, finished, fingerprint, operators, sinks);
  }
}
