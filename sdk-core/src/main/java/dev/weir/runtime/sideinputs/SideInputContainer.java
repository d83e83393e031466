package dev.weir.runtime.sideinputs;

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
import java.util.concurrent.atomic.AtomicLong;
import org.joda.time.Instant;

/**
 * The side inputs of a run as they fill up: for each view, the elements of each window that have
 * arrived so far, and the watermark of the view's collection, which says which windows are ready.
 *
 * <p>A view is <em>ready</em> in a window once the watermark of its collection has passed the end
 * of the window: no on-time element can come any more, so a main-input element reading it sees its
 * final contents (late elements, if the collection allows them, are added when they arrive). The
 * global window is ready only when the watermark reaches the end of time, since elements put into
 * the global window may carry timestamps past its end (a grouping's output, re-windowed). A
 * main-input element whose side inputs are not ready in its window waits in the runner until
 * they are. The value of a view in a window is its {@link ViewFn} applied to the
 * window's elements, computed when first read and again after the contents changed.
 *
 * <p>Thread-safe: one thread at a time adds elements and moves watermarks, any thread reads.
 * {@link #version()} grows with every change that may make a window ready, so that waiting
 * elements are looked at again only when something changed.
 */
public final class SideInputContainer implements SideInputReader {
  private final Map<PCollectionView<?>, ViewContents> views;
  private final AtomicLong version = new AtomicLong();

  /** A container of {@code views}, all empty, their watermarks at the beginning of time. */
  public SideInputContainer(Collection<PCollectionView<?>> views) {
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
    version.incrementAndGet();
  }

  /** Moves the watermark of {@code view}'s collection to {@code watermark}. */
  public void advanceWatermark(PCollectionView<?> view, Instant watermark) {
    ViewContents contents = contentsOf(view);
    if (!watermark.equals(contents.watermark)) {
      contents.watermark = watermark;
      version.incrementAndGet();
    }
  }

  /** A number that grows whenever a view's contents or watermark change. */
  public long version() {
    return version.get();
  }

  /** Whether every view of {@code views} is ready in the side-input window of {@code mainWindow}. */
  public boolean allReady(Collection<PCollectionView<?>> views, BoundedWindow mainWindow) {
    for (PCollectionView<?> view : views) {
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
    if (contents == null) {
      return apply(view, List.of());
    }
    return contents.valueFor(view);
  }

  /** Every view's elements by window, copied, for a runner's checkpoint. */
  public Map<PCollectionView<?>, Map<BoundedWindow, List<Object>>> contents() {
    Map<PCollectionView<?>, Map<BoundedWindow, List<Object>>> all = new HashMap<>();
    views.forEach((view, contents) -> {
      Map<BoundedWindow, List<Object>> windows = new HashMap<>();
      contents.windows.forEach((window, elements) -> windows.put(window, elements.copy()));
      all.put(view, windows);
    });
    return all;
  }

  /** Puts back the elements of {@code view} in {@code window} that a checkpoint held. */
  public void restore(PCollectionView<?> view, BoundedWindow window, List<Object> elements) {
    WindowContents contents = contentsOf(view).windows.computeIfAbsent(window, w -> new WindowContents());
    elements.forEach(contents::add);
    version.incrementAndGet();
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

  /** The elements of one window of one view, and the view's value computed from them. */
  private static final class WindowContents {
    private final List<Object> elements = new ArrayList<>();
    /** The value for {@link #elements} as they were when it was computed; null until then. */
    private Cached cached;

    synchronized void add(Object element) {
      elements.add(element);
      cached = null;
    }

    synchronized List<Object> copy() {
      return new ArrayList<>(elements);
    }

    <T> T valueFor(PCollectionView<T> view) {
      List<Object> snapshot;
      synchronized (this) {
        if (cached != null) {
          @SuppressWarnings("unchecked")
          T value = (T) cached.value;
          return value;
        }
        // A copy that allows nulls: a view's collection may hold them.
        snapshot = Collections.unmodifiableList(new ArrayList<>(elements));
      }
      T value = apply(view, snapshot);
      synchronized (this) {
        if (elements.size() == snapshot.size()) {
          cached = new Cached(value);
        }
      }
      return value;
    }
  }

  /** A computed view value, which may be null. */
  private record Cached(Object value) {}
}
