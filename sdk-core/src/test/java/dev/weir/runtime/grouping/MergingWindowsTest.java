package dev.weir.runtime.grouping;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.grouping.MergingWindows.Merge;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.transforms.windowing.WindowMappingFn;
import java.util.Collection;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Asking a merging window function what merges, and checking its answers. */
class MergingWindowsTest {
  private static final IntervalWindow A = window(0, 10);
  private static final IntervalWindow B = window(5, 15);
  private static final IntervalWindow C = window(30, 40);

  private static IntervalWindow window(long start, long end) {
    return new IntervalWindow(new Instant(start), new Instant(end));
  }

  private static List<Merge> merge(WindowFn<?, ?> fn, List<BoundedWindow> active, List<BoundedWindow> added) {
    return MergingWindows.merge("Sessions/GroupByKey", fn, active, added);
  }

  @Test
  void reportsEachMergeTheWindowFunctionDeclares() {
    List<Merge> merges = merge(Sessions.withGapDuration(Duration.millis(10)), List.of(A, C), List.of(B));

    assertEquals(List.of(new Merge(List.of(A, B), window(0, 15))), merges);
  }

  @Test
  void mergingAWindowIntoItselfIsNoMerge() {
    assertEquals(List.of(), merge(new Declaring(List.of(A), A), List.of(A), List.of()));
  }

  @Test
  void mergingAWindowItWasNotGivenIsRejected() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> merge(new Declaring(List.of(A, C), window(0, 40)), List.of(A), List.of()));
    assertThat(e.getMessage(), allOf(
        containsString("Declaring"), containsString("not one of the windows it was given"),
        containsString("Sessions/GroupByKey")));
  }

  @Test
  void mergingIntoAnActiveWindowOutsideTheMergedOnesIsRejected() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> merge(new Declaring(List.of(A, B), C), List.of(A, B, C), List.of()));
    assertThat(e.getMessage(), containsString("a window that has state but is not among the merged ones"));
  }

  @Test
  void exceptionsOfTheWindowFunctionAreWrappedWithTheStepName() {
    UserCodeException e = assertThrows(UserCodeException.class,
        () -> merge(new Declaring(null, null), List.of(A), List.of()));
    assertEquals("Sessions/GroupByKey", e.getStepName());
    assertThat(e.getCause(), instanceOf(Exception.class));
  }

  /** Declares one fixed merge, or throws a checked exception if given none. */
  private static final class Declaring extends WindowFn<Object, BoundedWindow> {
    private static final long serialVersionUID = 1L;
    private final List<BoundedWindow> toBeMerged;
    private final BoundedWindow result;

    Declaring(List<BoundedWindow> toBeMerged, BoundedWindow result) {
      this.toBeMerged = toBeMerged;
      this.result = result;
    }

    @Override
    public Collection<BoundedWindow> assignWindows(AssignContext c) {
      throw new UnsupportedOperationException("not called by the code under test");
    }

    @Override
    public void mergeWindows(MergeContext c) throws Exception {
      if (toBeMerged == null) {
        throw new Exception("merge failed");
      }
      c.merge(toBeMerged, result);
    }

    @Override
    public boolean isCompatible(WindowFn<?, ?> other) {
      return false;
    }

    @Override
    public Coder<BoundedWindow> windowCoder() {
      throw new UnsupportedOperationException("not called by the code under test");
    }

    @Override
    public WindowMappingFn<BoundedWindow> getDefaultWindowMappingFn() {
      throw new UnsupportedOperationException("not called by the code under test");
    }
  }
}
