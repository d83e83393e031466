package dev.weir.runtime.grouping;

import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.WindowFn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks a merging {@link WindowFn} which of one key's windows merge, and checks its answer the way
 * Beam's active window set does. Stateless.
 */
final class MergingWindows {
  private MergingWindows() {}

  /**
   * The merges {@code windowFn} declares over {@code active} (windows with state) and
   * {@code added} (windows of new elements), in the order it declared them; merges of one window
   * into itself are left out.
   *
   * @throws UserCodeException naming {@code stepName} if {@code mergeWindows} throws
   * @throws IllegalStateException naming the window function if it merges a window it was not
   *     given, merges a window twice, or merges into a window with state that is not merged
   */
  static List<Merge> merge(
      String stepName, WindowFn<?, ?> windowFn, Collection<BoundedWindow> active, Collection<BoundedWindow> added) {
    @SuppressWarnings("unchecked")
    WindowFn<Object, BoundedWindow> fn = (WindowFn<Object, BoundedWindow>) windowFn;
    Set<BoundedWindow> all = new LinkedHashSet<>(active);
    all.addAll(added);
    Set<BoundedWindow> activeSet = new HashSet<>(active);
    List<Merge> merges = new ArrayList<>();
    Set<BoundedWindow> seen = new HashSet<>();
    WindowFn<Object, BoundedWindow>.MergeContext context = fn.new MergeContext() {
      @Override
      public Collection<BoundedWindow> windows() {
        return Collections.unmodifiableSet(all);
      }

      @Override
      public void merge(Collection<BoundedWindow> toBeMerged, BoundedWindow mergeResult) {
        check(mergeResult != null, "%s merged windows into a null window in step '%s'", fn, stepName);
        List<BoundedWindow> sources = new ArrayList<>(toBeMerged);
        for (BoundedWindow window : sources) {
          check(all.contains(window),
              "%s merged window %s, which is not one of the windows it was given, in step '%s'", fn, window, stepName);
          check(seen.add(window), "%s merged window %s twice in step '%s'", fn, window, stepName);
        }
        check(sources.contains(mergeResult) || !activeSet.contains(mergeResult),
            "%s merged %s into %s, a window that has state but is not among the merged ones, in step '%s'",
            fn, sources, mergeResult, stepName);
        if (sources.size() > 1 || !sources.contains(mergeResult)) {
          merges.add(new Merge(List.copyOf(sources), mergeResult));
        }
      }
    };
    try {
      fn.mergeWindows(context);
    } catch (InvalidMergeException e) {
      throw e;
    } catch (Exception e) {
      throw new UserCodeException(stepName, e);
    }
    return merges;
  }

  private static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new InvalidMergeException(String.format(format, args));
    }
  }

  /** A window function broke the merge contract; unlike its own exceptions, not wrapped. */
  private static final class InvalidMergeException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    InvalidMergeException(String message) {
      super(message);
    }
  }

  /**
   * Windows that become one.
   *
   * @param toBeMerged the windows merged, at least one
   * @param result the window they become (possibly one of them)
   */
  record Merge(List<BoundedWindow> toBeMerged, BoundedWindow result) {}
}
