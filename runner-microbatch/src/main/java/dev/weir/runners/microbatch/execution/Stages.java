package dev.weir.runners.microbatch.execution;

import dev.weir.runners.microbatch.stages.ParDoStage;
import dev.weir.runners.microbatch.stages.RelayStage;
import dev.weir.runners.microbatch.stages.CreateViewStage;
import dev.weir.runners.microbatch.stages.WindowAssignStage;
import dev.weir.runners.microbatch.stages.TransactionalWriteStage;
import dev.weir.runners.microbatch.stages.KeyedStage;
import dev.weir.runners.microbatch.stages.GroupByKeyStage;
import dev.weir.runners.microbatch.stages.StatefulParDoStage;
import dev.weir.runners.microbatch.durability.OffsetEntry;
import dev.weir.runners.microbatch.durability.SourceOffset;
import dev.weir.runners.microbatch.sources.SourceStage;
import dev.weir.runners.microbatch.sources.BoundedReadStage;
import dev.weir.runners.microbatch.sources.UnboundedReadStage;
import dev.weir.runners.microbatch.sources.TestStreamStage;
import dev.weir.runtime.graph.CombinableGrouping;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.timers.ManualClock;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.reflect.DoFnSignatures;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.joda.time.Instant;

/**
 * The stages of one pipeline, one per primitive step in topological order, and the pass that runs
 * a batch through all of them (see {@link Stage} for the watermark rules of the pass).
 *
 * <p>Not thread-safe: owned by the batch loop's thread.
 */
final class Stages {
  private final PipelineGraph graph;
  private final Map<Step, Stage> byStep = new LinkedHashMap<>();
  /** What runs each batch, in topological order: single stages and fused chains. */
  private final List<Unit> units = new ArrayList<>();
  /** How many times each collection is read as a main input in a batch. */
  private final Map<PCollection<?>, Integer> readers = new HashMap<>();

  Stages(PipelineGraph graph, StageContext context, ManualClock manualClock) {
    this.graph = graph;
    for (Step step : graph.getSteps()) {
      byStep.put(step, create(step, context, manualClock));
      for (PCollection<?> collection : step.mainInputs()) {
        readers.merge(collection, 1, Integer::sum);
      }
    }
    Set<Stage> fused = new HashSet<>();
    for (Stage stage : byStep.values()) {
      if (fused.contains(stage)) {
        continue;
      }
      if (!isFusible(stage) && !(stage instanceof SlicedSource)) {
        units.add(new Unit(stage, null));
        continue;
      }
      List<Stage> chain = new ArrayList<>(List.of(stage));
      for (Stage next = nextInChain(stage); next != null; next = nextInChain(next)) {
        chain.add(next);
      }
      fused.addAll(chain);
      units.add(new Unit(null, new FusedStages(chain, shuffleWriterAfter(chain.get(chain.size() - 1)))));
    }
  }

  private static boolean isFusible(Stage stage) {
    return stage instanceof SliceStage slice && slice.isFusible();
  }

  /** The stage that may run fused after {@code stage}: the only reader of one of its outputs, fusible, reading nothing else. */
  private Stage nextInChain(Stage stage) {
    for (Object output : stage.step.outputs().values()) {
      if (!(output instanceof PCollection<?> collection)) {
        continue;
      }
      List<Step> consumers = graph.getConsumers(collection);
      if (consumers.size() == 1 && readers.getOrDefault(collection, 0) == 1) {
        Stage next = byStep.get(consumers.get(0));
        if (isFusible(next) && next.step.mainInputs().equals(List.of(collection))) {
          return next;
        }
      }
    }
    return null;
  }

  /**
   * The keyed stage whose map side may end the tasks of a chain ending in {@code last}: the only
   * reader of one of {@code last}'s outputs, reading nothing else; null if there is none.
   */
  private Stage shuffleWriterAfter(Stage last) {
    for (Object output : last.step.outputs().values()) {
      if (!(output instanceof PCollection<?> collection)) {
        continue;
      }
      List<Step> consumers = graph.getConsumers(collection);
      if (consumers.size() == 1 && readers.getOrDefault(collection, 0) == 1) {
        Stage next = byStep.get(consumers.get(0));
        if (next instanceof ShuffleWriting && next.step.mainInputs().equals(List.of(collection))) {
          return next;
        }
      }
    }
    return null;
  }

  private Stage create(Step step, StageContext context, ManualClock manualClock) {
    Optional<CombinableGrouping> combinable = graph.combinableGroupingOf(step);
    if (combinable.isPresent() && combinable.get().groupedValues() == step) {
      return RelayStage.liftedAway(step, context);
    }
    return switch (step.primitive()) {
      case READ_BOUNDED -> new BoundedReadStage<>(step, context);
      case READ_UNBOUNDED -> new UnboundedReadStage<>(step, context);
      case TEST_STREAM -> new TestStreamStage<>(step, context, manualClock);
      case PAR_DO -> isStateful(step) ? new StatefulParDoStage<>(step, context) : new ParDoStage<>(step, context);
      case GROUP_BY_KEY -> GroupByKeyStage.create(step, context, combinable);
      case FLATTEN -> RelayStage.flatten(step, context);
      case WINDOW_ASSIGN -> new WindowAssignStage<>(step, context);
      case CREATE_VIEW -> new CreateViewStage(step, context);
      case TRANSACTIONAL_WRITE -> new TransactionalWriteStage<>(step, context);
    };
  }

  private static boolean isStateful(Step step) {
    return DoFnSignatures.getSignature(((ParDo.MultiOutput<?, ?>) step.transform()).getFn().getClass()).isStateful();
  }

