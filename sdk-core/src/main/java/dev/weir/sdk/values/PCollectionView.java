package dev.weir.sdk.values;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.ViewFn;
import dev.weir.sdk.transforms.windowing.WindowMappingFn;
import java.io.Serializable;

/**
 * A {@link PCollection} seen as one value per window (a singleton, a list, a map...) that a
 * {@code ParDo} can read as a side input. Made by {@code View.asSingleton()} and friends.
 *
 * <p>Immutable. The value in a window is {@code getViewFn().apply(elements of that window)}, where
 * the elements are either every element of the window that arrived (a view of a collection in
 * the default windowing strategy) or those of the latest pane its trigger fired there (see
 * {@link #isPaneReplacedInternal()}).
 *
 * @param <T> the type of the value seen
 */
public interface PCollectionView<T> extends PValue, Serializable {
  /** The collection the view reads. */
  PCollection<?> getPCollection();

  /** Identifies this view; side inputs are looked up by it. */
  TupleTag<?> getTagInternal();

  /** Builds the view's value from the elements of one window. */
  ViewFn<?, T> getViewFn();

  /** Maps a main-input window to the window of this view to read. */
  WindowMappingFn<?> getWindowMappingFn();

  /** The windowing of the viewed collection. */
  WindowingStrategy<?, ?> getWindowingStrategyInternal();

  /** The coder of the viewed collection's elements. */
  Coder<?> getCoderInternal();

  /**
   * Whether the view's contents follow its collection's trigger: {@code true} when its elements
   * reach the runner grouped into panes (see {@code View}), so that a window is ready at its first
   * pane and each later pane of the window replaces what the view holds there; {@code false} when
   * a window holds every element that arrived in it and is ready once the collection's watermark
   * passed the window. For runners; {@code false} unless an implementation says otherwise.
   */
  default boolean isPaneReplacedInternal() {
    return false;
  }
}
