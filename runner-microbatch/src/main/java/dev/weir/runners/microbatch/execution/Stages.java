package dev.weir.runners.microbatch.execution;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    for (Stage stage : byStep.values()) {
      if (stage instanceof SourceStage<?> source) {
        Instant watermark = source.plannedWatermark();
        source.advanceInputWatermark(watermark);
        source.run(List.of(), processingTime, data);
        source.advanceOutputWatermark(watermark);
        continue;
      }
      Instant input = BoundedWindow.TIMESTAMP_MAX_VALUE;
      List<WindowedValue<?>> elements = new ArrayList<>();
      for (PCollection<?> collection : stage.step.mainInputs()) {
        input = Stage.earliest(input, byStep.get(graph.getProducer(collection)).outputWatermark());
        elements.addAll(data.elementsOf(collection));
      }
      for (PCollection<?> collection : stage.step.mainInputs()) {
        if (unread.merge(collection, -1, Integer::sum) == 0) {
          data.release(collection);
        }
      }
      stage.advanceInputWatermark(input);
      stage.run(elements, processingTime, data);
      stage.advanceOutputWatermark(Stage.earliest(stage.inputWatermark(), stage.hold()));
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
        source.advanceInputWatermark(source.plannedWatermark());
        source.advanceOutputWatermark(source.plannedWatermark());
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
