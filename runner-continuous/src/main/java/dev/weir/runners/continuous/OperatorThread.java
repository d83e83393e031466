package dev.weir.runners.continuous;

import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;

/**
 * A thread of a continuous job. Its chains set the metrics container around every record, so it
 * holds the container in a field ({@link MetricsEnvironment.ContainerHolder}) rather than in a
 * {@code ThreadLocal}. The field is read and written only by the thread itself.
 */
final class OperatorThread extends Thread implements MetricsEnvironment.ContainerHolder {
  private MetricsContainer container;

  OperatorThread(Runnable task, String name) {
    super(task, name);
  }

  @Override
  public MetricsContainer heldMetricsContainer() {
    return container;
  }

  @Override
  public void holdMetricsContainer(MetricsContainer held) {
    container = held;
  }
}
