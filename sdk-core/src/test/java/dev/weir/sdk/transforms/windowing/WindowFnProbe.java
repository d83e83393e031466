package dev.weir.sdk.transforms.windowing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/** Calls a {@link WindowFn} the way the execution core does, for unit tests of window functions. */
final class WindowFnProbe {
  private WindowFnProbe() {}

  /** The windows {@code windowFn} assigns to an element at {@code timestamp}. */
  static <W extends BoundedWindow> List<W> assign(WindowFn<Object, W> windowFn, Instant timestamp) throws Exception {
    WindowFn<Object, W>.AssignContext context = windowFn.new AssignContext() {
      @Override
      public Object element() {
        return "element";
      }

      @Override
      public Instant timestamp() {
        return timestamp;
      }

      @Override
      public BoundedWindow window() {
        return GlobalWindow.INSTANCE;
      }
    };
    return new ArrayList<>(windowFn.assignWindows(context));
  }

  static <W extends BoundedWindow> List<W> assign(WindowFn<Object, W> windowFn, long millis) throws Exception {
    return assign(windowFn, new Instant(millis));
  }

  /** The merges {@code windowFn} declares over {@code windows}: result window to merged windows. */
  static <W extends BoundedWindow> Map<W, List<W>> merge(WindowFn<Object, W> windowFn, List<W> windows)
      throws Exception {
    Map<W, List<W>> merges = new LinkedHashMap<>();
    windowFn.mergeWindows(windowFn.new MergeContext() {
      @Override
      public Collection<W> windows() {
        return windows;
      }

      @Override
      public void merge(Collection<W> toBeMerged, W mergeResult) {
        merges.put(mergeResult, new ArrayList<>(toBeMerged));
      }
    });
    return merges;
  }

  static IntervalWindow window(long start, long end) {
    return new IntervalWindow(new Instant(start), new Instant(end));
  }
}
