package dev.weir.sdk.transforms.windowing;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.values.TypeDescriptor;
import java.io.Serializable;
import java.util.Collection;
import org.joda.time.Instant;

/**
 * Decides which windows an element belongs to, and, for merging window functions (sessions),
 * how windows combine.
 *
 * <p>Window functions are immutable and serializable; the execution core calls them from any
 * thread.
 *
 * @param <T> the type of elements being windowed
 * @param <W> the window type
 */
public abstract class WindowFn<T, W extends BoundedWindow> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What {@link #assignWindows} may look at: one element, its timestamp and current window. */
  public abstract class AssignContext {
    /** The element being assigned. */
    public abstract T element();

    /** The element's timestamp. */
    public abstract Instant timestamp();

    /** The window the element is in before this assignment. */
    public abstract BoundedWindow window();
  }

  /** The windows {@code c.element()} belongs to; never empty for a well-formed function. */
  public abstract Collection<W> assignWindows(AssignContext c) throws Exception;

  /** What {@link #mergeWindows} may look at and do: the active windows, and merging some of them. */
  public abstract class MergeContext {
    /** The windows currently active for one key. */
    public abstract Collection<W> windows();

    /** Declares that {@code toBeMerged} become {@code mergeResult}. */
    public abstract void merge(Collection<W> toBeMerged, W mergeResult) throws Exception;
  }

  /** Merges the windows of {@code c}, if this function merges at all. */
  public abstract void mergeWindows(MergeContext c) throws Exception;

  /** Whether this function never merges windows. */
  public boolean isNonMerging() {
    return false;
  }

  /** Whether every element is assigned exactly one window. */
  public boolean assignsToOneWindow() {
    return false;
  }

  /** Whether windows of {@code other} are the same as this function's, so their outputs may mix. */
  public abstract boolean isCompatible(WindowFn<?, ?> other);

  /** The coder of this function's windows. */
  public abstract Coder<W> windowCoder();

  /** How a main-input window maps to a window of a side input windowed by this function. */
  public abstract WindowMappingFn<W> getDefaultWindowMappingFn();

  /** The window type, for coder inference and display. */
  public TypeDescriptor<W> getWindowTypeDescriptor() {
    return new TypeDescriptor<W>(getClass()) {};
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
