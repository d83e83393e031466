/**
 * Where user metrics live while a pipeline runs: thread-safe cells per metric
 * ({@link dev.weir.runtime.metrics.CounterCell}, {@link dev.weir.runtime.metrics.DistributionCell},
 * {@link dev.weir.runtime.metrics.GaugeCell}), a container of cells per step
 * ({@link dev.weir.runtime.metrics.StepMetricsContainer}), the containers of a run by step
 * ({@link dev.weir.runtime.metrics.MetricsContainerStepMap}), and the query side
 * ({@link dev.weir.runtime.metrics.AggregatedMetricResults}).
 *
 * <p>Runners install a step's container around user code with
 * {@link dev.weir.sdk.metrics.MetricsEnvironment#scopedContainer}; any number of threads may update
 * the same cells and read results at the same time. Part of the execution core: not API.
 */
package dev.weir.runtime.metrics;
