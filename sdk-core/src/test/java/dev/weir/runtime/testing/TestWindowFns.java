package dev.weir.runtime.testing;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.NonMergingWindowFn;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.transforms.windowing.WindowMappingFn;
import java.util.Collection;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;

/** Window functions the SDK does not have yet, for tests of the execution core and runners. */
public final class TestWindowFns {
  private TestWindowFns() {}

  /** The window of {@code size} millis, aligned to 0, that holds {@code millis}. */
  public static IntervalWindow windowAt(long millis, long size) {
    long start = Math.floorDiv(millis, size) * size;
    return new IntervalWindow(new Instant(start), Duration.millis(size));
  }

  /** Puts each element in two windows of 10 ms: the one holding its timestamp and the next. */
  public static final class TwoWindows extends NonMergingWindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<IntervalWindow> assignWindows(AssignContext c) {
      IntervalWindow first = windowAt(c.timestamp().getMillis(), 10);
      return List.of(first, windowAt(first.end().getMillis(), 10));
    }

    @Override
    public boolean isCompatible(WindowFn<?, ?> other) {
      return other instanceof TwoWindows;
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
      throw new UnsupportedOperationException("TwoWindows cannot window a side input");
    }
  }

  /** A window function that claims to merge windows (it never does), like sessions would. */
  public static final class ClaimsToMerge extends WindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<IntervalWindow> assignWindows(AssignContext c) {
      return List.of(windowAt(c.timestamp().getMillis(), 10));
    }

    @Override
    public void mergeWindows(MergeContext c) {}

    @Override
    public boolean isCompatible(WindowFn<?, ?> other) {
      return other instanceof ClaimsToMerge;
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
      throw new UnsupportedOperationException("ClaimsToMerge cannot window a side input");
    }

    @Override
    public String toString() {
      return "ClaimsToMerge";
    }
  }

  /** Fails on every element whose timestamp is negative, with the message "negative timestamp". */
  public static final class FailsOnNegative extends NonMergingWindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<IntervalWindow> assignWindows(AssignContext c) {
      if (c.timestamp().getMillis() < 0) {
        throw new IllegalArgumentException("negative timestamp");
      }
      return List.of(windowAt(c.timestamp().getMillis(), 10));
    }

    @Override
    public boolean isCompatible(WindowFn<?, ?> other) {
      return other instanceof FailsOnNegative;
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
      return new WindowMappingFn<IntervalWindow>() {
        private static final long serialVersionUID = 1L;

        @Override
        public IntervalWindow getSideInputWindow(BoundedWindow mainWindow) {
          return windowAt(mainWindow.maxTimestamp().getMillis(), 10);
        }
      };
    }
  }
}
