package dev.weir.runners.continuous;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runners.continuous.JobPlan.Kind;
import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.dofn.DoFnInstancePool;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Primitive;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import dev.weir.runtime.sources.BoundedSourceSplits;
import dev.weir.runtime.timers.ManualClock;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.io.UnboundedSource;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.runtime.graph.GraphFingerprint;
import dev.weir.sdk.values.KV;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.joda.time.Instant;

/**
 * One run of a pipeline on the continuous runner: restores the latest complete checkpoint of
 * {@code --checkpointDir} (checking the graph's fingerprint and the job's shape) or starts the
 * sinks fresh, splits the sources, plans the stages, starts one thread per subtask and the
 * {@link CheckpointCoordinator}, waits for all of them to end, tears the DoFns down, and on
 * success writes the final checkpoint and commits the sinks' last transactions.
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

  /**
   * Runs the job to its end, from the latest complete checkpoint in {@code --checkpointDir} if
   * there is one; returns DONE or CANCELLED, or throws the job's failure.
   */
  PipelineResult.State run() throws Exception {
    String configured = options.getCheckpointDir();
    Path directory = configured == null ? Files.createTempDirectory("weir-continuous-") : Paths.get(configured);
    checkArgument(!Files.exists(directory) || Files.isDirectory(directory),
        "--checkpointDir=%s is not a directory. Fix: name a directory (it is created if missing).", directory);
    Files.createDirectories(directory);
    try {
      return run(new CheckpointStore(directory));
    } finally {
      if (configured == null) {
        CheckpointStore.deleteRecursively(directory);
      }
    }
  }

  private PipelineResult.State run(CheckpointStore store) throws Exception {
    GraphFingerprint fingerprint = GraphFingerprint.of(graph);
    Optional<Manifest> latest = store.latest();
    if (latest.isPresent()) {
      GraphFingerprint.checkCompatible(store.manifestPath(latest.get().checkpointId()), latest.get().fingerprint(),
          fingerprint);
    }
    Map<Step, List<?>> parts = splitSources();
    Map<Step, Integer> counts = new IdentityHashMap<>();
    parts.forEach((step, list) -> counts.put(step, list.size()));
    JobPlan plan = JobPlan.of(graph, options.getParallelism(), counts);
    long restoredId = latest.map(Manifest::checkpointId).orElse(0L);
    store.deleteAfter(restoredId);
    Sinks sinks = new Sinks(graph, restoredId);
    Map<String, List<byte[]>> restored = new HashMap<>();
    if (latest.isEmpty()) {
      sinks.startFresh();
    } else if (restore(store, latest.get(), plan, sinks, restored)) {
      return PipelineResult.State.DONE;
    }
    boolean scripted = graph.getSteps().stream().anyMatch(s -> s.primitive() == Primitive.TEST_STREAM);
    // As in Beam's direct runner, a TestStream's processing time starts at the beginning of time.
    ManualClock clock = scripted ? new ManualClock(BoundedWindow.TIMESTAMP_MIN_VALUE) : null;
    Job started = new Job(plan, options, metrics, clock, sinks, restored);
    CheckpointCoordinator coordinator = new CheckpointCoordinator(started, store, fingerprint, restoredId, this::completed);
    started.setCoordinator(coordinator);
    execute(started, coordinator, parts);
    if (started.failure() != null) {
      throw started.failure().toPipelineException();
    }
    if (started.isCancelled()) {
      return PipelineResult.State.CANCELLED;
    }
    // The final checkpoint: a restart after it only commits what it holds.
    long last = coordinator.lastTriggered() + 1;
    store.writeManifest(coordinator.manifest(last, true));
    sinks.commitUpTo(Long.MAX_VALUE);
    store.deleteBefore(last);
    return PipelineResult.State.DONE;
  }

  /**
   * Resumes the sinks from {@code manifest} and reads every subtask's state into {@code restored};
   * returns true if the checkpoint is the final one of a finished job, which has nothing left to run.
   */
  private static boolean restore(CheckpointStore store, Manifest manifest, JobPlan plan, Sinks sinks,
      Map<String, List<byte[]>> restored) throws IOException {
    checkShape(store, manifest, plan);
    for (KV<String, byte[]> pending : manifest.pendingSinks()) {
      sinks.all().get(pending.getKey()).resume(pending.getValue());
    }
    if (manifest.finished()) {
      return true;
    }
    for (Stage stage : plan.stages) {
      for (int i = 0; i < stage.parallelism; i++) {
        restored.put(stage.index + "-" + i, store.readState(manifest.checkpointId(), stage.index, i));
      }
    }
    return false;
  }

  /** Starts the coordinator, the progress reporter and every subtask; returns once all of them ended. */
  private void execute(Job started, CheckpointCoordinator coordinator, Map<Step, List<?>> parts)
      throws InterruptedException {
    this.job = started;
    if (cancelRequested) {
      started.cancel();
    }
    Thread checkpoints = new Thread(coordinator, "weir-continuous-checkpoints");
    checkpoints.setDaemon(true);
    checkpoints.start();
    CountDownLatch ended = new CountDownLatch(1);
    Thread reporter = new Thread(() -> report(ended), "weir-continuous-progress");
    reporter.setDaemon(true);
    if (!options.isQuietProgress()) {
      reporter.start();
    }
    boolean interrupted = false;
    try {
      startAll(started, started.plan(), parts);
      started.join();
    } catch (InterruptedException e) {
      // Whoever interrupts the job's driver wants the job to stop; wait for its threads, then say so.
      interrupted = true;
      started.cancel();
      started.join();
    } finally {
      coordinator.close();
      checkpoints.join();
      ended.countDown();
      reporter.join();
      tearDown(started);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Fails, naming the flag and the checkpoint, if the job's operators differ from the checkpoint's. */
  private static void checkShape(CheckpointStore store, Manifest manifest, JobPlan plan) {
    List<KV<String, Integer>> now = new ArrayList<>();
    for (Stage stage : plan.stages) {
      now.add(KV.of(stage.name(), stage.parallelism));
    }
    if (!now.equals(manifest.operators())) {
      throw new IllegalStateException("The checkpoint " + store.manifestPath(manifest.checkpointId())
          + " was taken with operators (name=subtasks) " + manifest.operators() + " but this run has " + now
          + ". Fix: run with the same --parallelism (and the same source splits) to resume, or use a new"
          + " --checkpointDir to start over.");
    }
  }

  /** Prints one progress line per {@code --progressInterval} to standard error until {@code ended}. */
  private void report(CountDownLatch ended) {
    long interval = options.getProgressInterval();
    Progress previous = null;
    try {
      while (!ended.await(interval, TimeUnit.MILLISECONDS)) {
        Progress now = progress();
        System.err.println("[weir-continuous] " + now.line(previous, interval, Instant.now()));
        previous = now;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void completed(CheckpointCoordinator.CheckpointStats stats) {
    checkpoints++;
    lastCheckpointMillis = stats.millis();
    lastCheckpointBytes = stats.bytes();
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
          parts.put(step, BoundedSourceSplits.dealt(source, parallelism, options));
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
          task = new UnboundedSourceTask(job, stage, i, (UnboundedSource<?, ?>) parts.get(stage.head).get(i));
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
