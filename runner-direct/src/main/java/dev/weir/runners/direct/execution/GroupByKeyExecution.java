package dev.weir.runners.direct.execution;

import dev.weir.runtime.graph.Step;
import dev.weir.runtime.grouping.BatchGroupAlsoByWindow;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a {@code GroupByKey} step in two rounds of tasks: the first hash-partitions the elements of
 * each input bundle by the encoding of their key; the second groups each partition with the core's
 * {@link BatchGroupAlsoByWindow}, making one output bundle per non-empty partition.
 *
 * <p>Equal keys (equal encodings) always land in the same partition, so each group is made whole
 * by one task. Used by the driver thread; the tasks run on the workers.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class GroupByKeyExecution<K, V> {
  private final Step step;
  private final ExecutionContext context;
  private final Coder<K> keyCoder;
  private final WindowingStrategy<?, ?> strategy;
  private final List<List<WindowedValue<KV<K, V>>>> partitions = new ArrayList<>();

  @SuppressWarnings("unchecked")
  GroupByKeyExecution(Step step, ExecutionContext context) {
    this.step = step;
    this.context = context;
    PCollection<KV<K, V>> input = (PCollection<KV<K, V>>) step.mainInput();
    this.keyCoder = GroupByKey.getInputKvCoder(input).getKeyCoder();
    this.strategy = input.getWindowingStrategy();
    BatchGroupAlsoByWindow.checkSupported(step.fullName(), strategy);
    for (int i = 0; i < context.desiredParts(); i++) {
      partitions.add(new ArrayList<>());
    }
  }

  /** Groups {@code input}; returns the grouped bundles, or null if the run stopped. */
  List<Bundle<KV<K, Iterable<V>>>> execute(List<Bundle<KV<K, V>>> input) {
    List<WorkerPool.Task> shuffle = new ArrayList<>();
    for (Bundle<KV<K, V>> bundle : input) {
      shuffle.add(() -> partition(bundle));
    }
    if (!context.pool().runAll(step.fullName(), shuffle)) {
      return null;
    }
    List<Bundle<KV<K, Iterable<V>>>> output = Collections.synchronizedList(new ArrayList<>());
    List<WorkerPool.Task> grouping = new ArrayList<>();
    for (List<WindowedValue<KV<K, V>>> partition : partitions) {
      if (!partition.isEmpty()) {
        grouping.add(() -> output.add(group(partition)));
      }
    }
    return context.pool().runAll(step.fullName(), grouping) ? List.copyOf(output) : null;
  }

  private void partition(Bundle<KV<K, V>> bundle) {
    List<List<WindowedValue<KV<K, V>>>> local = new ArrayList<>();
    for (int i = 0; i < partitions.size(); i++) {
      local.add(new ArrayList<>());
    }
    for (WindowedValue<KV<K, V>> element : bundle.elements()) {
      context.pool().checkRunning();
      local.get(partitionOf(element.getValue().getKey())).add(element);
    }
    for (int i = 0; i < partitions.size(); i++) {
      List<WindowedValue<KV<K, V>>> target = partitions.get(i);
      synchronized (target) {
        target.addAll(local.get(i));
      }
    }
  }

  private int partitionOf(K key) {
    int hash = keyCoder.structuralValue(key).hashCode();
    // Spread the bits: structural hashes of small keys often differ only in their low bits.
    hash ^= hash >>> 16;
    hash *= 0x45d9f3b;
    hash ^= hash >>> 16;
    return Math.floorMod(hash, partitions.size());
  }

  private Bundle<KV<K, Iterable<V>>> group(List<WindowedValue<KV<K, V>>> partition) {
    BatchGroupAlsoByWindow<K, V> grouping = new BatchGroupAlsoByWindow<>(step.fullName(), keyCoder, strategy);
    for (WindowedValue<KV<K, V>> element : partition) {
      context.pool().checkRunning();
      grouping.processElement(element);
    }
    List<WindowedValue<KV<K, Iterable<V>>>> grouped = new ArrayList<>();
    grouping.finish(grouped::add);
    return new Bundle<>(grouped);
  }
}
