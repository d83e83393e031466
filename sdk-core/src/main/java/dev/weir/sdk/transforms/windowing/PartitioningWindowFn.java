package dev.weir.sdk.transforms.windowing;

import java.util.Collection;
import java.util.List;
import org.joda.time.Instant;

/**
 * A {@link WindowFn} that puts each timestamp in exactly one window, chosen by the timestamp
 * alone (fixed and calendar windows).
 *
 * @param <T> the type of elements being windowed
 * @param <W> the window type
 */
public abstract class PartitioningWindowFn<T, W extends BoundedWindow> extends NonMergingWindowFn<T, W> {
  private static final long serialVersionUID = 1L;

  /** The one window {@code timestamp} belongs to. */
  public abstract W assignWindow(Instant timestamp);

  @Override
  public final Collection<W> assignWindows(AssignContext c) {
    return List.of(assignWindow(c.timestamp()));
  }

  @Override
  public boolean assignsToOneWindow() {
    return true;
  }

  @Override
  public WindowMappingFn<W> getDefaultWindowMappingFn() {
    return new WindowMappingFn<W>() {
      private static final long serialVersionUID = 1L;

      @Override
      public W getSideInputWindow(BoundedWindow mainWindow) {
        if (mainWindow instanceof GlobalWindow) {
          throw new IllegalArgumentException(
              "A main input in the global window cannot read a side input windowed by "
                  + PartitioningWindowFn.this + ": window the side input globally or the main input the same way");
        }
        return assignWindow(mainWindow.maxTimestamp());
      }
    };
  }
}
