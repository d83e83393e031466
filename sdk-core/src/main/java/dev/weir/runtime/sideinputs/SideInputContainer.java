package dev.weir.runtime.sideinputs;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runtime.dofn.SideInputReader;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.ViewFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
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
 * The side inputs of a run as they fill up: for each view, what each window holds so far, and the
 * watermark of the view's collection.
 *
 * <p>Two kinds of view (see {@link PCollectionView#isPaneReplacedInternal()}):
 *
 * <ul>
 *   <li><em>Accumulated</em> (a collection in the default windowing strategy): a window holds every
 *       element that arrived in it, and is <em>ready</em> once the watermark of the view's
 *       collection has passed the window's end: no on-time element can come any more, so a reader
 *       sees its final contents (late elements, if any, are added when they arrive).
 *   <li><em>Pane-replaced</em> (the elements arrive grouped by the collection's trigger, each with
 *       its pane): a window is ready once a pane arrived in it, or once the watermark passed its
 *       end (then, without any pane, it is empty). An element of a pane whose index is higher than
 *       the window's current pane replaces the window's contents; elements of the current pane
 *       add up; elements of an older pane are ignored.
 * </ul>
 *
 * <p>For both, the global window is ready by watermark only when the watermark reaches the end of
 * time, since elements put into the global window may carry timestamps past its end (a grouping's
 * output, re-windowed). A main-input element whose side inputs are not ready in its window waits in
 * the runner until they are. The value of a view in a window is its {@link ViewFn} applied to the
 * window's contents, computed when first read and again after the contents changed.
 *
 * <p>Thread-safe: one thread at a time adds elements and moves watermarks, any thread reads; a
 * window becomes visible to readers only with its first element in it. {@link #version()} grows
 * with every change that may make a window ready or change a value, so that waiting elements are
 * looked at again only when something changed.
 */
public final class SideInputContainer implements SideInputReader {
  private final Map<PCollectionView<?>, ViewContents> views;
  private final AtomicLong version = new AtomicLong();

  /** A container of {@code views}, all empty, their watermarks at the beginning of time. */
  public SideInputContainer(Collection<PCollectionView<?>> views) {
    Map<PCollectionView<?>, ViewContents> byView = new HashMap<>();
    for (PCollectionView<?> view : views) {
      byView.put(view, new ViewContents(view.isPaneReplacedInternal()));
    }
    this.views = Map.copyOf(byView);
  }

  /**
   * Adds {@code elements} of {@code view}'s collection, each to every window it is in; for a
   * pane-replaced view, following the rules of its elements' panes.
   */
  public void add(PCollectionView<?> view, List<? extends WindowedValue<?>> elements) {
    ViewContents contents = contentsOf(view);
    for (WindowedValue<?> element : elements) {
      for (BoundedWindow window : element.getWindows()) {
        contents.add(window, element.getPane(), Collections.singletonList(element.getValue()));
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
      ViewContents contents = contentsOf(view);
      boolean ready = (contents.paneReplaced && contents.windows.containsKey(sideWindow))
          || watermarkPassed(contents.watermark, sideWindow);
      if (!ready) {
        return false;
      }
    }
    return true;
  }

  private static boolean watermarkPassed(Instant watermark, BoundedWindow window) {
    return window instanceof GlobalWindow
        ? !watermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)
        : watermark.isAfter(window.maxTimestamp());
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

  /**
   * Every view's contents by window, copied, for a runner's checkpoint: the elements and the pane
   * they came from ({@link PaneInfo#NO_FIRING} for an accumulated view's windows).
   */
  public Map<PCollectionView<?>, Map<BoundedWindow, WindowElements>> contents() {
    Map<PCollectionView<?>, Map<BoundedWindow, WindowElements>> all = new HashMap<>();
    views.forEach((view, contents) -> {
      Map<BoundedWindow, WindowElements> windows = new HashMap<>();
      contents.windows.forEach((window, elements) -> windows.put(window, elements.copy()));
      all.put(view, windows);
    });
    return all;
  }

  /**
   * Puts back elements of {@code view} in {@code window} from {@code pane} that a checkpoint held,
   * by the same rules as {@link #add}; a pane of {@link PaneInfo#NO_FIRING} (what checkpoints made
   * before views had panes hold) is the first pane.
   */
  public void restore(PCollectionView<?> view, BoundedWindow window, PaneInfo pane, List<Object> elements) {
    contentsOf(view).add(window, pane, elements);
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

  /**
   * One window's contents in a checkpoint.
   *
   * @param pane the pane the elements came from; {@link PaneInfo#NO_FIRING} for an accumulated view
   * @param elements the elements, which may include nulls
   */
  public record WindowElements(PaneInfo pane, List<Object> elements) {}

  /** One view's windows and its collection's watermark. */
  private static final class ViewContents {
    private final boolean paneReplaced;
    private final Map<BoundedWindow, WindowContents> windows = new ConcurrentHashMap<>();
    private volatile Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

    ViewContents(boolean paneReplaced) {
      this.paneReplaced = paneReplaced;
    }

    /** Called by the one writing thread only. */
    void add(BoundedWindow window, PaneInfo pane, List<Object> elements) {
      WindowContents existing = windows.get(window);
      if (existing != null) {
        existing.add(pane, elements);
        return;
      }
      // Filled before it is published: a reader that sees the window sees its first pane.
      WindowContents created = new WindowContents(paneReplaced);
      created.add(pane, elements);
      windows.put(window, created);
    }
  }

  /** The contents of one window of one view, and the view's value computed from them. */
  private static final class WindowContents {
    private final boolean paneReplaced;
    private final List<Object> elements = new ArrayList<>();
    /** The pane of {@link #elements} in a pane-replaced view; null until the first one arrives. */
    private PaneInfo pane;
    /** Counts changes to {@link #elements}, so that a value computed meanwhile is not cached. */
    private long changes;
    /** The value for {@link #elements} as they were when it was computed; null until then. */
    private Cached cached;

    WindowContents(boolean paneReplaced) {
      this.paneReplaced = paneReplaced;
    }

    synchronized void add(PaneInfo elementsPane, List<Object> added) {
      if (paneReplaced) {
        if (pane != null && elementsPane.getIndex() < pane.getIndex()) {
          return;
        }
        if (pane == null || elementsPane.getIndex() > pane.getIndex()) {
          elements.clear();
          pane = elementsPane;
        }
      }
      elements.addAll(added);
      changes++;
      cached = null;
    }

    synchronized WindowElements copy() {
      return new WindowElements(pane == null ? PaneInfo.NO_FIRING : pane,
          Collections.unmodifiableList(new ArrayList<>(elements)));
    }

    <T> T valueFor(PCollectionView<T> view) {
      List<Object> snapshot;
      long snapshotChanges;
      synchronized (this) {
        if (cached != null) {
          @SuppressWarnings("unchecked")
          T value = (T) cached.value;
          return value;
        }
        // A copy that allows nulls: a view's collection may hold them.
        snapshot = Collections.unmodifiableList(new ArrayList<>(elements));
        snapshotChanges = changes;
      }
      T value = apply(view, snapshot);
      synchronized (this) {
        if (changes == snapshotChanges) {
          cached = new Cached(value);
        }
      }
      return value;
    }
  }

  /** A computed view value, which may be null. */
  private record Cached(Object value) {}
}
