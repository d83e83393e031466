package dev.weir.runtime.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.joda.time.Instant;

/**
 * The metrics containers of a run, one per step full name, created on first use.
 *
 * <p>Thread-safe: workers of many steps may fetch containers and update them concurrently.
 */
public final class MetricsContainerStepMap {
  private final Map<String, StepMetricsContainer> containers = new ConcurrentHashMap<>();
  private final Supplier<Instant> clock;

  /** An empty map whose containers stamp gauges with the system clock. */
  public MetricsContainerStepMap() {
    this(Instant::now);
  }

  /** An empty map whose containers stamp gauges with {@code clock}. */
  public MetricsContainerStepMap(Supplier<Instant> clock) {
    this.clock = clock;
  }

  /** The container of the step {@code stepName}. */
  public StepMetricsContainer getContainer(String stepName) {
    return containers.computeIfAbsent(stepName, name -> new StepMetricsContainer(name, clock));
  }

  /** Every container created so far. */
  public List<StepMetricsContainer> getContainers() {
    return List.copyOf(containers.values());
  }

  /** Adds every container of {@code other} into the container of the same step here. */
  public void updateAll(MetricsContainerStepMap other) {
    for (StepMetricsContainer container : other.getContainers()) {
      getContainer(container.getStepName()).update(container);
    }
  }
}
