package dev.weir.runtime.grouping;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.transforms.windowing.WindowMappingFn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.joda.time.Duration;

/**
 * Test-only session windows: each element gets {@code [timestamp, timestamp + gap)} and windows that
 * overlap merge into their span, as Beam's {@code Sessions} does.
 */
final class TestSessions extends WindowFn<Object, IntervalWindow> {
  private static final long serialVersionUID = 1L;
  private final Duration gap;

  TestSessions(Duration gap) {
    this.gap = gap;
  }

  @Override
  public Collection<IntervalWindow> assignWindows(AssignContext c) {
    return List.of(new IntervalWindow(c.timestamp(), gap));
  }

  @Override
  public void mergeWindows(MergeContext c) throws Exception {
    List<IntervalWindow> sorted = new ArrayList<>(c.windows());
    sorted.sort((a, b) -> a.start().compareTo(b.start()));
    List<IntervalWindow> group = new ArrayList<>();
    IntervalWindow span = null;
    for (IntervalWindow window : sorted) {
      if (span != null && span.intersects(window)) {
        group.add(window);
        span = span.span(window);
        continue;
      }
      mergeGroup(c, group, span);
      group = new ArrayList<>(List.of(window));
      span = window;
    }
    mergeGroup(c, group, span);
  }

  private static void mergeGroup(MergeContext c, List<IntervalWindow> group, IntervalWindow span) throws Exception {
    if (group.size() > 1) {
      c.merge(group, span);
    }
  }

  @Override
  public boolean isCompatible(WindowFn<?, ?> other) {
    return other instanceof TestSessions;
  }

  @Override
  public Coder<IntervalWindow> windowCoder() {
    return IntervalWindow.getCoder();
  }

  @Override
  public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
    throw new UnsupportedOperationException("sessions cannot be a side input's windows");
  }
}
