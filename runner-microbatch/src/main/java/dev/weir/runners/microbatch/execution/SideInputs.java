package dev.weir.runners.microbatch.execution;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runtime.dofn.SideInputReader;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.ViewFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.values.PCollectionView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.joda.time.Instant;

/**
 * The side inputs of a run as the batches fill them: for each view, the elements of each window
 * received so far and the watermark of the view's collection, which says which windows are ready.
 *
 * <p>A view is <em>ready</em> in a window once its collection's watermark has passed the end of
 * the window (the global window: once it reached the end of time, as elements in it may carry any
 * timestamp); a main-input element whose side inputs are not all ready waits in its step. The
 * value of a view in a window is its {@link ViewFn} over the window's elements.
 *
 * <p>Thread-safety: the batch loop's thread adds elements and moves watermarks between stages;
 * workers only read, while no change happens.
 */
public final class SideInputs implements SideInputReader {
  private final Map<PCollectionView<?>, ViewContents> views;

  SideInputs(Collection<PCollectionView<?>> views) {
    Map<PCollectionView<?>, ViewContents> byView = new HashMap<>();
    for (PCollectionView<?> view : views) {
      byView.put(view, new ViewContents());
    }
    this.views = Map.copyOf(byView);
  }

  /** Adds {@code elements} of {@code view}'s collection, each to every window it is in. */
  public void add(PCollectionView<?> view, List<? extends WindowedValue<?>> elements) {
    ViewContents contents = contentsOf(view);
    for (WindowedValue<?> element : elements) {
      for (BoundedWindow window : element.getWindows()) {
        contents.windows.computeIfAbsent(window, w -> new WindowContents()).add(element.getValue());
      }
    }
  }

  /** Moves the watermark of {@code view}'s collection to {@code watermark}. */
  public void advanceWatermark(PCollectionView<?> view, Instant watermark) {
    contentsOf(view).watermark = watermark;
  }

  /** Whether every view of {@code required} is ready in the side-input window of {@code mainWindow}. */
  public boolean allReady(Collection<PCollectionView<?>> required, BoundedWindow mainWindow) {
    for (PCollectionView<?> view : required) {
      BoundedWindow sideWindow = view.getWindowMappingFn().getSideInputWindow(mainWindow);
      Instant watermark = contentsOf(view).watermark;
      boolean ready = sideWindow instanceof GlobalWindow
          ? !watermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)
          : watermark.isAfter(sideWindow.maxTimestamp());
      if (!ready) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean contains(PCollectionView<?> view) {
    return views.containsKey(view);
  }

  @Override
  public <T> T get(PCollectionView<T> view, BoundedWindow window) {
    WindowContents contents = contentsOf(view).windows.get(window);
    return contents == null ? apply(view, List.of()) : contents.valueFor(view);
  }

  /** Every view's elements by window, for a checkpoint. */
  Map<PCollectionView<?>, Map<BoundedWindow, List<Object>>> contents() {
    Map<PCollectionView<?>, Map<BoundedWindow, List<Object>>> all = new HashMap<>();
    views.forEach((view, contents) -> {
      Map<BoundedWindow, List<Object>> windows = new HashMap<>();
      contents.windows.forEach((window, elements) -> windows.put(window, elements.copy()));
      all.put(view, windows);
    });
    return all;
  }

  /** Puts back the elements of {@code view} in {@code window} that a checkpoint held. */
  void restore(PCollectionView<?> view, BoundedWindow window, List<Object> elements) {
    WindowContents contents = contentsOf(view).windows.computeIfAbsent(window, w -> new WindowContents());
    elements.forEach(contents::add);
  }

  private ViewContents contentsOf(PCollectionView<?> view) {
    ViewContents contents = views.get(view);
    checkArgument(contents != null,
        "Side input %s is not produced by this pipeline. Fix: pass the view made by View.as...() to"
            + " ParDo.withSideInputs(...).", view);
    return contents;
  }

  @SuppressWarnings("unchecked")
  private static <T> T apply(PCollectionView<T> view, List<Object> elements) {
    return ((ViewFn<Object, T>) view.getViewFn()).apply(elements);
  }

  /** One view's windows and its collection's watermark. */
  private static final class ViewContents {
    private final Map<BoundedWindow, WindowContents> windows = new ConcurrentHashMap<>();
    private volatile Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  }

  /** The elements of one window of one view, and the view's value for them, computed when first read. */
  private static final class WindowContents {
    private final List<Object> elements = new ArrayList<>();
    private boolean computed;
    private Object value;

    synchronized void add(Object element) {
      elements.add(element);
      computed = false;
      value = null;
    }

    synchronized List<Object> copy() {
      return new ArrayList<>(elements);
    }

    @SuppressWarnings("unchecked")
    synchronized <T> T valueFor(PCollectionView<T> view) {
      if (!computed) {
        // A copy that allows nulls: a view's collection may hold them.
        value = apply(view, Collections.unmodifiableList(new ArrayList<>(elements)));
        computed = true;
      }
      return (T) value;
    }
  }
}
