package dev.weir.runners.microbatch.execution;

import dev.weir.runners.microbatch.BatchProgress;
import dev.weir.runners.microbatch.BatchTrigger;
import dev.weir.runners.microbatch.MicroBatchOptions;
import dev.weir.runners.microbatch.durability.Checkpoint;
import dev.weir.runners.microbatch.durability.OffsetEntry;
import dev.weir.runners.microbatch.durability.SourceOffset;
import dev.weir.runners.microbatch.sources.SourceStage;
import dev.weir.runners.microbatch.sources.TestStreamStage;
import dev.weir.runners.microbatch.stages.GroupByKeyStage;
import dev.weir.runners.microbatch.stages.TransactionalWriteStage;
import dev.weir.runtime.graph.GraphFingerprint;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Primitive;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.runtime.timers.ManualClock;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.joda.time.Instant;

/**
 * Runs a pipeline as a micro-batch query: a loop that plans each batch as an offset range per
 * source, logs it, runs every stage over it, commits sinks, state and the commit log, and reports
 * progress. runner-microbatch/README.md describes the model.
 *
 * <p>Batch {@code N}: (1) plan: every source reads its next range (at most
 * {@code --maxRecordsPerBatch} records; a {@code TestStream} plays one event), and the batch's
 * processing time is fixed; (2) if the batch would do nothing (no records, no watermark moved, no
 * processing-time wake-up due, no event played) it is not run, and the loop waits; (3) the offset
 * log entry is written; (4) the stages run in topological order ({@link Stages#runBatch}); (5)
 * the sinks' prepared transactions are written to {@code sinks/N}, sinks commit transaction
 * {@code N}, the state version {@code N} and then {@code commits/N} are
 * written, and source checkpoints finalized. The query ends when every source is exhausted and
 * every watermark reached the end of time, when nothing can change any more, or as its trigger
 * says ({@code availableNow}, {@code once}).
 *
 * <p>Recovery: with a {@code --checkpointDir} holding an earlier run of the same graph, the state
 * of the last committed batch is restored, the sources resume after its range, and a logged but
 * uncommitted batch is re-run with exactly its logged ranges and times.
 *
 * <p>Threading: {@link #run} is called once, on the thread that drives the loop; {@link #cancel}
 * from any thread. Worker threads are stopped and DoFns torn down before {@code run} returns.
 */
public final class MicroBatchQuery {
  private static final long LONGEST_IDLE_WAIT_MILLIS = 100;
  /**
   * Small enough that the records a batch holds between its stages (in the map side of a grouping
   * that keeps every value) die young, large enough that the per-batch work (planning, task
   * hand-offs, the commit) is a small share; the next batch follows at once anyway.
   */
  private static final long BACK_TO_BACK_RECORDS_PER_BATCH = 200_000;
  /**
   * Back to back, for a source whose records no stage holds (every grouping they reach combines
   * before its shuffle): what a batch holds grows with its keys and windows, so only the per-batch
   * work and the tasks' stragglers at each batch's end scale with the number of batches.
   */
  private static final long BACK_TO_BACK_RECORDS_PER_COMBINED_BATCH = 1_000_000;
  /** Large enough that a paced batch can take in an interval's arrivals (1,000,000 per second at 1 s). */
  private static final long PACED_RECORDS_PER_BATCH = 1_000_000;

  private final PipelineGraph graph;
  private final MicroBatchOptions options;
  private final MetricsContainerStepMap metrics;
  private final Consumer<BatchProgress> progress;
  private final BatchTrigger trigger;
  private final CountDownLatch cancelled = new CountDownLatch(1);
  /** The default limit of back-to-back batches, by source; the graph decides it, so once per source. */
  private final Map<SourceStage<?>, Long> backToBackRecordsPerBatch = new HashMap<>();
  private volatile Workers workers;
  private Checkpoint checkpoint;
  private Stages stages;
  private SideInputContainer sideInputs;
  private ManualClock manualClock;
  private long lastBatchStartMillis = System.currentTimeMillis();

  /**
   * A query of {@code graph} with {@code options}, reporting metrics to {@code metrics} and the
   * progress of each batch to {@code progress}.
   *
   * @throws IllegalArgumentException naming the flag if an option is invalid
   */
  public MicroBatchQuery(PipelineGraph graph, MicroBatchOptions options, MetricsContainerStepMap metrics,
      Consumer<BatchProgress> progress) {
    this.graph = graph;
    this.options = options;
    this.metrics = metrics;
    this.progress = progress;
    this.trigger = BatchTrigger.parse(options.getTrigger());
  }

