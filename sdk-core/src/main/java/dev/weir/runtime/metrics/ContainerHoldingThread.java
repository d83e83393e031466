package dev.weir.runtime.metrics;

import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;

/**
 * A runner thread that holds its current metrics container in a field
 * ({@link MetricsEnvironment.ContainerHolder}) rather than in a {@code ThreadLocal}: runners whose
 * threads push each element through a chain of fused steps switch the container at every step, and
 * a field costs far less to switch. The field is read and written only by the thread itself.
 */
public final class ContainerHoldingThread extends Thread implements MetricsEnvironment.ContainerHolder {
  private MetricsContainer container;

  /** A thread running {@code task}, named {@code name}. */
  public ContainerHoldingThread(Runnable task, String name) {
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
