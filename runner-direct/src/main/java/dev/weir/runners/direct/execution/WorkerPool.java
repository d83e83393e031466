package dev.weir.runners.direct.execution;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed set of worker threads that runs the tasks of a run, and stops them all at the first
 * failure or on cancellation.
 *
 * <p>Thread-safe. {@link #submit} (one task, with a callback when it ends) is called by one driver
 * thread; tasks call {@link #checkRunning}
 * between elements so that a stop takes effect within one element, and threads blocked in a task
 * are interrupted. Only the first failure is kept: failures that follow a stop are consequences of
 * it (an interrupted read, say).
 */
public final class WorkerPool implements AutoCloseable {
  private final ExecutorService workers;
  private final Set<Thread> busy = new HashSet<>();
  private final AtomicReference<Failure> failure = new AtomicReference<>();
  private volatile boolean stopped;
  private volatile boolean cancelled;

  /** A unit of work of a step; may throw anything, which fails the run. */
  @FunctionalInterface
  public interface Task {
    void run() throws Exception;
  }

  /** The first error of a run and the step it happened in. */
  public record Failure(String stepName, Throwable error) {
    /**
     * The exception a failed run throws: its message names the transform where user code failed
     * (unwrapping {@link UserCodeException}s, which name the step that ran the code) and its cause
     * is the user's own exception.
     */
    public PipelineExecutionException toPipelineException() {
      String name = stepName;
      Throwable cause = error;
      while (cause instanceof UserCodeException userCode && userCode.getCause() != null) {
        name = userCode.getStepName();
        cause = userCode.getCause();
      }
      return new PipelineExecutionException("Transform '" + name + "' failed: " + cause, cause);
    }
  }

  /** Thrown by {@link #checkRunning} once the run is stopped, to unwind a task quickly. */
  public static final class StoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoppedException() {
      super("the run was stopped", null, false, false);
    }
  }

  /** A pool of {@code threads} daemon worker threads. */
  public WorkerPool(int threads) {
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
   * Runs {@code task} of step {@code stepName} on a worker, then {@code whenEnded} on that worker
   * whatever happened: the task succeeded, failed (the failure is recorded as by {@link #fail}), or
   * was skipped because the run had stopped. Returns at once.
   */
  public void submit(String stepName, Task task, Runnable whenEnded) {
    try {
      workers.execute(() -> {
        try {
          runOne(stepName, task);
        } finally {
          whenEnded.run();
        }
      });
    } catch (RejectedExecutionException e) {
      // The pool was closed: the run is over, so the task is skipped like any task after a stop.
      whenEnded.run();
    }
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
  public void fail(String stepName, Throwable error) {
    if (!stopped && failure.compareAndSet(null, new Failure(stepName, error))) {
      stop();
    }
  }

  /** Stops the run as cancelled by the user. */
  public void cancel() {
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
  public void checkRunning() {
    if (stopped) {
      throw new StoppedException();
    }
  }

  public boolean isStopped() {
    return stopped;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** The first failure, or null if none. */
  public Failure getFailure() {
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
