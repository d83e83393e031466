package dev.weir.runners.microbatch.execution;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.metrics.ContainerHoldingThread;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads of one run: the tasks of one stage of a batch run on them together, and
 * {@link #runAll} returns once all have ended.
 *
 * <p>Thread-safe. {@link #runAll} is called by the batch loop's thread, one stage at a time;
 * {@link #cancel} from any thread interrupts the tasks that run and makes tasks that call
 * {@link #checkRunning} stop at their next element. A failed task fails its stage: {@code
 * runAll} throws a {@link PipelineExecutionException} naming the transform (unwrapping
 * {@link UserCodeException}s) whose cause is the user's exception. {@link #close} stops the
 * threads; none is left running after it returns, unless user code ignores interruption.
 */
public final class Workers implements AutoCloseable {
  private final ExecutorService threads;
  private final Set<Thread> busy = new HashSet<>();
  private volatile boolean cancelled;

  /** One task of a stage, run with the stage's metrics container installed; returns its result. */
  @FunctionalInterface
  public interface Task<R> {
    R run() throws Exception;
  }

  /** Thrown by {@link #checkRunning} once the run is cancelled, to unwind a task quickly. */
  public static final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CancelledException() {
      super("the run was cancelled", null, false, false);
    }
  }

  Workers(int count) {
    checkArgument(count >= 1, "--parallelism must be at least 1, got %s", count);
    AtomicInteger made = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread thread = new ContainerHoldingThread(r, "weir-microbatch-worker-" + made.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    this.threads = Executors.newFixedThreadPool(count, factory);
  }

  /**
   * Runs {@code tasks} of step {@code stepName} on the workers and returns their results in the
   * order of the tasks; the first failure fails the stage, once every task has ended.
   *
   * @throws PipelineExecutionException naming the transform, if a task failed
   * @throws CancelledException if the run was cancelled
   */
  public <R> List<R> runAll(String stepName, MetricsContainer metrics, List<Task<R>> tasks) {
    checkRunning();
    List<Future<R>> futures = new ArrayList<>(tasks.size());
    for (Task<R> task : tasks) {
      futures.add(threads.submit(() -> runOne(metrics, task)));
    }
    List<R> results = new ArrayList<>(tasks.size());
    Throwable failure = null;
    for (Future<R> future : futures) {
      try {
        results.add(awaitUninterruptibly(future));
      } catch (ExecutionException e) {
        failure = failure == null ? e.getCause() : failure;
      }
    }
    checkRunning();
    if (failure != null) {
      throw failed(stepName, failure);
    }
    return results;
  }

  @SuppressWarnings("try") // the scope only installs the step's metrics container
  private <R> R runOne(MetricsContainer metrics, Task<R> task) throws Exception {
    Thread self = Thread.currentThread();
    synchronized (busy) {
      busy.add(self);
    }
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(metrics)) {
      checkRunning();
      return task.run();
    } finally {
      synchronized (busy) {
        busy.remove(self);
        // A cancel may have interrupted this thread after its task ended; the next task must not see it.
        Thread.interrupted();
      }
    }
  }

  private static <R> R awaitUninterruptibly(Future<R> future) throws ExecutionException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The exception a failed run throws: its message names the transform where user code failed
   * (unwrapping {@link UserCodeException}s, which name the step that ran the code) and its cause
   * is the user's own exception.
   */
  static PipelineExecutionException failed(String stepName, Throwable error) {
    if (error instanceof PipelineExecutionException already) {
      return already;
    }
    String name = stepName;
    Throwable cause = error;
    while (cause instanceof UserCodeException userCode && userCode.getCause() != null) {
      name = userCode.getStepName();
      cause = userCode.getCause();
    }
    return new PipelineExecutionException("Transform '" + name + "' failed: " + cause, cause);
  }

  /** Throws {@link CancelledException} if the run was cancelled; tasks call it between elements. */
  public void checkRunning() {
    if (cancelled) {
      throw new CancelledException();
    }
  }

  boolean isCancelled() {
    return cancelled;
  }

  /** Cancels the run: running tasks are interrupted, tasks not started are skipped. */
  void cancel() {
    cancelled = true;
    synchronized (busy) {
      for (Thread thread : busy) {
        thread.interrupt();
      }
    }
  }

  /** Stops the threads; waits briefly for tasks that ignore interruption. */
  @Override
  public void close() {
    threads.shutdownNow();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