  /** Every stage, in topological order. */
  List<Stage> all() {
    return List.copyOf(byStep.values());
  }

  /** The stages of class {@code type}, in topological order. */
  <S extends Stage> List<S> ofType(Class<S> type) {
    List<S> found = new ArrayList<>();
    for (Stage stage : byStep.values()) {
      if (type.isInstance(stage)) {
        found.add(type.cast(stage));
      }
    }
    return found;
  }

  /**
   * Runs one batch through every stage at {@code processingTime}: sources emit what was planned,
   * under their planned watermarks; every other stage takes what its main inputs received, then
   * its watermarks move.
   */
  void runBatch(Instant processingTime) {
    BatchData data = new BatchData();
    Map<PCollection<?>, Integer> unread = new HashMap<>(readers);
    for (Unit unit : units) {
      Stage head = unit.stage() != null ? unit.stage() : unit.chain().head();
      if (head instanceof SourceStage<?> source) {
        Instant watermark = source.plannedWatermark();
        if (unit.chain() != null) {
          unit.chain().runFromSource(data);
          for (Stage member : unit.chain().members()) {
            member.advanceInputWatermark(watermark);
            member.advanceOutputWatermark(watermark);
          }
          continue;
        }
        head.advanceInputWatermark(watermark);
        head.run(List.of(), processingTime, data);
        head.advanceOutputWatermark(watermark);
        continue;
      }
      Instant input = BoundedWindow.TIMESTAMP_MAX_VALUE;
      List<WindowedValue<?>> elements = null;
      for (PCollection<?> collection : head.step.mainInputs()) {
        input = Stage.earliest(input, byStep.get(graph.getProducer(collection)).outputWatermark());
        List<WindowedValue<?>> received = data.elementsOf(collection);
        if (elements == null) {
          elements = received;
        } else if (!received.isEmpty()) {
          List<WindowedValue<?>> both = new ArrayList<>(elements.size() + received.size());
          both.addAll(elements);
          both.addAll(received);
          elements = both;
        }
      }
      elements = elements == null ? List.of() : elements;
      for (PCollection<?> collection : head.step.mainInputs()) {
        if (unread.merge(collection, -1, Integer::sum) == 0) {
          data.release(collection);
        }
      }
      if (unit.chain() != null) {
        unit.chain().run(elements, data);
        for (Stage member : unit.chain().members()) {
          member.advanceInputWatermark(input);
          member.advanceOutputWatermark(Stage.earliest(member.inputWatermark(), member.hold()));
        }
        continue;
      }
      head.advanceInputWatermark(input);
      head.run(elements, processingTime, data);
      head.advanceOutputWatermark(Stage.earliest(head.inputWatermark(), head.hold()));
    }
  }

  /**
   * Sets every stage's watermarks as they stood after the last committed batch, once the stages'
   * state and the sources' positions (with their planned watermarks) are restored, without running
   * anything.
   */
  void recomputeWatermarks() {
    for (Stage stage : byStep.values()) {
      if (stage instanceof SourceStage<?> source) {
        stage.advanceInputWatermark(source.plannedWatermark());
        stage.advanceOutputWatermark(source.plannedWatermark());
        continue;
      }
      Instant input = BoundedWindow.TIMESTAMP_MAX_VALUE;
      for (PCollection<?> collection : stage.step.mainInputs()) {
        input = Stage.earliest(input, byStep.get(graph.getProducer(collection)).outputWatermark());
      }
      stage.advanceInputWatermark(input);
      if (stage instanceof CreateViewStage view) {
        view.context.sideInputs().advanceWatermark(view.view(), input);
      }
      stage.advanceOutputWatermark(Stage.earliest(stage.inputWatermark(), stage.hold()));
    }
  }

  /** Whether every stage's output watermark reached the end of time. */
  boolean allAtEndOfTime() {
    for (Stage stage : byStep.values()) {
      if (stage.outputWatermark().isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
        return false;
      }
    }
    return true;
  }

  /** How many records the batch of {@code entry}, just run, read over all sources. */
  long recordsRead(OffsetEntry entry) {
    long records = 0;
    for (SourceStage<?> source : ofType(SourceStage.class)) {
      for (SourceOffset offset : entry.sources()) {
        if (offset.stepName().equals(source.step.fullName())) {
          records += source.recordsOf(offset);
        }
      }
    }
    return records;
  }

  /** The earliest processing-time wake-up of any stage; null if none. */
  Instant nextProcessingTimeWakeUp() {
    Instant soonest = null;
    for (Stage stage : byStep.values()) {
      Instant wakeUp = stage.nextProcessingTimeWakeUp();
      if (wakeUp != null && (soonest == null || wakeUp.isBefore(soonest))) {
        soonest = wakeUp;
      }
    }
    return soonest;
  }

  /** What each stage keeps between batches, by step name, for stages that keep anything. */
  Map<String, Long> stateRows() {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (Stage stage : byStep.values()) {
      if (stage instanceof KeyedStage<?, ?> || (stage instanceof ParDoStage<?, ?> && !stage.step.sideInputs().isEmpty())) {
        rows.put(stage.step.fullName(), stage.stateRows());
      }
    }
    return rows;
  }

  /** One thing to run per batch: a single stage, or a fused chain of stateless stages (perhaps after a source). */
  private record Unit(Stage stage, FusedStages chain) {}

  /** Closes every stage (readers, DoFn instances), best effort. */
  void closeAll() {
    for (Stage stage : byStep.values()) {
      try {
        stage.close();
      } catch (RuntimeException e) {
        System.getLogger(Stages.class.getName())
            .log(System.Logger.Level.WARNING, "Closing step '" + stage.step.fullName() + "' failed", e);
      }
    }
  }
}
