package dev.weir.sdk.metrics;

/**
 * The {@link MetricsContainer} of the step the current thread is running, so that user code can
 * call {@link Metrics} without a handle on it.
 *
 * <p>Runners set it around user code with {@link #scopedContainer}; with none set, metric updates
 * are ignored (code called outside a pipeline, such as in a unit test of a function).
 */
public final class MetricsEnvironment {
  private static final ThreadLocal<MetricsContainer> CURRENT = new ThreadLocal<>();
  private static final Scope NOTHING_TO_RESTORE = () -> {};

  private MetricsEnvironment() {}

  /** The container of the current thread, or null. */
  public static MetricsContainer getCurrentContainer() {
    return Thread.currentThread() instanceof ContainerHolder holder ? holder.heldMetricsContainer() : CURRENT.get();
  }

  /**
   * Makes {@code container} (null for none) the current thread's container and returns the one it
   * replaces, for a caller that restores it itself in a {@code finally}: cheaper than
   * {@link #scopedContainer} on a per-element path.
   */
  public static MetricsContainer setCurrentContainer(MetricsContainer container) {
    if (Thread.currentThread() instanceof ContainerHolder holder) {
      MetricsContainer previous = holder.heldMetricsContainer();
      holder.holdMetricsContainer(container);
      return previous;
    }
    MetricsContainer previous = CURRENT.get();
    if (previous != container) {
      CURRENT.set(container);
    }
    return previous;
  }

  /** Installs {@code container} on this thread until the returned scope is closed. */
  public static Scope scopedContainer(MetricsContainer container) {
    MetricsContainer previous = setCurrentContainer(container);
    return previous == container ? NOTHING_TO_RESTORE : () -> setCurrentContainer(previous);
  }

  /** Restores the previous container when closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * A thread that keeps its current container in a field of its own: a runner whose threads set
   * the container around every element (a chain of operators) makes them implement this, so that
   * setting and reading it costs a field access instead of a {@link ThreadLocal} lookup. Called
   * only by its own thread.
   */
  public interface ContainerHolder {
    /** The container this thread holds, or null. */
    MetricsContainer heldMetricsContainer();

    /** Makes {@code container} (null for none) the one this thread holds. */
    void holdMetricsContainer(MetricsContainer container);
  }
}
