package dev.weir.runners.microbatch.execution;

import dev.weir.runners.microbatch.MicroBatchOptions;
import dev.weir.runtime.metrics.MetricsContainerStepMap;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.sdk.metrics.MetricsContainer;

/**
 * What every stage needs from the run: its options, workers, metrics, side inputs and the number
 * of key partitions of keyed steps.
 *
 * <p>Immutable; shared by the batch loop and the workers.
 *
 * @param options the run's options, handed to user code
 * @param workers the threads that run the tasks of each stage
 * @param metrics the metrics containers of the run, by step
 * @param sideInputs the contents of every view, as the batches filled them
 * @param partitions how many key partitions a keyed step has; fixed for the life of a checkpoint
 */
public record StageContext(
    MicroBatchOptions options, Workers workers, MetricsContainerStepMap metrics, SideInputContainer sideInputs,
    int partitions) {

  /** The metrics container of step {@code stepName}. */
  public MetricsContainer metricsOf(String stepName) {
    return metrics.getContainer(stepName);
  }
}
