package dev.weir.runtime.dofn;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollectionView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Side input values given per view and side-input window; records every window it is asked for. */
final class MapSideInputReader implements SideInputReader {
  private final Map<PCollectionView<?>, Map<BoundedWindow, Object>> values = new HashMap<>();
  final List<BoundedWindow> requestedWindows = new ArrayList<>();

  /** Makes {@code view} read {@code value} in {@code window}. */
  <T> MapSideInputReader put(PCollectionView<T> view, BoundedWindow window, T value) {
    values.computeIfAbsent(view, v -> new HashMap<>()).put(window, value);
    return this;
  }

  @Override
  public boolean contains(PCollectionView<?> view) {
    return values.containsKey(view);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(PCollectionView<T> view, BoundedWindow window) {
    requestedWindows.add(window);
    Map<BoundedWindow, Object> byWindow = values.get(view);
    if (byWindow == null || !byWindow.containsKey(window)) {
      throw new IllegalArgumentException("No value of " + view + " in " + window);
    }
    return (T) byWindow.get(window);
  }
}
