package dev.weir.runtime.dofn;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollectionView;

/**
 * Gives a {@link DoFnRunner} the value of a side input in a window.
 *
 * <p>Implementations are thread-safe: many runners may read one side input at once.
 */
public interface SideInputReader {
  /** Whether {@code view} can be read. */
  boolean contains(PCollectionView<?> view);

  /**
   * The value of {@code view} in {@code window} (a side-input window, already mapped from the main
   * input's window), built by the view's {@code ViewFn} from the elements of that window.
   */
  <T> T get(PCollectionView<T> view, BoundedWindow window);

  /** A reader of no side inputs. */
  static SideInputReader empty() {
    return new SideInputReader() {
      @Override
      public boolean contains(PCollectionView<?> view) {
        return false;
      }

      @Override
      public <T> T get(PCollectionView<T> view, BoundedWindow window) {
        throw new IllegalArgumentException("Side input " + view + " is not available to this step");
      }
    };
  }
}
