package dev.weir.runners.continuous;

import dev.weir.runtime.graph.CombinableGrouping;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Primitive;
import dev.weir.runtime.graph.Step;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.reflect.DoFnSignatures;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The job a pipeline graph becomes: its operators that own threads ({@link Stage}s: sources, keyed
 * operators, side-input ParDos), each with a number of subtasks, and the channels between them.
 * Every other primitive (stateless ParDo, Window.Assign, Flatten, View creation, a transactional
 * write) is chained into the threads of the stages upstream of it.
 *
 * <p>Channels: each subtask of a stage that reaches another stage's input (through its chained
 * operators) has one channel into each subtask of that stage; a subtask's channels are numbered
 * from 0, grouped by upstream stage and input (main, or one view). Immutable after {@link #of}.
 */
final class JobPlan {
  /** What a stage's head operator is. */
  enum Kind {
    BOUNDED_SOURCE, UNBOUNDED_SOURCE, TEST_STREAM, GROUPING, STATEFUL, SIDE_INPUT_PARDO;

    boolean isSource() {
      return this == BOUNDED_SOURCE || this == UNBOUNDED_SOURCE || this == TEST_STREAM;
    }
  }

  /**
   * Where a chain delivers elements: the main input of {@code target}, or its side input
   * {@code view} when that is not null.
   */
  record Route(Stage target, PCollectionView<?> view) {
    // Written out, as Step's are: a record's generated methods spin method-handle classes on first
    // call, and routes are hashed while the job is planned, inside the run's time.
    @Override
    public boolean equals(Object other) {
      return this == other
          || other instanceof Route that && target == that.target && Objects.equals(view, that.view);
    }

    @Override
    public int hashCode() {
      return 31 * target.index + Objects.hashCode(view);
    }
  }

  /** One input channel of a stage's subtasks: its producing stage and subtask, and its view (null: main). */
  record Channel(Stage upstream, int upstreamSubtask, PCollectionView<?> view) {}

  /** An operator that owns threads: one per subtask. */
  static final class Stage {
    final int index;
    final Step head;
    final Kind kind;
    final int parallelism;
    final List<Channel> inputs = new ArrayList<>();
    /** The first channel of each (upstream stage, view) pair, keyed by {@link #channelKey}. */
    private final Map<String, Integer> channelBases = new HashMap<>();
    final Set<Route> routes = new LinkedHashSet<>();

    Stage(int index, Step head, Kind kind, int parallelism) {
      this.index = index;
      this.head = head;
      this.kind = kind;
      this.parallelism = parallelism;
    }

    /** The channel that subtask {@code subtask} of {@code upstream} writes into this stage's input {@code view}. */
    int channelOf(Stage upstream, int subtask, PCollectionView<?> view) {
      Integer base = channelBases.get(channelKey(upstream, view));
      if (base == null) {
        throw new IllegalStateException("No channel from " + upstream + " into " + this + " for " + view);
      }
      return base + subtask;
    }

    private static String channelKey(Stage upstream, PCollectionView<?> view) {
      return upstream.index + "/" + (view == null ? "" : Integer.toHexString(System.identityHashCode(view)));
    }

    /** A display name: the head's full name. */
    String name() {
      return head.fullName();
    }

    @Override
    public String toString() {
      return head.fullName() + " x" + parallelism;
    }
  }

  final PipelineGraph graph;
  final List<Stage> stages;
  private final Map<Step, Stage> stageOfHead;

  private JobPlan(PipelineGraph graph, List<Stage> stages, Map<Step, Stage> stageOfHead) {
    this.graph = graph;
    this.stages = stages;
    this.stageOfHead = stageOfHead;
  }

  /**
   * The plan of {@code graph}; {@code sourceParts} gives each source step's number of subtasks,
   * {@code parallelism} that of every other stage.
   */
  static JobPlan of(PipelineGraph graph, int parallelism, Map<Step, Integer> sourceParts) {
    List<Stage> stages = new ArrayList<>();
    Map<Step, Stage> heads = new IdentityHashMap<>();
    for (Step step : graph.getSteps()) {
      Optional<Kind> kind = kindOf(graph, step);
      if (kind.isPresent()) {
        int subtasks = kind.get().isSource()
            ? Objects.requireNonNull(sourceParts.get(step), step.fullName())
            : parallelism;
        Stage stage = new Stage(stages.size(), step, kind.get(), subtasks);
        stages.add(stage);
        heads.put(step, stage);
      }
    }
    JobPlan plan = new JobPlan(graph, List.copyOf(stages), heads);
    for (Stage stage : stages) {
      for (PCollection<?> output : plan.headOutputs(stage)) {
        plan.walk(output, stage.routes, new LinkedHashSet<>());
      }
    }
    for (Stage upstream : stages) {
      for (Route route : upstream.routes) {
        Stage target = route.target();
        target.channelBases.put(Stage.channelKey(upstream, route.view()), target.inputs.size());
        for (int i = 0; i < upstream.parallelism; i++) {
          target.inputs.add(new Channel(upstream, i, route.view()));
        }
      }
    }
    return plan;
  }

  /** The kind of stage {@code step} heads, or empty if it is chained into upstream threads. */
  static Optional<Kind> kindOf(PipelineGraph graph, Step step) {
    return switch (step.primitive()) {
      case READ_BOUNDED -> Optional.of(Kind.BOUNDED_SOURCE);
      case READ_UNBOUNDED -> Optional.of(Kind.UNBOUNDED_SOURCE);
      case TEST_STREAM -> Optional.of(Kind.TEST_STREAM);
      case GROUP_BY_KEY -> Optional.of(Kind.GROUPING);
      case PAR_DO -> {
        if (isLiftedAway(graph, step)) {
          yield Optional.empty();
        }
        if (isStateful(step)) {
          yield Optional.of(Kind.STATEFUL);
        }
        yield step.sideInputs().isEmpty() ? Optional.empty() : Optional.of(Kind.SIDE_INPUT_PARDO);
      }
      default -> Optional.empty();
    };
  }

  static boolean isLiftedAway(PipelineGraph graph, Step step) {
    Optional<CombinableGrouping> combinable = graph.combinableGroupingOf(step);
    return combinable.isPresent() && combinable.get().groupedValues() == step;
  }

  static boolean isStateful(Step step) {
    return DoFnSignatures.getSignature(((ParDo.MultiOutput<?, ?>) step.transform()).getFn().getClass()).isStateful();
  }

  /** The collections a stage's head emits into its chain. */
  List<PCollection<?>> headOutputs(Stage stage) {
    Optional<CombinableGrouping> combinable = graph.combinableGroupingOf(stage.head);
    if (stage.kind == Kind.GROUPING && combinable.isPresent()) {
      return List.of(combinable.get().output());
    }
    return collectionsOf(stage.head);
  }

  static List<PCollection<?>> collectionsOf(Step step) {
    List<PCollection<?>> outputs = new ArrayList<>();
    for (PValue value : step.outputs().values()) {
      if (value instanceof PCollection<?> collection) {
        outputs.add(collection);
      }
    }
    return outputs;
  }

  /** The stage {@code step} heads, or null if it is chained. */
  Stage stageOf(Step step) {
    return stageOfHead.get(step);
  }

  /** The steps that read {@code collection} as a main input. */
  List<Step> mainConsumers(PCollection<?> collection) {
    List<Step> readers = new ArrayList<>();
    for (Step step : graph.getConsumers(collection)) {
      if (step.mainInputs().contains(collection)) {
        readers.add(step);
      }
    }
    return readers;
  }

  /** Adds to {@code routes} every stage input reached from {@code collection} through chained steps. */
  private void walk(PCollection<?> collection, Set<Route> routes, Set<PValue> visited) {
    if (!visited.add(collection)) {
      return;
    }
    for (Step step : mainConsumers(collection)) {
      Stage stage = stageOfHead.get(step);
      if (stage != null) {
        routes.add(new Route(stage, null));
      } else if (step.primitive() == Primitive.CREATE_VIEW) {
        PCollectionView<?> view = (PCollectionView<?>) step.output();
        for (Step reader : graph.getConsumers(view)) {
          routes.add(new Route(Objects.requireNonNull(stageOfHead.get(reader), reader.fullName()), view));
        }
      } else if (!isLiftedAway(graph, step)) {
        for (PCollection<?> output : collectionsOf(step)) {
          walk(output, routes, visited);
        }
      }
    }
  }
}
