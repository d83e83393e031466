package dev.weir.runners.direct.streaming;

import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.joda.time.Instant;

/**
 * Executes a step that keeps state per key (a {@code GroupByKey}, a stateful {@code ParDo}): its
 * keys are spread over a fixed number of partitions by the hash of their encoding, and each
 * partition has one {@link PartitionCore} (the execution core of the step for those keys), which
 * one task at a time drives on a worker.
 *
 * <p>Each accepted batch is first cut by partition on a worker (elements in several windows become
 * one element per window, unless the step's cores take them whole). A partition's task then advances its core's processing time to the
 * run's clock, its input watermark to the step's input watermark (both as they were when the task
 * was dispatched), and hands it the partition's queued elements; the core emits what that causes.
 * A partition gets a task whenever it has queued elements, its core lags behind the step's input
 * watermark, or the run's processing time reached its core's next wake-up.
 *
 * <p>Side inputs (of a stateful {@code ParDo}): an element whose side inputs are not ready in its
 * window waits in its partition, pending, until they are, as in {@link ParDoExecutor}.
 *
 * <p>Watermarks: the step has acted on the least input watermark among its partitions' cores
 * (partitions without a core hold nothing); its {@link #hold()} is the least output watermark hold
 * among them.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
abstract class KeyedExecutor<K, V> extends StepExecutor {
  private final Coder<K> keyCoder;
  private final List<PCollectionView<?>> sideInputs;
  private final SideInputContainer container;
  private final Queue<Batch<KV<K, V>>> unsplit = new ArrayDeque<>();
  private final List<Partition<K, V>> partitions = new ArrayList<>();
  /** The side-input version when waiting elements were last scanned; -1 to scan on the next pass. */
  private long scannedVersion = -1;

  KeyedExecutor(Step step, Driver driver, Coder<K> keyCoder) {
    super(step, driver);
    this.keyCoder = keyCoder;
    this.sideInputs = List.copyOf(step.sideInputs());
    this.container = driver.sideInputs();
    for (int i = 0; i < context.desiredParts(); i++) {
      partitions.add(new Partition<>());
    }
  }

  /**
   * The execution core of one partition of the step, made by {@link #newCore()} on a worker and
   * driven by one task at a time. Its methods are those of the shared cores, so adapters stay thin.
   */
  interface PartitionCore<K, V> {
    /** Begins one task's work; every other call of the task comes between this and {@link #finishTask}. */
    default void startTask() {}

    /** Ends one task's work. */
    default void finishTask() {}

    /** Moves processing time (and synchronized processing time) forward to {@code now}. */
    void advanceProcessingTime(Instant now);

    /** Moves the input watermark forward to {@code watermark}. */
    void advanceInputWatermark(Instant watermark);

    /**
     * Processes {@code elements} in order: each in one window, or as it came if the executor
     * {@linkplain #takesElementsInManyWindows() takes elements in many windows}.
     */
    void process(List<WindowedValue<KV<K, V>>> elements);

    /** The earliest output timestamp the core may still produce; the end of time if none. */
    Instant outputWatermarkHold();

    /** The processing time at which the core must be advanced again, or null if none. */
    Instant nextProcessingTimeWakeUp();

    /** Takes what the core output since the last call, by output collection. */
    Map<PCollection<?>, List<WindowedValue<?>>> takeOutputs();

    /** Ends the run for this core: tears down what it set up (best effort, failures logged). */
    default void close() {}
  }

  /** A new, empty core for one partition; called on a worker. */
  abstract PartitionCore<K, V> newCore();

  /**
   * Whether this step's cores take an element in several windows whole, sparing the copy per
   * window; false, the default, explodes such elements before they reach a core.
   */
  boolean takesElementsInManyWindows() {
    return false;
  }

  @Override
  @SuppressWarnings("unchecked")
  final void accept(int inputIndex, Batch<?> batch) {
    unsplit.add((Batch<KV<K, V>>) batch);
    addPending(batch.minTimestamp());
  }

  @Override
  void dispatchReady() {
    retryWaiting();
    for (Batch<KV<K, V>> batch = unsplit.poll(); batch != null; batch = unsplit.poll()) {
      Batch<KV<K, V>> input = batch;
      dispatch(() -> {
        List<Batch<KV<K, V>>> split = split(input);
        return () -> {
          removePending(input.minTimestamp());
          for (int i = 0; i < split.size(); i++) {
            if (!split.get(i).isEmpty()) {
              partitions.get(i).queued.add(split.get(i));
              addPending(split.get(i).minTimestamp());
            }
          }
        };
      });
    }
    Instant now = driver.processingTime();
    for (Partition<K, V> partition : partitions) {
      if (!partition.busy && needsTask(partition, now)) {
        dispatchPartition(partition, now);
      }
    }
  }

  private boolean needsTask(Partition<K, V> partition, Instant now) {
    if (!partition.queued.isEmpty()) {
      return true;
    }
    if (!partition.hasCore) {
      return false;
    }
    return partition.acted.isBefore(inputWatermark())
        || (partition.wakeUp != null && !now.isBefore(partition.wakeUp) && now.isAfter(partition.processingTime));
  }

  private void dispatchPartition(Partition<K, V> partition, Instant now) {
    partition.busy = true;
    Instant watermark = inputWatermark();
    List<Batch<KV<K, V>>> batches = new ArrayList<>(partition.queued);
    partition.queued.clear();
    dispatch(() -> {
      if (partition.core == null) {
        partition.core = newCore();
      }
      PartitionCore<K, V> core = partition.core;
      List<WindowedValue<KV<K, V>>> notReady = new ArrayList<>();
      core.startTask();
      core.advanceProcessingTime(now);
      core.advanceInputWatermark(watermark);
      for (Batch<KV<K, V>> batch : batches) {
        context.pool().checkRunning();
        core.process(sideInputs.isEmpty() ? batch.elements() : readyOnly(batch.elements(), notReady));
      }
      core.finishTask();
      Map<PCollection<?>, List<WindowedValue<?>>> outputs = core.takeOutputs();
      Instant hold = core.outputWatermarkHold();
      Instant wakeUp = core.nextProcessingTimeWakeUp();
      return () -> {
        partition.busy = false;
        partition.hasCore = true;
        partition.acted = watermark;
        partition.processingTime = now;
        partition.hold = hold;
        partition.wakeUp = wakeUp;
        batches.forEach(b -> removePending(b.minTimestamp()));
        for (WindowedValue<KV<K, V>> element : notReady) {
          partition.waiting.add(element);
          addPending(element.getTimestamp());
        }
        scannedVersion = notReady.isEmpty() ? scannedVersion : -1;
        outputs.forEach((collection, elements) -> driver.emit(collection, batchOf(elements)));
      };
    });
  }

  /** The elements of {@code elements} whose side inputs are ready; the others go to {@code notReady}. */
  private List<WindowedValue<KV<K, V>>> readyOnly(
      List<WindowedValue<KV<K, V>>> elements, List<WindowedValue<KV<K, V>>> notReady) {
    List<WindowedValue<KV<K, V>>> ready = new ArrayList<>(elements.size());
    for (WindowedValue<KV<K, V>> element : elements) {
      if (container.allReady(sideInputs, element.getWindows().iterator().next())) {
        ready.add(element);
      } else {
        notReady.add(element);
      }
    }
    return ready;
  }

  /** Queues again the waiting elements whose side inputs became ready, if the side inputs changed. */
  private void retryWaiting() {
    long version = container.version();
    if (sideInputs.isEmpty() || version == scannedVersion) {
      return;
    }
    scannedVersion = version;
    for (Partition<K, V> partition : partitions) {
      List<WindowedValue<KV<K, V>>> ready = new ArrayList<>();
      for (Iterator<WindowedValue<KV<K, V>>> it = partition.waiting.iterator(); it.hasNext(); ) {
        WindowedValue<KV<K, V>> element = it.next();
        if (container.allReady(sideInputs, element.getWindows().iterator().next())) {
          it.remove();
          removePending(element.getTimestamp());
          ready.add(element);
        }
      }
      if (!ready.isEmpty()) {
        Batch<KV<K, V>> batch = Batch.of(ready);
        partition.queued.add(batch);
        addPending(batch.minTimestamp());
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Batch<?> batchOf(List<WindowedValue<?>> elements) {
    return Batch.of((List) elements);
  }

  private List<Batch<KV<K, V>>> split(Batch<KV<K, V>> batch) {
    boolean explodeless = takesElementsInManyWindows();
    List<List<WindowedValue<KV<K, V>>>> parts = new ArrayList<>();
    for (int i = 0; i < partitions.size(); i++) {
      parts.add(new ArrayList<>());
    }
    for (WindowedValue<KV<K, V>> element : batch.elements()) {
      context.pool().checkRunning();
      List<WindowedValue<KV<K, V>>> part = parts.get(partitionOf(element.getValue().getKey()));
      if (element.getWindows().size() == 1 || (explodeless && sideInputs.isEmpty())) {
        part.add(element);
      } else {
        part.addAll(element.explodeWindows());
      }
    }
    List<Batch<KV<K, V>>> split = new ArrayList<>();
    for (List<WindowedValue<KV<K, V>>> part : parts) {
      split.add(Batch.of(part));
    }
    return split;
  }

  private int partitionOf(K key) {
    int hash = keyCoder.structuralValue(key).hashCode();
    // Spread the bits: structural hashes of small keys often differ only in their low bits.
    hash ^= hash >>> 16;
    hash *= 0x45d9f3b;
    hash ^= hash >>> 16;
    return Math.floorMod(hash, partitions.size());
  }

  @Override
  final int queuedBatches() {
    int queued = unsplit.size();
    for (Partition<K, V> partition : partitions) {
      queued += partition.queued.size();
    }
    return queued;
  }

  @Override
  final Instant actedInputWatermark() {
    Instant acted = inputWatermark();
    for (Partition<K, V> partition : partitions) {
      if (partition.hasCore && partition.acted.isBefore(acted)) {
        acted = partition.acted;
      }
    }
    return acted;
  }

  @Override
  final Instant hold() {
    Instant hold = BoundedWindow.TIMESTAMP_MAX_VALUE;
    for (Partition<K, V> partition : partitions) {
      if (partition.hold.isBefore(hold)) {
        hold = partition.hold;
      }
    }
    return hold;
  }

  @Override
  final long millisUntilTimedWork() {
    if (driver.isProcessingTimeManual()) {
      return Long.MAX_VALUE;
    }
    long now = driver.processingTime().getMillis();
    long soonest = Long.MAX_VALUE;
    for (Partition<K, V> partition : partitions) {
      if (partition.wakeUp != null) {
        soonest = Math.min(soonest, Math.max(0, partition.wakeUp.getMillis() - now));
      }
    }
    return soonest;
  }

  @Override
  final void tearDown() {
    for (Partition<K, V> partition : partitions) {
      if (partition.core != null) {
        partition.core.close();
      }
    }
  }

  /**
   * The keys of one partition. Fields other than {@link #core} are the driver's; the core is made
   * and used by the partition's tasks, one at a time, and closed on the driver once the run is
   * over, when no task runs any more.
   */
  private static final class Partition<K, V> {
    private final List<Batch<KV<K, V>>> queued = new ArrayList<>();
    /** Elements, one window each, whose side inputs were not ready when they were tried. */
    private final List<WindowedValue<KV<K, V>>> waiting = new ArrayList<>();
    private PartitionCore<K, V> core;
    /** Whether a task of this partition has committed, so that its core exists. */
    private boolean hasCore;
    private boolean busy;
    private Instant acted = BoundedWindow.TIMESTAMP_MIN_VALUE;
    private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
    private Instant hold = BoundedWindow.TIMESTAMP_MAX_VALUE;
    private Instant wakeUp;
  }
}