  /** Runs the query to its end; returns {@code DONE} or {@code CANCELLED}, or throws its failure. */
  public PipelineResult.State run() {
    try {
      open();
    } catch (IOException e) {
      throw new UncheckedIOException("The checkpoint in " + options.getCheckpointDir() + " cannot be used: " + e, e);
    }
    try {
      loop(recover());
    } catch (Workers.CancelledException e) {
      // cancel() was called; the state says so below.
    } catch (IOException e) {
      throw new UncheckedIOException("The micro-batch runner could not write its checkpoint in "
          + checkpoint.dir() + ": " + e, e);
    } finally {
      workers.close();
      stages.closeAll();
    }
    return workers.isCancelled() ? PipelineResult.State.CANCELLED : PipelineResult.State.DONE;
  }

  /** Stops the query: the batch running stops at its next element, and no batch commits after it. */
  public void cancel() {
    cancelled.countDown();
    Workers running = workers;
    if (running != null) {
      running.cancel();
    }
  }

  private void open() throws IOException {
    int partitions = options.getParallelism();
    if (options.getCheckpointDir() != null) {
      checkpoint = Checkpoint.open(Path.of(options.getCheckpointDir()), GraphFingerprint.of(graph),
          options.getParallelism(), options.getStateSnapshotInterval());
      partitions = checkpoint.partitions();
    }
    List<PCollectionView<?>> views = new ArrayList<>();
    boolean scripted = false;
    for (Step step : graph.getSteps()) {
      if (step.primitive() == Primitive.CREATE_VIEW) {
        views.add((PCollectionView<?>) step.output());
      }
      scripted |= step.primitive() == Primitive.TEST_STREAM;
    }
    // As in the direct runner, a TestStream's processing time starts at the beginning of time.
    manualClock = scripted ? new ManualClock(BoundedWindow.TIMESTAMP_MIN_VALUE) : null;
    sideInputs = new SideInputContainer(views);
    workers = new Workers(options.getParallelism());
    if (cancelled.getCount() == 0) {
      workers.cancel();
    }
    try {
      stages = new Stages(graph, new StageContext(options, workers, metrics, sideInputs, partitions), manualClock);
    } catch (RuntimeException | Error e) {
      // No step was made whole: nothing to tear down but the threads.
      workers.close();
      throw e;
    }
  }

  /** Restores the last committed batch and re-runs a logged, uncommitted one; returns the next batch id. */
  private long recover() throws IOException {
    boolean fresh = checkpoint == null || checkpoint.isFresh();
    long next = 0;
    OptionalLong last = fresh ? OptionalLong.empty() : checkpoint.lastCommitted();
    if (!fresh) {
      checkpoint.state().discardAfter(last.orElse(-1));
    }
    if (last.isPresent()) {
      StageStates.restore(stages, sideInputs, checkpoint.state().read(last.getAsLong()));
      OffsetEntry committed = checkpoint.offsets(last.getAsLong()).orElseThrow(() -> new IllegalStateException(
          "The checkpoint in " + checkpoint.dir() + " has a commit entry for batch " + last.getAsLong()
              + " but no offset log entry offsets/" + last.getAsLong() + "; restore the file, or start over with"
              + " a new --checkpointDir."));
      forEachSource(committed, SourceStage::resumeAfter);
      stages.recomputeWatermarks();
      if (manualClock != null) {
        manualClock.set(committed.processingTime());
      }
      next = last.getAsLong() + 1;
    }
    Map<String, byte[]> prepared = fresh ? Map.of() : checkpoint.sinkPending(next);
    for (TransactionalWriteStage<?> sink : stages.ofType(TransactionalWriteStage.class)) {
      runStep(sink, () -> {
        sink.start(fresh, prepared.get(sink.step.fullName()));
        return null;
      });
    }
    Optional<OffsetEntry> pending = fresh ? Optional.empty() : checkpoint.offsets(next);
    if (pending.isPresent()) {
      long started = System.currentTimeMillis();
      forEachSource(pending.get(), SourceStage::replay);
      if (manualClock != null) {
        manualClock.set(pending.get().processingTime());
      }
      execute(pending.get(), System.currentTimeMillis() - started, 0, started);
      next++;
    }
    return next;
  }

  /** What to do with a source and its logged range. */
  @FunctionalInterface
  private interface SourceAction {
    void apply(SourceStage<?> source, SourceOffset offset) throws Exception;
  }

  private void forEachSource(OffsetEntry entry, SourceAction action) {
    for (SourceStage<?> source : stages.ofType(SourceStage.class)) {
      SourceOffset offset = entry.sources().stream().filter(o -> o.stepName().equals(source.step.fullName()))
          .findFirst().orElseThrow(() -> new IllegalStateException("The offset log entry of batch " + entry.batchId()
              + " has no range for source '" + source.step.fullName() + "'; the checkpoint does not belong to"
              + " this pipeline. Fix: start over with a new --checkpointDir."));
      runStep(source, () -> {
        action.apply(source, offset);
        return null;
      });
    }
  }

