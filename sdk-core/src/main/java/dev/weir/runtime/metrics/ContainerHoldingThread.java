package dev.weir.runtime.metrics;

import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;

/**
 * A runner thread that holds its current metrics container in a field
 * ({@link MetricsEnvironment.ContainerHolder}) rather than in a {@code ThreadLocal}: runners whose
 * threads push each element through a chain of fused steps switch the container at every step, and
 * a field costs far less to switch. A chain may go further with {@link #holdStep}: it switches by
 * writing an index, since every write of a reference into this long-lived object costs the
 * collector's write barrier, which per element and step is a measurable share of a fused chain.
 * The fields are read and written only by the thread itself.
 */
public final class ContainerHoldingThread extends Thread implements MetricsEnvironment.ContainerHolder {
  private MetricsContainer container;
  /** The containers of the chain running on this thread, by step index; used while {@code step >= 0}. */
  private MetricsContainer[] steps;
  private int step = -1;

  /** A thread running {@code task}, named {@code name}. */
  public ContainerHoldingThread(Runnable task, String name) {
    super(task, name);
  }

  @Override
  public MetricsContainer heldMetricsContainer() {
    int index = step;
    return index >= 0 ? steps[index] : container;
  }

  @Override
  public void holdMetricsContainer(MetricsContainer held) {
    container = held;
    step = -1;
  }

  /**
   * Makes {@code containers[index]} the current container, or, for index -1, the one
   * {@link #holdMetricsContainer} set last; {@code containers} is a chain's array of its steps'
   * containers ({@link ChainContainers}), the same array at every call, and must not change.
   */
  public void holdStep(MetricsContainer[] containers, int index) {
    if (steps != containers) {
      steps = containers;
    }
    step = index;
  }

  /**
   * Makes {@code containers} the array later {@link #holdStep} calls name, without changing the
   * current container: a chain calls it before its first element, so that the per-element calls
   * find the array already held.
   */
  public void holdSteps(MetricsContainer[] containers) {
    steps = containers;
  }

  /** The array of the step {@link #holdStep} made current; meaningful only while {@link #heldStepIndex} is not -1. */
  public MetricsContainer[] heldSteps() {
    return steps;
  }

  /** The index {@link #holdStep} set, or -1 if the current container is the one {@link #holdMetricsContainer} set. */
  public int heldStepIndex() {
    return step;
  }
}
