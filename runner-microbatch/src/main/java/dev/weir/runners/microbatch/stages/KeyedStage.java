package dev.weir.runners.microbatch.stages;

import dev.weir.runners.microbatch.execution.Stage;
import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runners.microbatch.execution.BatchData;
import dev.weir.runners.microbatch.execution.FusedStages;
import dev.weir.runners.microbatch.execution.ShuffleWrite;
import dev.weir.runners.microbatch.execution.ShuffleWriting;
import dev.weir.runners.microbatch.execution.Workers;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * Runs a step that keeps state per key (a {@code GroupByKey}, a stateful {@code ParDo}): keys are
 * hash-partitioned over {@link StageContext#partitions()} partitions by their encoding, and each
 * partition has one {@link PartitionCore} (the shared execution core for those keys).
 *
 * <p>Each batch, every partition that has input or a core gets one task on a worker, which
 * advances its core's processing time to the batch's, hands it the partition's elements (one
 * window each), then advances its input watermark to the step's input watermark for the batch,
 * and takes what the core emitted. Outputs keep the order of the partitions.
 *
 * <p>Side inputs (of a stateful {@code ParDo}): an element whose side inputs are not ready in its
 * window waits in its partition, holding the output watermark, and is tried again each batch.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public abstract class KeyedStage<K, V> extends Stage implements ShuffleWriting {
  private final Coder<K> keyCoder;
  private final List<PCollectionView<?>> sideInputs;
  private final List<PartitionCore<K, V>> cores = new ArrayList<>();
  private final List<List<WindowedValue<KV<K, V>>>> waiting = new ArrayList<>();
  /** Each partition's output watermark hold and processing-time wake-up after the last batch. */
  private final Instant[] holds;
  private final Instant[] wakeUps;
  /** Input already cut by partition in the tasks that produced it, for the next run; null if none. */
  private List<List<WindowedValue<KV<K, V>>>> shuffled;
  /** The input watermark the cores were last moved to: the step's, held back by waiting elements. */
  private Instant acted = BoundedWindow.TIMESTAMP_MIN_VALUE;

  KeyedStage(Step step, StageContext context, Coder<K> keyCoder) {
    super(step, context);
    this.keyCoder = keyCoder;
    this.sideInputs = List.copyOf(step.sideInputs());
    this.holds = new Instant[context.partitions()];
    this.wakeUps = new Instant[context.partitions()];
    for (int i = 0; i < context.partitions(); i++) {
      cores.add(null);
      waiting.add(new ArrayList<>());
      holds[i] = BoundedWindow.TIMESTAMP_MAX_VALUE;
    }
  }

  /**
   * The execution core of one partition, made by {@link #newCore} and driven by one task at a time.
   */
  interface PartitionCore<K, V> {
    /** Moves processing time (and synchronized processing time) forward to {@code now}. */
    void advanceProcessingTime(Instant now);

    /**
     * Begins one batch's work, at the end of which the input watermark will be {@code watermark};
     * the other calls of the batch come between this and {@link #finishTask}.
     */
    default void startTask(Instant watermark) {}

    /** Processes {@code elements}, each in one window, in order. */
    void process(List<WindowedValue<KV<K, V>>> elements);

    /** Moves the input watermark forward to {@code watermark}. */
    void advanceInputWatermark(Instant watermark);

    /** Ends one batch's work. */
    default void finishTask() {}

    /** Takes what the core emitted since the last call, by output collection. */
    Map<PCollection<?>, List<WindowedValue<?>>> takeOutputs();

    /** The earliest output timestamp the core may still produce; the end of time if none. */
    Instant outputWatermarkHold();

    /** The processing time at which the core must be advanced again, or null if none. */
    Instant nextProcessingTimeWakeUp();

    /** The input watermark the core has acted on. */
    Instant currentInputWatermark();

    /** The core's whole state, through coders; taken between batches. */
    byte[] snapshot();

    /** Ends the run for this core: tears down what it set up (best effort, failures logged). */
    default void close() {}
  }

  /** A new core for one partition, empty, or restored from {@code snapshot} if not null. */
  abstract PartitionCore<K, V> newCore(byte[] snapshot);

  @Override
  protected final void run(List<WindowedValue<?>> input, Instant processingTime, BatchData outputs) {
    List<List<WindowedValue<KV<K, V>>>> parts = partition(input);
    if (shuffled != null) {
      for (int i = 0; i < parts.size(); i++) {
        shuffled.get(i).addAll(parts.get(i));
      }
      parts = shuffled;
      shuffled = null;
    }
    List<List<WindowedValue<KV<K, V>>>> notReady = new ArrayList<>();
    // Elements waiting for side inputs hold back the watermark the cores move to, as pending input would.
    Instant watermark = inputWatermark();
    for (int i = 0; i < parts.size(); i++) {
      List<WindowedValue<KV<K, V>>> waitingStill = new ArrayList<>();
      if (!sideInputs.isEmpty()) {
        List<WindowedValue<KV<K, V>>> ready = new ArrayList<>();
        for (WindowedValue<KV<K, V>> element : waiting.get(i)) {
          (isReady(element) ? ready : waitingStill).add(element);
        }
        for (WindowedValue<KV<K, V>> element : parts.get(i)) {
          (isReady(element) ? ready : waitingStill).add(element);
        }
        parts.set(i, ready);
      }
      for (WindowedValue<KV<K, V>> element : waitingStill) {
        watermark = earliest(watermark, element.getTimestamp());
      }
      notReady.add(waitingStill);
    }
    List<Integer> active = new ArrayList<>();
    List<Workers.Task<TaskResult<K, V>>> tasks = new ArrayList<>();
    Instant target = watermark.isAfter(acted) ? watermark : acted;
    Instant before = acted;
    for (int i = 0; i < parts.size(); i++) {
      waiting.set(i, notReady.get(i));
      if (parts.get(i).isEmpty() && cores.get(i) == null) {
        continue;
      }
      int partition = i;
      List<WindowedValue<KV<K, V>>> elements = parts.get(i);
      active.add(i);
      tasks.add(() -> runPartition(partition, elements, processingTime, before, target));
    }
    acted = target;
    List<TaskResult<K, V>> results = context.workers().runAll(step.fullName(), context.metricsOf(step.fullName()), tasks);
    for (int j = 0; j < results.size(); j++) {
      int partition = active.get(j);
      TaskResult<K, V> result = results.get(j);
      holds[partition] = result.hold();
      wakeUps[partition] = result.wakeUp();
      result.outputs().forEach(outputs::emit);
    }
  }

  private TaskResult<K, V> runPartition(int partition, List<WindowedValue<KV<K, V>>> elements, Instant processingTime,
      Instant before, Instant watermark) {
    PartitionCore<K, V> core = cores.get(partition);
    core = core != null ? core : newCore(null);
    cores.set(partition, core);
    core.startTask(watermark);
    core.advanceProcessingTime(processingTime);
    // A new core catches up with the watermark the step's other cores acted on, so that its elements
    // are late exactly when they would be for a core that had existed all along.
    core.advanceInputWatermark(before);
    context.workers().checkRunning();
    core.process(elements);
    core.advanceInputWatermark(watermark);
    core.finishTask();
    return new TaskResult<>(core.takeOutputs(), core.outputWatermarkHold(), core.nextProcessingTimeWakeUp());
  }

  private boolean isReady(WindowedValue<KV<K, V>> element) {
    return context.sideInputs().allReady(sideInputs, element.getWindows().iterator().next());
  }

  /**
   * The batch's input by key partition, each element in one window, in order: written by one
   * {@link #openShuffleWrite map side} per slice, on the workers. Called by the batch loop's thread
   * at the start of {@link #run}, while {@link #actedWatermark()} is still the watermark the cores
   * acted on in the previous batch (as it is while fused map sides run).
   */
  private List<List<WindowedValue<KV<K, V>>>> partition(List<WindowedValue<?>> input) {
    List<Workers.Task<List<List<WindowedValue<?>>>>> tasks = new ArrayList<>();
    for (List<WindowedValue<?>> slice : FusedStages.slices(input, context.options().getParallelism())) {
      tasks.add(() -> {
        ShuffleWrite write = openShuffleWrite();
        try {
          for (WindowedValue<?> element : slice) {
            context.workers().checkRunning();
            write.process(element);
          }
          write.finish();
          return write.partitions();
        } finally {
          write.release();
        }
      });
    }
    return merged(context.workers().runAll(step.fullName(), context.metricsOf(step.fullName()), tasks));
  }

  @Override
  public final void acceptShuffled(List<List<List<WindowedValue<?>>>> written) {
    List<List<WindowedValue<KV<K, V>>>> merged = merged(written);
    if (shuffled != null) {
      for (int i = 0; i < merged.size(); i++) {
        shuffled.get(i).addAll(merged.get(i));
      }
    } else {
      shuffled = merged;
    }
  }

  /** What several tasks wrote, by partition, each partition's elements in task order. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<List<WindowedValue<KV<K, V>>>> merged(List<List<List<WindowedValue<?>>>> written) {
    List<List<WindowedValue<KV<K, V>>>> parts = new ArrayList<>(cores.size());
    for (int i = 0; i < cores.size(); i++) {
      List<WindowedValue<KV<K, V>>> part = written.size() == 1 ? (List) written.get(0).get(i) : new ArrayList<>();
      if (written.size() != 1) {
        for (List<List<WindowedValue<?>>> task : written) {
          part.addAll((List) task.get(i));
        }
      }
      parts.add(part);
    }
    return parts;
  }

  /** The map side of one task: cuts the input by key partition, an element in many windows into one per window. */
  @Override
  public ShuffleWrite openShuffleWrite() {
    List<List<WindowedValue<?>>> parts = new ArrayList<>(cores.size());
    for (int i = 0; i < cores.size(); i++) {
      parts.add(new ArrayList<>());
    }
    return new ShuffleWrite() {
      @Override
      @SuppressWarnings("unchecked")
      public void process(WindowedValue<?> untyped) {
        WindowedValue<KV<K, V>> element = (WindowedValue<KV<K, V>>) untyped;
        List<WindowedValue<?>> part = parts.get(partitionOf(element.getValue().getKey()));
        if (element.getWindows().size() == 1) {
          part.add(element);
        } else {
          part.addAll(element.explodeWindows());
        }
      }

      @Override
      public List<List<WindowedValue<?>>> partitions() {
        return parts;
      }
    };
  }

  /** The input watermark the cores were last moved to. */
  final Instant actedWatermark() {
    return acted;
  }

  private int partitionOf(K key) {
    return partitionOfStructural(keyCoder.structuralValue(key));
  }

  /** The partition of the key whose {@link Coder#structuralValue} is {@code structuralKey}. */
  final int partitionOfStructural(Object structuralKey) {
    int hash = structuralKey.hashCode();
    // Spread the bits: structural hashes of small keys often differ only in their low bits.
    hash ^= hash >>> 16;
    hash *= 0x45d9f3b;
    hash ^= hash >>> 16;
    return Math.floorMod(hash, cores.size());
  }

  @Override
  protected final Instant hold() {
    Instant hold = BoundedWindow.TIMESTAMP_MAX_VALUE;
    for (int i = 0; i < holds.length; i++) {
      hold = earliest(hold, holds[i]);
      for (WindowedValue<KV<K, V>> element : waiting.get(i)) {
        hold = earliest(hold, element.getTimestamp());
      }
    }
    return hold;
  }

  @Override
  protected final Instant nextProcessingTimeWakeUp() {
    Instant soonest = null;
    for (Instant wakeUp : wakeUps) {
      if (wakeUp != null && (soonest == null || wakeUp.isBefore(soonest))) {
        soonest = wakeUp;
      }
    }
    return soonest;
  }

  @Override
  protected final long stateRows() {
    long rows = 0;
    for (int i = 0; i < cores.size(); i++) {
      rows += waiting.get(i).size() + (holds[i].isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE) ? 1 : 0);
    }
    return rows;
  }

  /** The number of partitions. */
  public final int partitionCount() {
    return cores.size();
  }

  /** Partition {@code partition}'s core state, or null if it has no core yet. */
  public final byte[] snapshotPartition(int partition) {
    PartitionCore<K, V> core = cores.get(partition);
    return core == null ? null : core.snapshot();
  }

  /** The elements of {@code partition} waiting for side inputs. */
  public final List<WindowedValue<KV<K, V>>> waitingOf(int partition) {
    return waiting.get(partition);
  }

  /** Rebuilds {@code partition} from a checkpoint: its core from {@code snapshot}, its waiting elements. */
  public final void restorePartition(int partition, byte[] snapshot, List<WindowedValue<KV<K, V>>> waitingElements) {
    PartitionCore<K, V> core = newCore(snapshot);
    cores.set(partition, core);
    waiting.set(partition, new ArrayList<>(waitingElements));
    holds[partition] = core.outputWatermarkHold();
    wakeUps[partition] = core.nextProcessingTimeWakeUp();
    acted = core.currentInputWatermark().isAfter(acted) ? core.currentInputWatermark() : acted;
  }

  @Override
  protected final void close() {
    for (PartitionCore<K, V> core : cores) {
      if (core != null) {
        core.close();
      }
    }
  }

  /** What one partition's task produced. */
  private record TaskResult<K, V>(Map<PCollection<?>, List<WindowedValue<?>>> outputs, Instant hold, Instant wakeUp) {}
}
