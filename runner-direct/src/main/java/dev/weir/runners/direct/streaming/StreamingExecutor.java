package dev.weir.runners.direct.streaming;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.runners.direct.DirectOptions;
import dev.weir.runners.direct.execution.ExecutionContext;
import dev.weir.runners.direct.execution.PipelineExecutor;
import dev.weir.runners.direct.execution.WorkerPool;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Primitive;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.runtime.timers.Clock;
import dev.weir.runtime.timers.ManualClock;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Runs a pipeline, bounded or not, by watermarks: each step is a push-based {@link StepExecutor};
 * batches flow from step to step as soon as they are produced; {@link PipelineWatermarks} keeps
 * every step's watermarks; work runs on a fixed pool of {@code --targetParallelism} workers and
 * its results are committed by one driver thread, which owns all scheduling state.
 *
 * <p>The driver loop: commit finished work; recompute the watermarks; let every step dispatch
 * what can start now; if nothing runs (the pipeline is quiescent), the run is over once every
 * watermark reached the end of time, otherwise the next {@code TestStream} event is played, or the
 * driver waits for time-driven work (sources to poll again, processing-time wake-ups). So a
 * {@code TestStream} event happens only after everything the previous ones caused is done, which
 * makes its runs deterministic.
 *
 * <p>Back pressure: sources start no new read while more than {@value #BACKLOG_PER_WORKER}
 * tasks per worker run or wait, so that memory holds a bounded backlog.
 *
 * <p>Processing time is the run's own: a manual clock starting at the beginning of time and moved
 * only by {@code TestStream} processing-time events when the pipeline has a {@code TestStream}
 * (as in Beam's direct runner), the system clock otherwise.
 *
 * <p>Threading: {@link #run} is called once, by one driver thread; {@link #cancel} may be called
 * from any thread. The first failure stops every worker at its next element (threads blocked in
 * user code are interrupted) and fails the run with a {@link PipelineExecutionException} naming the
 * transform, whose cause is the user's exception. Whatever the outcome, readers are closed and
 * DoFn instances torn down before {@code run} returns (best effort).
 */
public final class StreamingExecutor implements PipelineExecutor {
  /** How many tasks per worker may run or wait before sources pause. */
  private static final int BACKLOG_PER_WORKER = 8;

  private final PipelineGraph graph;
  private final ExecutionContext context;
  private final Map<Step, StepExecutor> executors = new LinkedHashMap<>();
  private final List<TestStreamExecutor<?>> testStreams = new ArrayList<>();
  private final PipelineWatermarks watermarks;
  private final SideInputContainer sideInputs;
  private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
  private final Driver driver = new DriverServices();
  /** The run's processing time: {@link #manualClock} under a TestStream, else the system clock. */
  private final Clock clock;
  /** The clock TestStream events move; null when the run uses the system clock. */
  private final ManualClock manualClock;
  private int inFlight;

  /** An executor of {@code graph} reporting metrics to {@code metrics}. */
  public StreamingExecutor(PipelineGraph graph, DirectOptions options, MetricsContainerStepMap metrics) {
    this.graph = graph;
    this.context = ExecutionContext.of(options, new WorkerPool(options.getTargetParallelism()), metrics);
    List<PCollectionView<?>> views = new ArrayList<>();
    boolean scripted = false;
    for (Step step : graph.getSteps()) {
      if (step.primitive() == Primitive.CREATE_VIEW) {
        views.add((PCollectionView<?>) step.output());
      }
      scripted |= step.primitive() == Primitive.TEST_STREAM;
    }
    // As in Beam's direct runner, a TestStream's processing time starts at the beginning of time.
    this.manualClock = scripted ? new ManualClock(BoundedWindow.TIMESTAMP_MIN_VALUE) : null;
    this.clock = scripted ? manualClock : Clock.system();
    this.sideInputs = new SideInputContainer(views);
    for (Step step : graph.getSteps()) {
      StepExecutor executor = StepExecutors.create(graph, step, driver);
      executors.put(step, executor);
      if (executor instanceof TestStreamExecutor<?> stream) {
        testStreams.add(stream);
      }
    }
    this.watermarks = new PipelineWatermarks(graph, executors);
  }

  @Override
  public PipelineResult.State run() {
    try {
      loop();
    } finally {
      context.pool().close();
      executors.values().forEach(StepExecutor::close);
      executors.values().forEach(StepExecutor::tearDown);
    }
    WorkerPool.Failure failure = context.pool().getFailure();
    if (failure != null) {
      throw failure.toPipelineException();
    }
    return context.pool().isStopped() ? PipelineResult.State.CANCELLED : PipelineResult.State.DONE;
  }

  @Override
  public void cancel() {
    context.pool().cancel();
    completions.add(Completion.WAKE_UP);
  }

  private void loop() {
    while (!context.pool().isStopped()) {
      commitFinished();
      if (context.pool().isStopped()) {
        return;
      }
      watermarks.refresh();
      executors.values().forEach(StepExecutor::dispatchReady);
      if (inFlight > 0) {
        awaitCompletion(millisUntilTimedWork());
        continue;
      }
      if (watermarks.allAtEndOfTime()) {
        return;
      }
      TestStreamExecutor<?> stream = nextTestStream();
      if (stream != null) {
        stream.playNext();
        continue;
      }
      long wait = millisUntilTimedWork();
      if (wait == Long.MAX_VALUE) {
        throw new IllegalStateException("The DirectRunner can make no more progress, but not every watermark reached"
            + " the end of time: " + executors.values() + ". This is a bug in the runner; please report it.");
      }
      awaitCompletion(wait);
    }
  }

  private TestStreamExecutor<?> nextTestStream() {
    for (TestStreamExecutor<?> stream : testStreams) {
      if (stream.hasNext()) {
        return stream;
      }
    }
    return null;
  }

  private long millisUntilTimedWork() {
    long soonest = Long.MAX_VALUE;
    for (StepExecutor executor : executors.values()) {
      soonest = Math.min(soonest, executor.millisUntilTimedWork());
    }
    return soonest;
  }

  private void commitFinished() {
    for (Completion completion = completions.poll(); completion != null; completion = completions.poll()) {
      commit(completion);
    }
  }

  private void awaitCompletion(long timeoutMillis) {
    try {
      Completion completion = timeoutMillis == Long.MAX_VALUE
          ? completions.take()
          : completions.poll(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
      if (completion != null) {
        commit(completion);
      }
    } catch (InterruptedException e) {
      // Whoever interrupts the driver wants the run to stop.
      Thread.currentThread().interrupt();
      context.pool().cancel();
    }
  }

  private void commit(Completion completion) {
    if (completion.executor() == null) {
      return;
    }
    completion.executor().ended();
    inFlight--;
    if (completion.commit() == null || context.pool().isStopped()) {
      return;
    }
    try {
      completion.commit().run();
    } catch (RuntimeException | Error e) {
      context.pool().fail(completion.executor().step.fullName(), e);
    }
  }

  /** The driver's services to the step executors; see {@link Driver}. */
  private final class DriverServices implements Driver {
    @Override
    @SuppressWarnings("try") // the scope only installs the step's metrics container
    public void dispatch(StepExecutor executor, Work work) {
      executor.started();
      inFlight++;
      MetricsContainer container = context.metrics().getContainer(executor.step.fullName());
      AtomicReference<Runnable> result = new AtomicReference<>();
      context.pool().submit(executor.step.fullName(), () -> {
        try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
          result.set(work.run());
        }
      }, () -> completions.add(new Completion(executor, result.get())));
    }

    @Override
    public boolean isBacklogged() {
      int work = inFlight;
      for (StepExecutor executor : executors.values()) {
        work += executor.queuedBatches();
      }
      return work > BACKLOG_PER_WORKER * context.options().getTargetParallelism();
    }

    @Override
    public void emit(PCollection<?> collection, Batch<?> batch) {
      if (batch.isEmpty()) {
        return;
      }
      for (Step consumer : graph.getConsumers(collection)) {
        List<PCollection<?>> inputs = consumer.mainInputs();
        for (int i = 0; i < inputs.size(); i++) {
          if (inputs.get(i) == collection) {
            executors.get(consumer).accept(i, batch);
          }
        }
      }
    }

    @Override
    public Instant processingTime() {
      return clock.now();
    }

    @Override
    public boolean isProcessingTimeManual() {
      return manualClock != null;
    }

    @Override
    public void advanceProcessingTime(Duration amount) {
      checkState(manualClock != null, "Processing time moves by itself in a run without a TestStream");
      manualClock.advance(amount);
    }

    @Override
    public ExecutionContext context() {
      return context;
    }

    @Override
    public SideInputContainer sideInputs() {
      return sideInputs;
    }
  }

  /**
   * Work that ended: its executor and the commit it returned (null if it failed or was skipped);
   * {@link #WAKE_UP} only wakes the driver.
   */
  private record Completion(StepExecutor executor, Runnable commit) {
    static final Completion WAKE_UP = new Completion(null, null);
  }
}
