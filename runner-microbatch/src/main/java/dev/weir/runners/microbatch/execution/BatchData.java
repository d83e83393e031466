package dev.weir.runners.microbatch.execution;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The elements each collection received during one batch, filled stage by stage in topological
 * order, so that a stage finds all of its input when it runs.
 *
 * <p>Lists handed to {@link #emit} are kept as they are, not copied (a batch's elements are many):
 * the caller gives them up and never changes them afterwards, and readers never change what
 * {@link #elementsOf} returns. Not thread-safe: used by the batch loop's thread only.
 */
public final class BatchData {
  /** Per collection, the lists emitted to it, in order. */
  private final Map<PCollection<?>, List<List<? extends WindowedValue<?>>>> byCollection = new HashMap<>();

  /** Adds {@code elements}, which the caller no longer changes, to what {@code collection} received in this batch. */
  public void emit(PCollection<?> collection, List<? extends WindowedValue<?>> elements) {
    if (!elements.isEmpty()) {
      byCollection.computeIfAbsent(collection, c -> new ArrayList<>(2)).add(elements);
    }
  }

  /** Forgets what {@code collection} received, once every step reading it has run, to free memory. */
  void release(PCollection<?> collection) {
    byCollection.remove(collection);
  }

  /** What {@code collection} received in this batch, in order; empty if nothing. Not to be changed. */
  @SuppressWarnings("unchecked")
  List<WindowedValue<?>> elementsOf(PCollection<?> collection) {
    List<List<? extends WindowedValue<?>>> chunks = byCollection.get(collection);
    if (chunks == null) {
      return List.of();
    }
    if (chunks.size() == 1) {
      return (List<WindowedValue<?>>) chunks.get(0);
    }
    int size = 0;
    for (List<? extends WindowedValue<?>> chunk : chunks) {
      size += chunk.size();
    }
    List<WindowedValue<?>> all = new ArrayList<>(size);
    for (List<? extends WindowedValue<?>> chunk : chunks) {
      all.addAll(chunk);
    }
    chunks.clear();
    chunks.add(all);
    return all;
  }
}
