package dev.weir.runners.direct.streaming;

import dev.weir.runtime.graph.CombinableGrouping;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Step;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.reflect.DoFnSignatures;
import java.util.Optional;

/** Makes the {@link StepExecutor} of each kind of primitive step. Stateless. */
final class StepExecutors {
  private StepExecutors() {}

  /**
   * The executor of {@code step} of {@code graph}, working through {@code driver}; the two steps of
   * a {@link CombinableGrouping} run lifted, as one combining grouping.
   */
  static StepExecutor create(PipelineGraph graph, Step step, Driver driver) {
    Optional<CombinableGrouping> combinable = graph.combinableGroupingOf(step);
    if (combinable.isPresent() && combinable.get().groupedValues() == step) {
      return new LiftedAwayExecutor(step, driver);
    }
    return switch (step.primitive()) {
      case READ_BOUNDED -> new ReadBoundedExecutor<>(step, driver);
      case READ_UNBOUNDED -> new ReadUnboundedExecutor<>(step, driver);
      case TEST_STREAM -> new TestStreamExecutor<>(step, driver);
      case PAR_DO -> isStateful(step) ? new StatefulParDoExecutor<>(step, driver) : new ParDoExecutor<>(step, driver);
      case GROUP_BY_KEY -> GroupByKeyExecutor.create(step, driver, combinable);
      case FLATTEN -> new FlattenExecutor(step, driver);
      case WINDOW_ASSIGN -> new WindowAssignExecutor<>(step, driver);
      case CREATE_VIEW -> new CreateViewExecutor(step, driver);
      case TRANSACTIONAL_WRITE -> new TransactionalWriteExecutor<>(step, driver);
    };
  }

  private static boolean isStateful(Step step) {
    return DoFnSignatures.getSignature(((ParDo.MultiOutput<?, ?>) step.transform()).getFn().getClass()).isStateful();
  }
}
