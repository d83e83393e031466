package dev.weir.runtime.windowing;

import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PartitioningWindowFn;
import dev.weir.sdk.transforms.windowing.WindowFn;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.joda.time.Instant;

/**
 * Puts elements into the windows a {@link WindowFn} chooses, as the {@code Window.Assign}
 * primitive does: an element in several windows is assigned once per window it is in, and ends up
 * in the union of the results, with its value, timestamp and pane unchanged.
 *
 * <p>Thread-safe if the window function is (window functions must be); its only state is a cache
 * of the last two windows a partitioning function chose. That cache serves one thread's run of
 * elements: threads sharing an assigner while their elements fall in different windows defeat it
 * and contend on it, so a runner gives each thread (each task, bundle or chain) its own; making
 * one costs a few field writes. An exception thrown by the window function is rethrown as a
 * {@link UserCodeException} naming the step.
 *
 * @param <T> the element type
 * @param <W> the type of the windows assigned
 */
public final class WindowAssigner<T, W extends BoundedWindow> {
  private static final List<BoundedWindow> GLOBAL = List.of(GlobalWindow.INSTANCE);

  private final String stepName;
  private final WindowFn<T, W> windowFn;
  /** The function, if it partitions time into interval windows; else null. */
  private final PartitioningWindowFn<T, W> partitioning;
  /**
   * The last interval window a partitioning function chose, with its list: consecutive elements
   * mostly fall in the same window, and reusing it spares two objects per element. Read and
   * written without locks: it is immutable, and any thread's last assignment is a right answer
   * for every timestamp the window contains. Until the first, an empty span.
   */
  private LastWindow<W> last = LastWindow.none();
  /**
   * The window chosen before {@link #last}: out-of-order elements near a window's end go back and
   * forth between two windows, and without it each return would make the window again. Reusing it
   * also lets every group of one window share one window object, which groupings keep until the
   * window fires.
   */
  private LastWindow<W> before = LastWindow.none();

  /** An assigner for the step {@code stepName} using {@code windowFn}. */
  @SuppressWarnings("unchecked")
  public WindowAssigner(String stepName, WindowFn<? super T, W> windowFn) {
    this.stepName = Objects.requireNonNull(stepName, "stepName");
    // A function of a supertype of T sees elements of T only as that supertype: the cast is safe.
    this.windowFn = (WindowFn<T, W>) Objects.requireNonNull(windowFn, "windowFn");
    this.partitioning = windowFn instanceof PartitioningWindowFn ? (PartitioningWindowFn<T, W>) windowFn : null;
  }

  /**
   * Whether a {@code Window.Assign} step with {@code windowFn} (null: it only changes triggering)
   * hands every element of a collection windowed by {@code inputWindowFn} on unchanged, so that a
   * runner may pass elements around it: no function, or the global window again.
   */
  public static boolean leavesElementsUnchanged(WindowFn<?, ?> windowFn, WindowFn<?, ?> inputWindowFn) {
    return windowFn == null || windowFn instanceof GlobalWindows && inputWindowFn instanceof GlobalWindows;
  }

  /**
   * {@code element} in the windows assigned to it, or null if the function assigned it none (the
   * element is then dropped, as an element in no window belongs to no result).
   */
  public WindowedValue<T> assign(WindowedValue<T> element) {
    Collection<? extends BoundedWindow> windows;
    if (windowFn instanceof GlobalWindows && element.getWindows().equals(GLOBAL)) {
      // Already where the function would put it: nothing about the element changes.
      return element;
    }
    if (partitioning != null && element.getWindows().size() == 1) {
      windows = partitionedWindows(element.getTimestamp());
    } else if (element.getWindows().size() == 1) {
      // The common case, taken as the function gave it: a window function returns distinct windows.
      windows = assignOne(element.getValue(), element.getTimestamp(), element.getWindows().iterator().next());
    } else {
      Set<W> union = new LinkedHashSet<>();
      for (BoundedWindow window : element.getWindows()) {
        union.addAll(assignOne(element.getValue(), element.getTimestamp(), window));
      }
      windows = union;
    }
    if (windows.isEmpty()) {
      return null;
    }
    return WindowedValue.of(element.getValue(), element.getTimestamp(), windows, element.getPane());
  }

  private List<W> partitionedWindows(Instant timestamp) {
    LastWindow<W> known = last;
    if (known.contains(timestamp.getMillis())) {
      return known.windows();
    }
    return otherWindows(timestamp);
  }

  private List<W> otherWindows(Instant timestamp) {
    LastWindow<W> earlier = before;
    if (earlier.contains(timestamp.getMillis())) {
      return earlier.windows();
    }
    W window;
    try {
      window = partitioning.assignWindow(timestamp);
    } catch (RuntimeException e) {
      throw new UserCodeException(stepName, e);
    }
    List<W> windows = List.of(window);
    if (window instanceof IntervalWindow interval) {
      before = last;
      last = LastWindow.of(interval, windows);
    }
    return windows;
  }

  private Collection<W> assignOne(T value, Instant timestamp, BoundedWindow window) {
    WindowFn<T, W>.AssignContext context = windowFn.new AssignContext() {
      @Override
      public T element() {
        return value;
      }

      @Override
      public Instant timestamp() {
        return timestamp;
      }

      @Override
      public BoundedWindow window() {
        return window;
      }
    };
    try {
      return windowFn.assignWindows(context);
    } catch (Exception e) {
      throw new UserCodeException(stepName, e);
    }
  }

  /**
   * A partitioning function's interval window, as its start and length, and the one-window list
   * made for it.
   */
  private record LastWindow<W>(long start, long length, List<W> windows) {
    static <W> LastWindow<W> of(IntervalWindow window, List<W> windows) {
      // Through the max timestamp, which the grouping of the window asks for anyway (its end would
      // be made only for this).
      long start = window.start().getMillis();
      return new LastWindow<>(start, window.maxTimestamp().getMillis() + 1 - start, windows);
    }

    static <W> LastWindow<W> none() {
      return new LastWindow<>(0, 0, List.of());
    }

    /**
     * Whether {@code millis} is in {@code [start, start + length)}. One unsigned comparison, so that
     * an element before the window, one after it and the first element (in no window yet) take the
     * same branch: while elements stay in one window, the only misses are first elements, and the
     * JIT, having seen them, keeps the path instead of compiling it away and compiling the caller
     * again when time first moves past the window. Timestamps lie far within the range of a long,
     * so the difference cannot overflow.
     */
    boolean contains(long millis) {
      return millis - start + Long.MIN_VALUE < length + Long.MIN_VALUE;
    }
  }
}
