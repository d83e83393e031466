package dev.weir.runners.direct.execution;

import static com.google.common.base.Verify.verify;

import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contents of every collection and view produced so far, kept until their last consumer has
 * run, so that memory holds only what later steps still need.
 *
 * <p>Used by the driver thread only, between steps; workers get the bundles they read handed to
 * them.
 */
final class MaterializedCollections {
  private final Map<PValue, List<Bundle<?>>> bundles = new IdentityHashMap<>();
  private final Map<PValue, Integer> pendingConsumers = new IdentityHashMap<>();
  private final PipelineGraph graph;

  MaterializedCollections(PipelineGraph graph) {
    this.graph = graph;
  }

  /** Records the contents of {@code value}; empty bundles are dropped, so that no task gets one. */
  void put(PValue value, List<? extends Bundle<?>> contents) {
    verify(!bundles.containsKey(value), "%s was produced twice", value);
    List<Bundle<?>> nonEmpty = new ArrayList<>();
    for (Bundle<?> bundle : contents) {
      if (!bundle.elements().isEmpty()) {
        nonEmpty.add(bundle);
      }
    }
    bundles.put(value, nonEmpty);
    pendingConsumers.put(value, graph.getConsumers(value).size());
  }

  /** The bundles of {@code collection}; it must have been produced and not yet released. */
  @SuppressWarnings("unchecked")
  <T> List<Bundle<T>> get(PCollection<T> collection) {
    List<Bundle<?>> contents = bundles.get(collection);
    verify(contents != null, "%s is read before it is produced, or after its last reader", collection);
    return (List<Bundle<T>>) (List<?>) contents;
  }

  /** Every element of {@code view}'s collection, as produced by its CreatePCollectionView step. */
  List<WindowedValue<?>> elementsOf(PCollectionView<?> view) {
    List<Bundle<?>> contents = bundles.get(view);
    verify(contents != null, "%s is read before it is produced, or after its last reader", view);
    List<WindowedValue<?>> elements = new ArrayList<>();
    for (Bundle<?> bundle : contents) {
      elements.addAll(bundle.elements());
    }
    return elements;
  }

  /** Forgets the inputs of {@code step} that no later step reads. */
  void release(Step step) {
    Set<PValue> inputs = new LinkedHashSet<>(step.mainInputs());
    inputs.addAll(step.sideInputs());
    for (PValue input : inputs) {
      int left = pendingConsumers.merge(input, -1, Integer::sum);
      if (left == 0) {
        bundles.remove(input);
        pendingConsumers.remove(input);
      }
    }
  }

  /** The contents of a collection nobody reads, or null if it was released or never produced. */
  @SuppressWarnings("unchecked")
  <T> List<Bundle<T>> unread(PCollection<T> collection) {
    return (List<Bundle<T>>) (List<?>) bundles.get(collection);
  }
}
