package dev.weir.runners.continuous;

import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.dofn.DoFnInstancePool;
import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.metrics.ContainerHoldingThread;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.runtime.timers.Clock;
import dev.weir.runtime.timers.ManualClock;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * What the subtasks of one run share: the plan, the inboxes, the run's clock and metrics, the DoFn
 * instance pools, the count of messages in flight (which tells when the job is quiescent), and the
 * first failure.
 *
 * <p>Thread-safe. Once {@link #fail} or {@link #cancel} stopped the job, every subtask thread is
 * interrupted; a thread blocked on a full inbox then unwinds with {@link Stopped}.
 */
final class Job {
  private final JobPlan plan;
  private final ContinuousOptions options;
  private final MetricsContainerStepMap metrics;
  /** Every step's metrics container, in the graph's step order: the array chains switch between. */
  private final MetricsContainer[] stepContainers;
  private final Map<Step, Integer> stepIndices = new IdentityHashMap<>();
  private final ManualClock manualClock;
  private final Clock clock;
  private final Sinks sinks;
  private final List<List<BlockingQueue<Message>>> inboxes = new ArrayList<>();
  private final List<List<TaskStats>> stats = new ArrayList<>();
  private final Map<Step, DoFnInstancePool<Object, Object, DoFn<Object, Object>>> pools = new IdentityHashMap<>();
  private final AtomicLong inFlight = new AtomicLong();
  private final Object quiescence = new Object();
  private final AtomicReference<Failure> failure = new AtomicReference<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong requestedCheckpoint = new AtomicLong();
  private final Map<String, List<byte[]>> restored;
  private volatile CheckpointCoordinator coordinator;
  private volatile boolean stopped;
  private volatile boolean cancelled;

  Job(JobPlan plan, ContinuousOptions options, MetricsContainerStepMap metrics, ManualClock manualClock, Sinks sinks,
      Map<String, List<byte[]>> restored) {
    this.plan = plan;
    this.restored = restored;
    this.sinks = sinks;
    this.options = options;
    this.metrics = metrics;
    List<Step> steps = plan.graph.getSteps();
    this.stepContainers = new MetricsContainer[steps.size()];
    for (int i = 0; i < steps.size(); i++) {
      stepContainers[i] = metrics.getContainer(steps.get(i).fullName());
      stepIndices.put(steps.get(i), i);
    }
    this.manualClock = manualClock;
    this.clock = manualClock != null ? manualClock : Clock.system();
    for (Stage stage : plan.stages) {
      List<BlockingQueue<Message>> queues = new ArrayList<>();
      List<TaskStats> counters = new ArrayList<>();
      for (int i = 0; i < stage.parallelism; i++) {
        queues.add(new ArrayBlockingQueue<>(options.getChannelCapacity()));
        counters.add(new TaskStats());
      }
      inboxes.add(queues);
      stats.add(counters);
    }
  }

  /** Thrown to unwind a subtask's thread once the job has stopped. */
  static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("The job has stopped", null, false, false);
    }
  }

  /**
   * The first error of a job and where it happened: in an operator (named by its head transform),
   * or, when {@code operator} is null, in taking checkpoint {@code checkpointId}.
   */
  record Failure(String operator, long checkpointId, Throwable error) {
    /** The exception the run throws: it names the transform and its cause is the user's exception. */
    PipelineExecutionException toPipelineException() {
      if (operator == null) {
        return new PipelineExecutionException("Checkpoint " + checkpointId + " failed: " + error, error);
      }
      String name = operator;
      Throwable cause = error;
      while (cause instanceof UserCodeException userCode && userCode.getCause() != null) {
        name = userCode.getStepName();
        cause = userCode.getCause();
      }
      return new PipelineExecutionException("Transform '" + name + "' failed: " + cause, cause);
    }
  }

  JobPlan plan() {
    return plan;
  }

  ContinuousOptions options() {
    return options;
  }

  /**
   * The state subtask {@code subtask} of {@code stage} had in the restored checkpoint, or null on a
   * fresh start.
   */
  List<byte[]> restoredState(Stage stage, int subtask) {
    return restored.get(stage.index + "-" + subtask);
  }

  void setCoordinator(CheckpointCoordinator coordinator) {
    this.coordinator = coordinator;
  }

  CheckpointCoordinator coordinator() {
    return coordinator;
  }

  /** Asks the sources to inject the barrier of checkpoint {@code checkpointId}. */
  void requestCheckpoint(long checkpointId) {
    requestedCheckpoint.set(checkpointId);
  }

  /** The latest checkpoint whose barrier sources should inject; 0 if none yet. */
  long requestedCheckpoint() {
    return requestedCheckpoint.get();
  }

  Sinks sinks() {
    return sinks;
  }

  MetricsContainerStepMap metrics() {
    return metrics;
  }

  /** Every step's metrics container by {@link #stepIndex}; one array for the whole run, never changed. */
  MetricsContainer[] stepContainers() {
    return stepContainers;
  }

  /** The index of {@code step}'s container in {@link #stepContainers}. */
  int stepIndex(Step step) {
    return stepIndices.get(step);
  }

  Clock clock() {
    return clock;
  }

  /** The TestStream's clock, or null when processing time is the system clock's. */
  ManualClock manualClock() {
    return manualClock;
  }

  BlockingQueue<Message> inbox(Stage stage, int subtask) {
    return inboxes.get(stage.index).get(subtask);
  }

  TaskStats stats(Stage stage, int subtask) {
    return stats.get(stage.index).get(subtask);
  }

  List<TaskStats> stats(Stage stage) {
    return stats.get(stage.index);
  }

  /** The DoFn instances of the ParDo {@code step}, shared by the threads it is chained into. */
  @SuppressWarnings("unchecked")
  synchronized DoFnInstancePool<Object, Object, DoFn<Object, Object>> pool(Step step) {
    return pools.computeIfAbsent(step, s -> new DoFnInstancePool<>(s.fullName(),
        ((ParDo.MultiOutput<Object, Object>) s.transform()).getFn(), options, Function.identity(), Function.identity()));
  }

  synchronized List<DoFnInstancePool<Object, Object, DoFn<Object, Object>>> pools() {
    return List.copyOf(pools.values());
  }

  /**
   * Puts {@code message} into the inbox of {@code target}'s subtask, blocking while it is full;
   * returns the nanoseconds it blocked.
   *
   * @throws Stopped if the job stopped while blocked
   */
  long send(Stage target, int subtask, Message message) {
    BlockingQueue<Message> inbox = inbox(target, subtask);
    inFlight.incrementAndGet();
    if (inbox.offer(message)) {
      return 0;
    }
    long start = System.nanoTime();
    try {
      // Checks now and then whether the job stopped, in case user code swallowed the interrupt.
      while (!inbox.offer(message, 100, TimeUnit.MILLISECONDS)) {
        if (stopped) {
          done();
          throw new Stopped();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done();
      throw new Stopped();
    }
    return System.nanoTime() - start;
  }

  /** Counts work that makes the job busy (a running source, an unprocessed message). */
  void busy() {
    inFlight.incrementAndGet();
  }

  /** Ends work counted by {@link #busy} or {@link #send}. */
  void done() {
    if (inFlight.decrementAndGet() == 0) {
      synchronized (quiescence) {
        quiescence.notifyAll();
      }
    }
  }

  /**
   * Waits until no message is in flight and no source but TestStreams runs: everything sent so far
   * has had all its consequences.
   *
   * @throws Stopped if the job stopped meanwhile
   */
  void awaitQuiescence() {
    synchronized (quiescence) {
      while (inFlight.get() != 0 && !stopped) {
        try {
          quiescence.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new Stopped();
        }
      }
    }
    if (stopped) {
      throw new Stopped();
    }
  }

  boolean isStopped() {
    return stopped;
  }

  boolean isCancelled() {
    return cancelled;
  }

  Failure failure() {
    return failure.get();
  }

  /** Records the job's first failure, in {@code operator}, and stops the job. */
  void fail(String operator, Throwable error) {
    fail(new Failure(operator, 0, error));
  }

  /** Records the job's first failure, in taking checkpoint {@code checkpointId}, and stops the job. */
  void failCheckpoint(long checkpointId, Throwable error) {
    fail(new Failure(null, checkpointId, error));
  }

  private void fail(Failure first) {
    if (!stopped && failure.compareAndSet(null, first)) {
      stop();
    }
  }

  void cancel() {
    cancelled = true;
    stop();
  }

  private void stop() {
    stopped = true;
    synchronized (quiescence) {
      quiescence.notifyAll();
    }
    synchronized (threads) {
      threads.forEach(Thread::interrupt);
    }
  }

  /** Starts {@code task} on a new thread named after it. */
  void start(String name, Runnable task) {
    Thread thread = new ContainerHoldingThread(task, name);
    thread.setDaemon(true);
    // Under the lock that stop() interrupts under: a thread is either started before it is
    // interrupted, or not started at all.
    synchronized (threads) {
      threads.add(thread);
      if (!stopped) {
        thread.start();
      }
    }
  }

  /** Waits for every started thread to end. */
  void join() throws InterruptedException {
    List<Thread> all;
    synchronized (threads) {
      all = List.copyOf(threads);
    }
    for (Thread thread : all) {
      thread.join();
    }
  }
}
