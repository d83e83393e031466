package dev.weir.sdk.testing;

import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.Never;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;

/**
 * Gathers the elements of a collection that an assertion is scoped to into one side input in the
 * global window, where the assertion's check reads them.
 *
 * <p>Today every assertion is scoped to all windows combined ({@link #inAllWindows()}); scoping to
 * one window or pane is a different gathering (filtering by window and pane before the view), so
 * it can be added as another factory here without changing the checks. Immutable.
 *
 * @param <T> the element type
 */
final class GatherContents<T> extends PTransform<PCollection<T>, PCollectionView<Iterable<T>>> {
  private static final long serialVersionUID = 1L;

  private GatherContents() {}

  /** Gathers every element, whatever its window and pane. */
  static <T> GatherContents<T> inAllWindows() {
    return new GatherContents<>();
  }

  @Override
  public PCollectionView<Iterable<T>> expand(PCollection<T> input) {
    // Never fires before the global window ends, so the side input holds every pane's elements
    // whatever trigger the collection had.
    return input
        .apply("IntoGlobalWindow", Window.<T>into(new GlobalWindows()).triggering(Never.ever()).discardingFiredPanes())
        .apply("AsIterable", View.asIterable());
  }

  @Override
  protected String getKindString() {
    return "GatherAllWindows";
  }
}
