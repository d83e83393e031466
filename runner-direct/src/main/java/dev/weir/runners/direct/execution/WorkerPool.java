package dev.weir.runners.direct.execution;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed set of worker threads that runs the tasks of one step at a time, and stops them all at
 * the first failure or on cancellation.
 *
 * <p>Thread-safe. {@link #runAll} is called by one driver thread; tasks call {@link #checkRunning}
 * between elements so that a stop takes effect within one element, and threads blocked in a task
 * are interrupted. Only the first failure is kept: failures that follow a stop are consequences of
 * it (an interrupted read, say).
 */
final class WorkerPool implements AutoCloseable {
  private final ExecutorService workers;
  private final Set<Thread> busy = new HashSet<>();
  private final AtomicReference<Failure> failure = new AtomicReference<>();
  private volatile boolean stopped;
  private volatile boolean cancelled;

  /** A unit of work of a step; may throw anything, which fails the run. */
  @FunctionalInterface
  interface Task {
    void run() throws Exception;
  }

  /** The first error of a run and the step it happened in. */
  record Failure(String stepName, Throwable error) {}

  /** Thrown by {@link #checkRunning} once the run is stopped, to unwind a task quickly. */
  static final class StoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoppedException() {
      super("the run was stopped", null, false, false);
    }
  }

  WorkerPool(int threads) {
    checkArgument(threads >= 1, "--targetParallelism must be at least 1, got %s", threads);
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread thread = new Thread(r, "weir-direct-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    this.workers = Executors.newFixedThreadPool(threads, factory);
  }

  /**
   * Runs {@code tasks} of step {@code stepName} on the workers and returns when every one has
   * ended. Returns false if the run is stopped (a task failed, now or before, or the run was
   * cancelled); {@link #getFailure} then says why.
   */
  boolean runAll(String stepName, List<? extends Task> tasks) {
    CountDownLatch ended = new CountDownLatch(tasks.size());
    for (Task task : tasks) {
      workers.execute(() -> {
        try {
          runOne(stepName, task);
        } finally {
          ended.countDown();
        }
      });
    }
    boolean interrupted = false;
    while (true) {
      try {
        ended.await();
        break;
      } catch (InterruptedException e) {
        // The driver waits for its workers whatever happens, so that no task outlives the run.
        interrupted = true;
        stop();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return !stopped;
  }

  private void runOne(String stepName, Task task) {
    if (stopped) {
      return;
    }
    Thread self = Thread.currentThread();
    synchronized (busy) {
      busy.add(self);
    }
    try {
      task.run();
    } catch (StoppedException e) {
      // Another task failed or the run was cancelled; that is already recorded.
    } catch (Throwable t) {
      fail(stepName, t);
    } finally {
      synchronized (busy) {
        busy.remove(self);
        // A stop may have interrupted this thread after its task ended; the next task must not see it.
        Thread.interrupted();
      }
    }
  }

  /** Records {@code error} of step {@code stepName} as the run's failure unless it already stopped. */
  void fail(String stepName, Throwable error) {
    if (!stopped && failure.compareAndSet(null, new Failure(stepName, error))) {
      stop();
    }
  }

  /** Stops the run as cancelled by the user. */
  void cancel() {
    cancelled = true;
    stop();
  }

  private void stop() {
    stopped = true;
    synchronized (busy) {
      for (Thread thread : busy) {
        thread.interrupt();
      }
    }
  }

  /** Throws {@link StoppedException} if the run has stopped; tasks call it between elements. */
  void checkRunning() {
    if (stopped) {
      throw new StoppedException();
    }
  }

  boolean isStopped() {
    return stopped;
  }

  boolean isCancelled() {
    return cancelled;
  }

  /** The first failure, or null if none. */
  Failure getFailure() {
    return failure.get();
  }

  /** Stops the threads; waits briefly for tasks that ignore interruption. */
  @Override
  public void close() {
    workers.shutdownNow();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
