package dev.weir.runtime.windowing;

import static dev.weir.runtime.testing.TestWindowFns.windowAt;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.testing.TestWindowFns;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.NonMergingWindowFn;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.transforms.windowing.WindowMappingFn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class WindowAssignerTest {

  @Test
  void assignsTheWindowsOfTheFunctionKeepingValueTimestampAndPane() {
    WindowAssigner<String, IntervalWindow> assigner =
        new WindowAssigner<>("Window", FixedWindows.of(Duration.millis(10)));
    WindowedValue<String> element =
        WindowedValue.of("a", new Instant(13), GlobalWindow.INSTANCE, PaneInfo.ON_TIME_AND_ONLY_FIRING);

    WindowedValue<String> assigned = assigner.assign(element);

    assertThat(assigned, is(WindowedValue.of(
        "a", new Instant(13), windowAt(13, 10), PaneInfo.ON_TIME_AND_ONLY_FIRING)));
  }

  @Test
  void givesConsecutiveElementsOfAPartitioningFunctionEachItsOwnWindow() {
    WindowAssigner<String, IntervalWindow> assigner =
        new WindowAssigner<>("Window", FixedWindows.of(Duration.millis(10)));

    List<Collection<? extends BoundedWindow>> windows = new ArrayList<>();
    for (long millis : new long[] {3, 7, 13, 9, 20, 19}) {
      windows.add(assigner.assign(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(millis))).getWindows());
    }

    assertThat(windows, contains(List.of(windowAt(0, 10)), List.of(windowAt(0, 10)), List.of(windowAt(10, 10)),
        List.of(windowAt(0, 10)), List.of(windowAt(20, 10)), List.of(windowAt(10, 10))));
  }

  @Test
  void givesElementsGoingBackAndForthBetweenTwoWindowsTheSameTwoWindowObjects() {
    WindowAssigner<String, IntervalWindow> assigner =
        new WindowAssigner<>("Window", FixedWindows.of(Duration.millis(10)));

    List<BoundedWindow> windows = new ArrayList<>();
    for (long millis : new long[] {8, 11, 9, 12}) {
      windows.add(assigner.assign(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(millis)))
          .getWindows().iterator().next());
    }

    assertSame(windows.get(0), windows.get(2));
    assertSame(windows.get(1), windows.get(3));
  }

  @Test
  void givesElementsFarApartInTimeTheirOwnWindows() {
    WindowAssigner<String, IntervalWindow> assigner =
        new WindowAssigner<>("Window", FixedWindows.of(Duration.millis(10)));
    long far = 1_000_000_000_000_000L;

    List<Collection<? extends BoundedWindow>> windows = new ArrayList<>();
    for (long millis : new long[] {-far, far, -far + 9, -1, 0}) {
      windows.add(assigner.assign(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(millis))).getWindows());
    }

    assertThat(windows, contains(List.of(windowAt(-far, 10)), List.of(windowAt(far, 10)),
        List.of(windowAt(-far, 10)), List.of(windowAt(-10, 10)), List.of(windowAt(0, 10))));
  }

  @Test
  void leavesAnElementOfTheGlobalWindowAsItIsUnderGlobalWindows() {
    WindowAssigner<String, GlobalWindow> assigner = new WindowAssigner<>("Window", new GlobalWindows());
    WindowedValue<String> element = WindowedValue.timestampedValueInGlobalWindow("a", new Instant(5));

    assertSame(element, assigner.assign(element));
  }

  @Test
  void onlyNoFunctionOrTheGlobalWindowAgainLeavesElementsUnchanged() {
    FixedWindows fixed = FixedWindows.of(Duration.millis(10));

    assertThat(WindowAssigner.leavesElementsUnchanged(null, fixed), is(true));
    assertThat(WindowAssigner.leavesElementsUnchanged(new GlobalWindows(), new GlobalWindows()), is(true));
    assertThat(WindowAssigner.leavesElementsUnchanged(new GlobalWindows(), fixed), is(false));
    assertThat(WindowAssigner.leavesElementsUnchanged(fixed, new GlobalWindows()), is(false));
  }

  @Test
  void keepsEveryWindowAFunctionAssigns() {
    WindowAssigner<String, IntervalWindow> assigner = new WindowAssigner<>("Window", new TestWindowFns.TwoWindows());

    WindowedValue<String> assigned = assigner.assign(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(3)));

    assertThat(List.copyOf(assigned.getWindows()), contains(windowAt(0, 10), windowAt(10, 10)));
  }

  /** Records the window an element was in, to see what the function was shown. */
  static final class WindowOfInput extends NonMergingWindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<IntervalWindow> assignWindows(AssignContext c) {
      IntervalWindow previous = (IntervalWindow) c.window();
      return List.of(new IntervalWindow(previous.start(), Duration.millis(1)));
    }

    @Override
    public boolean isCompatible(WindowFn<?, ?> other) {
      return false;
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
      throw new UnsupportedOperationException("not called by the code under test");
    }
  }

  @Test
  void assignsOncePerWindowTheElementIsInAndUnitesTheResults() {
    WindowAssigner<String, IntervalWindow> assigner = new WindowAssigner<>("Window", new WindowOfInput());
    WindowedValue<String> inTwo = WindowedValue.of(
        "a", new Instant(3), List.of(windowAt(0, 10), windowAt(10, 10)), PaneInfo.NO_FIRING);

    WindowedValue<String> assigned = assigner.assign(inTwo);

    assertThat(List.copyOf(assigned.getWindows()), contains(
        new IntervalWindow(new Instant(0), Duration.millis(1)),
        new IntervalWindow(new Instant(10), Duration.millis(1))));
  }

  /** Assigns no window at all. */
  static final class NoWindows extends NonMergingWindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<IntervalWindow> assignWindows(AssignContext c) {
      return List.of();
    }

    @Override
    public boolean isCompatible(WindowFn<?, ?> other) {
      return false;
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
      throw new UnsupportedOperationException("not called by the code under test");
    }
  }

  @Test
  void dropsAnElementAssignedNoWindow() {
    WindowAssigner<String, IntervalWindow> assigner = new WindowAssigner<>("Window", new NoWindows());

    assertThat(assigner.assign(WindowedValue.valueInGlobalWindow("a")), nullValue());
  }

  @Test
  void wrapsAFailureOfTheFunctionNamingTheStep() {
    WindowAssigner<String, IntervalWindow> assigner =
        new WindowAssigner<>("My/Window", new TestWindowFns.FailsOnNegative());

    UserCodeException e = assertThrows(UserCodeException.class,
        () -> assigner.assign(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(-1))));

    assertThat(e.getStepName(), is("My/Window"));
    assertThat(e.getCause().getMessage(), is("negative timestamp"));
  }
}
