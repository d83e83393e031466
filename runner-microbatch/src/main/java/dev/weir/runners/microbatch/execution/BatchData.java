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
 * <p>Not thread-safe: used by the batch loop's thread only.
 */
public final class BatchData {
  private final Map<PCollection<?>, List<WindowedValue<?>>> byCollection = new HashMap<>();

  /** Adds {@code elements} to what {@code collection} received in this batch. */
  public void emit(PCollection<?> collection, List<? extends WindowedValue<?>> elements) {
    if (!elements.isEmpty()) {
      byCollection.computeIfAbsent(collection, c -> new ArrayList<>()).addAll(elements);
    }
  }

  /** Forgets what {@code collection} received, once every step reading it has run, to free memory. */
  void release(PCollection<?> collection) {
    byCollection.remove(collection);
  }

  /** What {@code collection} received in this batch, in order; empty if nothing. */
  List<WindowedValue<?>> elementsOf(PCollection<?> collection) {
    return byCollection.getOrDefault(collection, List.of());
  }
}
