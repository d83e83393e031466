package dev.weir.runners.direct.execution;

import dev.weir.runners.direct.DirectOptions;
import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Primitive;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.grouping.BatchGroupAlsoByWindow;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import dev.weir.runtime.sideinputs.InMemorySideInputReader;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a bounded pipeline to completion: the steps of its {@link PipelineGraph} one after the
 * other in topological order, each step's work cut into tasks that run in parallel on a fixed
 * pool of {@code --targetParallelism} workers, each collection held in memory as bundles until
 * its last reader has run.
 *
 * <p>Threading: {@link #run} is called once, by one driver thread; {@link #cancel} may be called
 * from any thread. The first failure stops every worker at its next element (threads blocked in
 * user code are interrupted) and fails the run with a {@link PipelineExecutionException} naming
 * the transform, whose cause is the user's exception. Whatever the outcome, the DoFn instances of
 * the run are torn down before {@code run} returns (best effort).
 */
public final class BatchExecutor {
  private static final System.Logger LOG = System.getLogger(BatchExecutor.class.getName());

  private final PipelineGraph graph;
  private final ExecutionContext context;
  private final MaterializedCollections store;
  private final List<DoFnInstancePool<?, ?>> instancePools = new ArrayList<>();

  /**
   * An executor of {@code graph} reporting metrics to {@code metrics}.
   *
   * @throws UnsupportedOperationException naming the step if the graph needs what this executor
   *     cannot do yet (grouping with merging windows)
   */
  public BatchExecutor(PipelineGraph graph, DirectOptions options, MetricsContainerStepMap metrics) {
    for (Step step : graph.getSteps()) {
      if (step.primitive() == Primitive.GROUP_BY_KEY) {
        BatchGroupAlsoByWindow.checkSupported(step.fullName(), step.mainInput().getWindowingStrategy());
      }
    }
    this.graph = graph;
    this.context = ExecutionContext.of(options, new WorkerPool(options.getTargetParallelism()), metrics);
    this.store = new MaterializedCollections(graph);
  }

  /**
   * Runs the pipeline; returns {@code DONE}, or {@code CANCELLED} if {@link #cancel} stopped it.
   *
   * @throws PipelineExecutionException if a step failed
   */
  public PipelineResult.State run() {
    try {
      for (Step step : graph.getSteps()) {
        if (!executeStep(step)) {
          break;
        }
        store.release(step);
      }
    } finally {
      context.pool().close();
      tearDownInstances();
    }
    WorkerPool.Failure failure = context.pool().getFailure();
    if (failure != null) {
      throw toPipelineException(failure);
    }
    return context.pool().isStopped() ? PipelineResult.State.CANCELLED : PipelineResult.State.DONE;
  }

  /** Stops the run: workers stop at their next element and {@link #run} returns {@code CANCELLED}. */
  public void cancel() {
    context.pool().cancel();
  }

  /** The elements of {@code collection}, which no step reads, after {@link #run}; for tests. */
  <T> List<Bundle<T>> unreadContents(PCollection<T> collection) {
    return store.unread(collection);
  }

  private boolean executeStep(Step step) {
    try {
      return switch (step.primitive()) {
        case READ_BOUNDED -> put(step.outputCollection(), new ReadExecution<>(step, context).execute());
        case PAR_DO -> executeParDo(step);
        case GROUP_BY_KEY -> put(step.outputCollection(), executeGroupByKey(step));
        case FLATTEN -> put(step.outputCollection(), flatten(step));
        case WINDOW_ASSIGN -> put(step.outputCollection(), executeWindowAssign(step));
        case CREATE_VIEW -> put(step.output(), store.get(step.mainInput()));
      };
    } catch (Exception e) {
      context.pool().fail(step.fullName(), e);
      return false;
    }
  }

  private boolean put(PValue value, List<? extends Bundle<?>> bundles) {
    if (bundles == null) {
      return false;
    }
    store.put(value, bundles);
    return true;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private boolean executeParDo(Step step) {
    InMemorySideInputReader.Builder sideInputs = InMemorySideInputReader.builder();
    for (PCollectionView<?> view : step.sideInputs()) {
      sideInputs.put(view, store.elementsOf(view));
    }
    ParDoExecution execution = new ParDoExecution<>(step, context, sideInputs.build());
    instancePools.add(execution.instances());
    Map<PValue, List<Bundle<?>>> outputs = execution.execute((List) store.get(step.mainInput()));
    if (outputs == null) {
      return false;
    }
    outputs.forEach(store::put);
    return true;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<? extends Bundle<?>> executeGroupByKey(Step step) {
    return new GroupByKeyExecution<>(step, context).execute((List) store.get(step.mainInput()));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<? extends Bundle<?>> executeWindowAssign(Step step) {
    return new WindowAssignExecution<>(step, context).execute((List) store.get(step.mainInput()));
  }

  /** A flatten moves no element: its output is its inputs' bundles, shared. */
  private List<Bundle<?>> flatten(Step step) {
    List<Bundle<?>> bundles = new ArrayList<>();
    for (PCollection<?> input : step.mainInputs()) {
      bundles.addAll(store.get(input));
    }
    return bundles;
  }

  private void tearDownInstances() {
    for (DoFnInstancePool<?, ?> pool : instancePools) {
      for (Throwable failure : pool.teardownAll(context.metrics().getContainer(pool.stepName()))) {
        LOG.log(System.Logger.Level.WARNING, "A DoFn's @Teardown failed; teardown is best effort", failure);
      }
    }
  }

  static PipelineExecutionException toPipelineException(WorkerPool.Failure failure) {
    String stepName = failure.stepName();
    Throwable error = failure.error();
    while (error instanceof UserCodeException userCode && userCode.getCause() != null) {
      stepName = userCode.getStepName();
      error = userCode.getCause();
    }
    return new PipelineExecutionException("Transform '" + stepName + "' failed: " + error, error);
  }
}
