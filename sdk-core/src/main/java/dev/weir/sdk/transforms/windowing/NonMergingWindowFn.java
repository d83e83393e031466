package dev.weir.sdk.transforms.windowing;

/**
 * A {@link WindowFn} that never merges windows.
 *
 * @param <T> the type of elements being windowed
 * @param <W> the window type
 */
public abstract class NonMergingWindowFn<T, W extends BoundedWindow> extends WindowFn<T, W> {
  private static final long serialVersionUID = 1L;

  @Override
  public final void mergeWindows(MergeContext c) {}

  @Override
  public final boolean isNonMerging() {
    return true;
  }
}
