package dev.weir.sdk.transforms.windowing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges the {@link IntervalWindow}s of a {@link WindowFn.MergeContext} that overlap, transitively:
 * each maximal chain of overlapping windows becomes their span. Windows that merely touch
 * ({@code [0, 10)} and {@code [10, 20)}) do not overlap and stay apart, as in Beam.
 *
 * <p>Stateless and thread-safe. For window functions such as {@link Sessions}.
 */
public final class MergeOverlappingIntervalWindows {
  private static final Comparator<IntervalWindow> BY_START_THEN_END =
      Comparator.comparing(IntervalWindow::start).thenComparing(IntervalWindow::end);

  private MergeOverlappingIntervalWindows() {}

  /** Declares one merge on {@code c} for each group of two or more overlapping windows. */
  public static void mergeWindows(WindowFn<?, IntervalWindow>.MergeContext c) throws Exception {
    List<IntervalWindow> sorted = new ArrayList<>(c.windows());
    sorted.sort(BY_START_THEN_END);
    List<IntervalWindow> group = new ArrayList<>();
    IntervalWindow span = null;
    for (IntervalWindow window : sorted) {
      // Sorted by start, a window overlaps the group exactly when it overlaps the group's span.
      if (span != null && !span.intersects(window)) {
        mergeIfSeveral(c, group, span);
        group = new ArrayList<>();
        span = null;
      }
      group.add(window);
      span = span == null ? window : span.span(window);
    }
    if (span != null) {
      mergeIfSeveral(c, group, span);
    }
  }

  private static void mergeIfSeveral(WindowFn<?, IntervalWindow>.MergeContext c, List<IntervalWindow> group,
      IntervalWindow span) throws Exception {
    if (group.size() > 1) {
      c.merge(group, span);
    }
  }
}
