package dev.weir.runtime.graph;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.runners.TransformHierarchy;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PValue;
import dev.weir.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A pipeline reduced to the primitive steps runners execute, in a topological order: every step
 * comes after the producers of all its inputs, main and side.
 *
 * <p>Built once per run by {@link #of}; immutable afterwards and safe to read from any thread.
 * Building fails with an {@link IllegalStateException} naming the transform when a leaf of the
 * transform hierarchy is not one of the {@link Primitive}s. A leaf whose outputs were all produced
 * before it (a composite that applied no transform and returned its input) is no step.
 *
 * <p>Steps stay as the pipeline applied them; the graph only marks the groupings a runner may run
 * as combining groupings ({@link #combinableGroupingOf}), so that every runner sees the same steps
 * and the same fingerprint whether it lifts combiners or not.
 */
public final class PipelineGraph {
  private final List<Step> steps;
  private final Map<PValue, Step> producers;
  private final Map<PValue, List<Step>> consumers;
  /** Each combinable grouping, under both its grouping step and its {@code GroupedValues} step. */
  private final Map<Step, CombinableGrouping> combinable;

  private PipelineGraph(List<Step> steps, Map<Step, TransformHierarchy.Node> nodes, CoderRegistry registry) {
    this.steps = List.copyOf(steps);
    Map<PValue, Step> producedBy = new IdentityHashMap<>();
    Map<PValue, Set<Step>> consumedBy = new IdentityHashMap<>();
    for (Step step : steps) {
      for (PValue output : step.outputs().values()) {
        producedBy.put(output, step);
      }
      List<PValue> inputs = new ArrayList<>(step.mainInputs());
      inputs.addAll(step.sideInputs());
      for (PValue input : inputs) {
        consumedBy.computeIfAbsent(input, v -> new LinkedHashSet<>()).add(step);
      }
    }
    this.producers = Collections.unmodifiableMap(producedBy);
    Map<PValue, List<Step>> frozen = new IdentityHashMap<>();
    consumedBy.forEach((value, readers) -> frozen.put(value, List.copyOf(readers)));
    this.consumers = Collections.unmodifiableMap(frozen);
    Map<Step, CombinableGrouping> lifted = new IdentityHashMap<>();
    for (CombinableGrouping grouping : CombinerLifting.find(steps, nodes, this::getConsumers, registry)) {
      lifted.put(grouping.groupByKey(), grouping);
      lifted.put(grouping.groupedValues(), grouping);
    }
    this.combinable = Collections.unmodifiableMap(lifted);
  }

  /** The graph of {@code pipeline}'s primitive steps; call after the pipeline is fully built. */
  public static PipelineGraph of(Pipeline pipeline) {
    StepCollector collector = new StepCollector();
    pipeline.traverseTopologically(collector);
    return new PipelineGraph(collector.steps, collector.nodes, pipeline.getCoderRegistry());
  }

  /** The steps in topological order. */
  public List<Step> getSteps() {
    return steps;
  }

  /** The step that produces {@code value}; fails naming the value if no step does. */
  public Step getProducer(PValue value) {
    Step producer = producers.get(value);
    if (producer == null) {
      throw new IllegalArgumentException(value + " is not produced by any step of this pipeline graph");
    }
    return producer;
  }

  /** The steps that read {@code value} as a main or side input, each once, in topological order. */
  public List<Step> getConsumers(PValue value) {
    return consumers.getOrDefault(value, List.of());
  }

  /**
   * The {@link CombinableGrouping} that {@code step} is the grouping or the {@code GroupedValues}
   * step of, if any: a runner may run such a pair as one combining grouping (see there).
   */
  public Optional<CombinableGrouping> combinableGroupingOf(Step step) {
    return Optional.ofNullable(combinable.get(step));
  }

  /**
   * The expanded graph in Graphviz DOT: composites as clusters, steps as nodes, collections as
   * edges labeled with their names (side inputs dashed).
   */
  public String toDot() {
    return new DotRenderer(this).render();
  }

  /** Turns each leaf of the hierarchy into a {@link Step}, in visiting (topological) order. */
  private static final class StepCollector extends Pipeline.PipelineVisitor.Defaults {
    private final List<Step> steps = new ArrayList<>();
    private final Map<Step, TransformHierarchy.Node> nodes = new IdentityHashMap<>();
    private final Set<PValue> produced = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public void visitPrimitiveTransform(TransformHierarchy.Node node) {
      PTransform<?, ?> transform = node.getTransform();
      Primitive primitive = Primitive.of(transform).orElse(null);
      if (primitive == null) {
        if (producesNothingNew(node)) {
          return;
        }
        throw new IllegalStateException(
            "Transform '" + node.getFullName() + "' (" + transform.getClass().getName() + ") applies no other"
                + " transform, but is not a primitive that runners execute. Known primitives: "
                + Primitive.knownNames() + ". Fix: implement its expand() by applying existing transforms.");
      }
      Map<TupleTag<?>, PValue> sideInputMap = transform.getAdditionalInputs();
      List<PCollection<?>> mainInputs = new ArrayList<>();
      for (Map.Entry<TupleTag<?>, PValue> input : node.getInputs().entrySet()) {
        if (!sideInputMap.containsKey(input.getKey())) {
          mainInputs.add((PCollection<?>) input.getValue());
        }
      }
      List<PCollectionView<?>> sideInputs = new ArrayList<>();
      for (PValue view : sideInputMap.values()) {
        sideInputs.add((PCollectionView<?>) view);
      }
      Map<TupleTag<?>, PValue> outputs = new LinkedHashMap<>(node.getOutputs());
      produced.addAll(outputs.values());
      Step step = new Step(node.getFullName(), transform, primitive, mainInputs, sideInputs, outputs);
      steps.add(step);
      nodes.put(step, node);
    }

    // A composite that returned (part of) its input applied nothing, and has nothing to run.
    private boolean producesNothingNew(TransformHierarchy.Node node) {
      return !node.getOutputs().isEmpty() && produced.containsAll(node.getOutputs().values());
    }
  }
}