  private <R> R runStep(Stage stage, Workers.Task<R> task) {
    return workers.runAll(stage.step.fullName(), metrics.getContainer(stage.step.fullName()), List.of(task)).get(0);
  }

  private void loop(long firstBatch) throws IOException {
    long batchId = firstBatch;
    long idleMillis = 0;
    boolean dataTaken = false;
    while (!workers.isCancelled()) {
      if (allSourcesExhausted() && stages.allAtEndOfTime()) {
        return;
      }
      // As in Spark, every batch, a no-data one too, starts on a trigger tick.
      awaitTriggerInterval();
      long started = System.currentTimeMillis();
      ToLongFunction<SourceStage<?>> maxRecords = trigger.kind() == BatchTrigger.Kind.ONCE && dataTaken ? source -> 0
          : trigger.kind() == BatchTrigger.Kind.ONCE ? source -> Long.MAX_VALUE
          : this::recordsPerBatch;
      Plan plan = plan(batchId, maxRecords);
      if (!plan.worthRunning()) {
        if (plan.watermarkAhead()) {
          // Reading found the end of a source (or its watermark moved): the next plan runs under it.
          continue;
        }
        if (trigger.kind() != BatchTrigger.Kind.PROCESSING_TIME || noProgressPossible()) {
          return;
        }
        idleMillis = idleMillis == 0 ? 1 : Math.min(idleMillis * 2, LONGEST_IDLE_WAIT_MILLIS);
        awaitMillis(Math.min(idleMillis, millisUntilWakeUp()));
        continue;
      }
      idleMillis = 0;
      dataTaken |= plan.entry().records() > 0;
      long planned = System.currentTimeMillis();
      if (checkpoint != null) {
        checkpoint.writeOffsets(plan.entry());
      }
      execute(plan.entry(), planned - started, System.currentTimeMillis() - planned, started);
      batchId++;
    }
  }

  /** The most records a batch reads from {@code source} under {@code --maxRecordsPerBatch} and the trigger. */
  private long recordsPerBatch(SourceStage<?> source) {
    Long flag = options.getMaxRecordsPerBatch();
    if (flag == null) {
      boolean paced = trigger.kind() == BatchTrigger.Kind.PROCESSING_TIME && trigger.interval().getMillis() > 0;
      if (paced) {
        return PACED_RECORDS_PER_BATCH;
      }
      return backToBackRecordsPerBatch.computeIfAbsent(source, read -> holdsRecordsOf(read)
          ? BACK_TO_BACK_RECORDS_PER_BATCH : BACK_TO_BACK_RECORDS_PER_COMBINED_BATCH);
    }
    return flag > 0 ? flag : Long.MAX_VALUE;
  }

  /**
   * Whether the records {@code source} reads reach the map side of a stage that writes them one by
   * one (see {@link ShuffleWriting#writesPerRecord}) and so are held until that stage runs. What a
   * grouping emits is per key and window: a grouping after one (a sink's, after a global combine)
   * holds no records.
   */
  private boolean holdsRecordsOf(SourceStage<?> source) {
    Set<PValue> records = new HashSet<>(source.step.outputs().values());
    for (Stage stage : stages.all()) {
      if (stage.step.mainInputs().stream().noneMatch(records::contains)) {
        continue;
      }
      if (stage instanceof ShuffleWriting writing && writing.writesPerRecord()) {
        return true;
      }
      if (!(stage instanceof GroupByKeyStage)) {
        records.addAll(stage.step.outputs().values());
      }
    }
    return false;
  }

  /** Whether nothing can ever make another batch worth running: no input to come, no timer that time can fire. */
  private boolean noProgressPossible() {
    return allSourcesExhausted() && (manualClock != null || stages.nextProcessingTimeWakeUp() == null);
  }

  private boolean allSourcesExhausted() {
    for (SourceStage<?> source : stages.ofType(SourceStage.class)) {
      if (!source.isExhausted()) {
        return false;
      }
    }
    return true;
  }

  private long millisUntilWakeUp() {
    Instant wakeUp = stages.nextProcessingTimeWakeUp();
    if (wakeUp == null || manualClock != null) {
      return Long.MAX_VALUE;
    }
    return Math.max(1, wakeUp.getMillis() - System.currentTimeMillis());
  }

  private void awaitTriggerInterval() {
    long interval = trigger.interval().getMillis();
    if (interval > 0) {
      awaitMillis(lastBatchStartMillis + interval - System.currentTimeMillis());
    }
  }

