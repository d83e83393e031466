package dev.weir.sdk.transforms.windowing;

import dev.weir.sdk.coders.Coder;
import java.util.Collection;
import java.util.List;

/** Puts every element in the single {@link GlobalWindow}: the default windowing. */
public final class GlobalWindows extends NonMergingWindowFn<Object, GlobalWindow> {
  private static final long serialVersionUID = 1L;
  private static final Collection<GlobalWindow> GLOBAL = List.of(GlobalWindow.INSTANCE);

  @Override
  public Collection<GlobalWindow> assignWindows(AssignContext c) {
    return GLOBAL;
  }

  @Override
  public boolean assignsToOneWindow() {
    return true;
  }

  @Override
  public boolean isCompatible(WindowFn<?, ?> other) {
    return other instanceof GlobalWindows;
  }

  @Override
  public Coder<GlobalWindow> windowCoder() {
    return GlobalWindow.Coder.INSTANCE;
  }

  @Override
  public WindowMappingFn<GlobalWindow> getDefaultWindowMappingFn() {
    return new WindowMappingFn<GlobalWindow>() {
      private static final long serialVersionUID = 1L;

      @Override
      public GlobalWindow getSideInputWindow(BoundedWindow mainWindow) {
        return GlobalWindow.INSTANCE;
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GlobalWindows;
  }

  @Override
  public int hashCode() {
    return GlobalWindows.class.hashCode();
  }

  @Override
  public String toString() {
    return "GlobalWindows";
  }
}
