package dev.weir.sdk.transforms.windowing;

import java.io.Serializable;

/**
 * Maps the window of a main-input element to the window of a side input it reads.
 *
 * @param <TargetWindowT> the side input's window type
 */
public abstract class WindowMappingFn<TargetWindowT extends BoundedWindow> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The side-input window that {@code mainWindow} reads. */
  public abstract TargetWindowT getSideInputWindow(BoundedWindow mainWindow);
}
