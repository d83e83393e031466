package dev.weir.runners.continuous;

import dev.weir.runners.continuous.JobPlan.Kind;
import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.dofn.DoFnInstancePool;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Primitive;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import dev.weir.runtime.timers.ManualClock;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.io.UnboundedSource;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.joda.time.Instant;

/**
 * One run of a pipeline on the continuous runner: splits the sources, plans the stages, starts one
 * thread per subtask, waits for all of them to end, then commits the sinks' last transactions (on
 * success) and tears the DoFns down.
 *
 * <p>{@link #run} is called once, on the job's driver thread; {@link #cancel} from any thread. The
 * first failure stops every subtask (threads blocked on channels or in user code are interrupted)
 * and {@code run} throws it as a {@code PipelineExecutionException} naming the transform. No
 * thread of the job is left running when {@code run} returns.
 */
final class ContinuousJob {
  private static final System.Logger LOG = System.getLogger(ContinuousJob.class.getName());

  private final PipelineGraph graph;
  private final ContinuousOptions options;
  private final MetricsContainerStepMap metrics;
  private volatile Job job;
  private volatile boolean cancelRequested;
  private volatile long checkpoints;
  private volatile long lastCheckpointMillis;
  private volatile long lastCheckpointBytes;

  ContinuousJob(PipelineGraph graph, ContinuousOptions options, MetricsContainerStepMap metrics) {
    this.graph = graph;
    this.options = options;
    this.metrics = metrics;
  }

  /** Runs the job to its end; returns DONE or CANCELLED, or throws the job's failure. */
  PipelineResult.State run() throws Exception {
    Map<Step, List<?>> parts = splitSources();
    Map<Step, Integer> counts = new IdentityHashMap<>();
    parts.forEach((step, list) -> counts.put(step, list.size()));
    JobPlan plan = JobPlan.of(graph, options.getParallelism(), counts);
    boolean scripted = graph.getSteps().stream().anyMatch(s -> s.primitive() == Primitive.TEST_STREAM);
    // As in Beam's direct runner, a TestStream's processing time starts at the beginning of time.
    ManualClock clock = scripted ? new ManualClock(BoundedWindow.TIMESTAMP_MIN_VALUE) : null;
    Sinks sinks = new Sinks(graph, 0);
    sinks.startFresh();
    Job started = new Job(plan, options, metrics, clock, sinks);
    this.job = started;
    if (cancelRequested) {
      started.cancel();
    }
    try {
      startAll(started, plan, parts);
      started.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      started.cancel();
      started.join();
    } finally {
      tearDown(started);
    }
    if (started.failure() != null) {
      throw started.failure().toPipelineException();
    }
    if (started.isCancelled()) {
      return PipelineResult.State.CANCELLED;
    }
    sinks.commitUpTo(Long.MAX_VALUE);
    return PipelineResult.State.DONE;
  }

  void cancel() {
    cancelRequested = true;
    Job running = job;
    if (running != null) {
      running.cancel();
    }
  }

  /** The counters of the job so far (empty before it started). */
  Progress progress() {
    Job running = job;
    List<Progress.Operator> operators = new ArrayList<>();
    if (running != null) {
      for (Stage stage : running.plan().stages) {
        long in = 0;
        long out = 0;
        long blocked = 0;
        Instant watermark = BoundedWindow.TIMESTAMP_MAX_VALUE;
        for (TaskStats stats : running.stats(stage)) {
          in += stats.recordsIn.get();
          out += stats.recordsOut.get();
          blocked += stats.blockedNanos.get();
          watermark = stats.inputWatermark().isBefore(watermark) ? stats.inputWatermark() : watermark;
        }
        operators.add(new Progress.Operator(stage.name(), stage.parallelism, in, out, watermark,
            TimeUnit.NANOSECONDS.toMillis(blocked)));
      }
    }
    return new Progress(operators, checkpoints, lastCheckpointMillis, lastCheckpointBytes);
  }

  @SuppressWarnings("unchecked")
  private Map<Step, List<?>> splitSources() throws Exception {
    Map<Step, List<?>> parts = new IdentityHashMap<>();
    int parallelism = options.getParallelism();
    for (Step step : graph.getSteps()) {
      switch (step.primitive()) {
        case READ_BOUNDED -> {
          BoundedSource<Object> source = ((Read.Bounded<Object>) step.transform()).getSource();
          long size = source.getEstimatedSizeBytes(options);
          List<? extends BoundedSource<Object>> split =
              size <= 0 ? List.of(source) : source.split(Math.max(1, size / parallelism), options);
          parts.put(step, deal(split.isEmpty() ? List.of(source) : split, parallelism));
        }
        case READ_UNBOUNDED -> {
          UnboundedSource<Object, ?> source = ((Read.Unbounded<Object>) step.transform()).getSource();
          List<? extends UnboundedSource<Object, ?>> split = source.split(parallelism, options);
          parts.put(step, split.isEmpty() ? List.of(source) : split);
        }
        case TEST_STREAM -> parts.put(step, List.of(step));
        default -> { }
      }
    }
    return parts;
  }

  /** {@code split} dealt round-robin into at most {@code subtasks} lists. */
  private static <T> List<List<T>> deal(List<? extends T> split, int subtasks) {
    List<List<T>> dealt = new ArrayList<>();
    for (int i = 0; i < split.size(); i++) {
      if (i < subtasks) {
        dealt.add(new ArrayList<>());
      }
      dealt.get(i % subtasks).add(split.get(i));
    }
    return dealt;
  }

  @SuppressWarnings("unchecked")
  private static void startAll(Job job, JobPlan plan, Map<Step, List<?>> parts) {
    List<Runnable> tasks = new ArrayList<>();
    List<String> names = new ArrayList<>();
    CountDownLatch previousStream = null;
    for (Stage stage : plan.stages) {
      for (int i = 0; i < stage.parallelism; i++) {
        Runnable task;
        if (stage.kind == Kind.BOUNDED_SOURCE) {
          task = new BoundedSourceTask(job, stage, i, (List<? extends BoundedSource<?>>) parts.get(stage.head).get(i));
        } else if (stage.kind == Kind.UNBOUNDED_SOURCE) {
          task = new UnboundedSourceTask(job, stage, i, (UnboundedSource<?, ?>) parts.get(stage.head).get(i), null);
        } else if (stage.kind == Kind.TEST_STREAM) {
          CountDownLatch finished = new CountDownLatch(1);
          task = new TestStreamTask(job, stage, previousStream, finished);
          previousStream = finished;
        } else {
          task = new InputTask(job, stage, i);
        }
        tasks.add(task);
        names.add("weir-continuous-" + stage.name() + "-" + i);
      }
    }
    for (int i = 0; i < tasks.size(); i++) {
      job.start(names.get(i), tasks.get(i));
    }
  }

  private static void tearDown(Job job) {
    for (DoFnInstancePool<Object, Object, DoFn<Object, Object>> pool : job.pools()) {
      for (Throwable failure : pool.teardownAll(job.metrics().getContainer(pool.stepName()))) {
        LOG.log(System.Logger.Level.WARNING, "A DoFn's @Teardown failed; teardown is best effort", failure);
      }
    }
  }
}
