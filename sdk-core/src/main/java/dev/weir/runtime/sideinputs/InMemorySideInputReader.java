package dev.weir.runtime.sideinputs;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runtime.dofn.SideInputReader;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.ViewFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollectionView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SideInputReader} over views whose collections have been fully materialized in memory.
 *
 * <p>The value of a view in a window is its {@link ViewFn} applied to the elements of that window
 * (an empty list for a window with none), computed on first read and cached for later reads.
 * Thread-safe: built once by its {@link Builder}, then read by any number of threads; a
 * {@code ViewFn} that fails (an empty singleton, say) fails every read of that window, with its own
 * message.
 */
public final class InMemorySideInputReader implements SideInputReader {
  private final Map<PCollectionView<?>, Map<BoundedWindow, List<Object>>> contents;
  private final Map<CacheKey, Holder> cache = new ConcurrentHashMap<>();

  private InMemorySideInputReader(Map<PCollectionView<?>, Map<BoundedWindow, List<Object>>> contents) {
    this.contents = contents;
  }

  /** A builder of a reader. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean contains(PCollectionView<?> view) {
    return contents.containsKey(view);
  }

  @Override
  public <T> T get(PCollectionView<T> view, BoundedWindow window) {
    Map<BoundedWindow, List<Object>> byWindow = contents.get(view);
    checkArgument(byWindow != null,
        "Side input %s was not materialized for this reader. Fix: pass it to ParDo.withSideInputs(...).", view);
    Holder holder = cache.computeIfAbsent(
        new CacheKey(view, window), key -> new Holder(apply(view, byWindow.getOrDefault(window, List.of()))));
    @SuppressWarnings("unchecked")
    T value = (T) holder.value;
    return value;
  }

  @SuppressWarnings("unchecked")
  private static <T> T apply(PCollectionView<T> view, List<Object> elements) {
    ViewFn<Object, T> viewFn = (ViewFn<Object, T>) view.getViewFn();
    return viewFn.apply(elements);
  }

  private record CacheKey(PCollectionView<?> view, BoundedWindow window) {}

  /** Lets a view's value be null, which ConcurrentHashMap cannot hold directly. */
  private record Holder(Object value) {}

  /** Collects each view's elements; not thread-safe. */
  public static final class Builder {
    private final Map<PCollectionView<?>, Map<BoundedWindow, List<Object>>> contents = new HashMap<>();

    private Builder() {}

    /** Makes {@code view} readable with {@code elements}, all of its collection's elements. */
    public Builder put(PCollectionView<?> view, Iterable<? extends WindowedValue<?>> elements) {
      Map<BoundedWindow, List<Object>> byWindow = new HashMap<>();
      for (WindowedValue<?> element : elements) {
        for (BoundedWindow window : element.getWindows()) {
          byWindow.computeIfAbsent(window, w -> new ArrayList<>()).add(element.getValue());
        }
      }
      contents.put(view, byWindow);
      return this;
    }

    public InMemorySideInputReader build() {
      return new InMemorySideInputReader(Map.copyOf(contents));
    }
  }
}
