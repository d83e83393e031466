package dev.weir.sdk.values;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.ViewFn;
import dev.weir.sdk.transforms.windowing.WindowMappingFn;
import java.io.Serializable;

/**
 * A {@link PCollection} seen as one value per window (a singleton, a list, a map...) that a
 * {@code ParDo} can read as a side input. Made by {@code View.asSingleton()} and friends.
 *
 * <p>Immutable. The value in a window is {@code getViewFn().apply(elements of that window)}.
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
}