  /** Waits {@code millis}, or less if the query is cancelled. */
  private void awaitMillis(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      cancelled.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      // Whoever interrupts the loop wants the query to stop.
      Thread.currentThread().interrupt();
      cancel();
    }
  }

  /** Plans batch {@code batchId}: every source reads its next range; the first TestStream with events left plays one. */
  private Plan plan(long batchId, ToLongFunction<SourceStage<?>> maxRecords) {
    List<SourceOffset> offsets = new ArrayList<>();
    boolean played = false;
    boolean watermarkMoved = false;
    boolean watermarkAhead = false;
    Instant systemTime = Instant.now();
    for (SourceStage<?> source : stages.ofType(SourceStage.class)) {
      SourceOffset offset;
      if (source instanceof TestStreamStage<?> stream) {
        boolean plays = !played && stream.hasNext();
        played |= plays;
        offset = runStep(source, () -> plays ? stream.plan(maxRecords.applyAsLong(stream)) : stream.idle());
      } else {
        offset = runStep(source, () -> source.plan(maxRecords.applyAsLong(source)));
      }
      offsets.add(offset);
      watermarkMoved |= offset.watermark().isAfter(source.outputWatermark());
      watermarkAhead |= source.upcomingWatermark().isAfter(source.outputWatermark());
    }
    Instant processingTime = manualClock != null ? manualClock.now() : systemTime;
    OffsetEntry entry = new OffsetEntry(batchId, processingTime, offsets);
    Instant wakeUp = stages.nextProcessingTimeWakeUp();
    boolean timerDue = wakeUp != null && !wakeUp.isAfter(processingTime);
    return new Plan(entry, played || watermarkMoved || timerDue || entry.records() > 0, watermarkAhead);
  }

  private void execute(OffsetEntry entry, long planningMillis, long logMillis, long startedMillis) throws IOException {
    long batchId = entry.batchId();
    for (TransactionalWriteStage<?> sink : stages.ofType(TransactionalWriteStage.class)) {
      sink.beginBatch(batchId);
    }
    long executing = System.currentTimeMillis();
    stages.runBatch(entry.processingTime());
    long committing = System.currentTimeMillis();
    writeSinkPending(batchId);
    for (TransactionalWriteStage<?> sink : stages.ofType(TransactionalWriteStage.class)) {
      runStep(sink, () -> {
        sink.commit(batchId);
        return null;
      });
    }
    if (checkpoint != null) {
      checkpoint.state().commit(batchId, StageStates.capture(stages, sideInputs));
      checkpoint.writeCommit(batchId, Instant.now());
    }
    forEachSource(entry, SourceStage::committed);
    if (checkpoint != null) {
      checkpoint.removeBefore(batchId - options.getMinBatchesToRetain() + 1);
    }
    long ended = System.currentTimeMillis();
    report(entry, startedMillis, planningMillis, logMillis, committing - executing, ended - committing);
  }

  /** Makes what the sinks prepared in batch {@code batchId} durable before they commit it. */
  private void writeSinkPending(long batchId) throws IOException {
    Map<String, byte[]> pending = new HashMap<>();
    for (TransactionalWriteStage<?> sink : stages.ofType(TransactionalWriteStage.class)) {
      if (sink.hasPending()) {
        pending.put(sink.step.fullName(), sink.pendingBytes());
      }
    }
    if (checkpoint != null && !pending.isEmpty()) {
      checkpoint.writeSinkPending(batchId, pending);
    }
  }

  private void report(OffsetEntry entry, long startedMillis, long planningMillis, long logMillis, long executionMillis,
      long commitMillis) throws IOException {
    long sincePrevious = Math.max(1, startedMillis - lastBatchStartMillis);
    lastBatchStartMillis = startedMillis;
    long total = Math.max(1, planningMillis + logMillis + executionMillis + commitMillis);
    Map<String, Long> stateRows = stages.stateRows();
    long records = stages.recordsRead(entry);
    BatchProgress report = new BatchProgress(entry.batchId(), new Instant(startedMillis), records,
        records * 1000.0 / sincePrevious, records * 1000.0 / total, planningMillis, logMillis,
        executionMillis, commitMillis, entry.watermark(), entry.processingTime(), stateRows);
    if (checkpoint != null) {
      checkpoint.appendProgress(report.toJson());
    }
    progress.accept(report);
  }

  /**
   * A planned batch, whether running it would do anything, and whether a source's watermark for
   * the next batch is already ahead of where the source's step stands.
   */
  private record Plan(OffsetEntry entry, boolean worthRunning, boolean watermarkAhead) {}
}
