package dev.weir.sdk.transforms.windowing;

import dev.weir.sdk.coders.Coder;
import java.util.Collection;

/**
 * The window function of a collection whose merging windows were already merged by a
 * {@code GroupByKey}: it keeps the original function for side-input mapping and coders, and makes
 * a second grouping fail with the reason until the user re-windows.
 *
 * @param <W> the window type
 */
public final class InvalidWindows<W extends BoundedWindow> extends WindowFn<Object, W> {
  private static final long serialVersionUID = 1L;

  private final String cause;
  private final WindowFn<?, W> originalWindowFn;

  public InvalidWindows(String cause, WindowFn<?, W> originalWindowFn) {
    this.cause = cause;
    this.originalWindowFn = originalWindowFn;
  }

  /** Why these windows may not be used for grouping. */
  public String getCause() {
    return cause;
  }

  /** The window function the windows came from. */
  public WindowFn<?, W> getOriginalWindowFn() {
    return originalWindowFn;
  }

  @Override
  public Collection<W> assignWindows(AssignContext c) {
    throw new UnsupportedOperationException("InvalidWindows cannot assign windows: " + cause);
  }

  @Override
  public void mergeWindows(MergeContext c) {
    throw new UnsupportedOperationException("InvalidWindows cannot merge windows: " + cause);
  }

  @Override
  public boolean isCompatible(WindowFn<?, ?> other) {
    return other instanceof InvalidWindows
        && originalWindowFn.isCompatible(((InvalidWindows<?>) other).originalWindowFn);
  }

  @Override
  public Coder<W> windowCoder() {
    return originalWindowFn.windowCoder();
  }

  @Override
  public WindowMappingFn<W> getDefaultWindowMappingFn() {
    throw new UnsupportedOperationException("InvalidWindows is not allowed in side inputs: " + cause);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InvalidWindows && originalWindowFn.equals(((InvalidWindows<?>) o).originalWindowFn);
  }

  @Override
  public int hashCode() {
    return originalWindowFn.hashCode();
  }

  @Override
  public String toString() {
    return "InvalidWindows(" + originalWindowFn + ": " + cause + ")";
  }
}
