package dev.weir.runtime.values;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link WindowedValue}. */
class WindowedValueTest {
  private static final Instant T = new Instant(5);
  private static final IntervalWindow W1 = new IntervalWindow(new Instant(0), new Instant(10));
  private static final IntervalWindow W2 = new IntervalWindow(new Instant(5), new Instant(15));
  private static final PaneInfo EARLY = PaneInfo.createPane(true, false, PaneInfo.Timing.EARLY);

  @Test
  void explodingGivesOneValuePerWindowKeepingTimestampAndPane() {
    WindowedValue<String> value = WindowedValue.of("x", T, List.of(W1, W2), EARLY);
    assertThat(value.explodeWindows(), contains(
        WindowedValue.of("x", T, W1, EARLY), WindowedValue.of("x", T, W2, EARLY)));
  }

  @Test
  void aValueInOneWindowExplodesToItself() {
    WindowedValue<String> value = WindowedValue.of("x", T, W1, EARLY);
    assertThat(value.explodeWindows(), contains(sameInstance(value)));
  }

  @Test
  void withValueKeepsTimestampWindowsAndPane() {
    WindowedValue<Integer> changed = WindowedValue.of("x", T, List.of(W1, W2), EARLY).withValue(7);
    assertThat(changed, equalTo(WindowedValue.of(7, T, List.of(W1, W2), EARLY)));
  }

  @Test
  void valueInGlobalWindowIsAtTheMinimumTimestampWithNoFiring() {
    WindowedValue<String> value = WindowedValue.valueInGlobalWindow("x");
    assertThat(value.getTimestamp(), equalTo(BoundedWindow.TIMESTAMP_MIN_VALUE));
    assertThat(value.getWindows(), contains((BoundedWindow) GlobalWindow.INSTANCE));
    assertThat(value.getPane(), sameInstance(PaneInfo.NO_FIRING));
  }

  @Test
  void valuesDifferingInAnyPartAreNotEqual() {
    WindowedValue<String> value = WindowedValue.of("x", T, W1, EARLY);
    assertThat(value, not(equalTo(WindowedValue.of("y", T, W1, EARLY))));
    assertThat(value, not(equalTo(WindowedValue.of("x", new Instant(6), W1, EARLY))));
    assertThat(value, not(equalTo(WindowedValue.of("x", T, W2, EARLY))));
    assertThat(value, not(equalTo(WindowedValue.of("x", T, W1, PaneInfo.NO_FIRING))));
  }

  @Test
  void windowsCompareAsASet() {
    WindowedValue<String> a = WindowedValue.of("x", T, List.of(W1, W2), EARLY);
    WindowedValue<String> b = WindowedValue.of("x", T, List.of(W2, W1), EARLY);
    assertThat(a, equalTo(b));
    assertThat(a.hashCode(), equalTo(b.hashCode()));
  }

  @Test
  void arrayValuesCompareAndHashByContent() {
    WindowedValue<byte[]> a = WindowedValue.of(new byte[] {1, 2}, T, W1, EARLY);
    WindowedValue<byte[]> b = WindowedValue.of(new byte[] {1, 2}, T, W1, EARLY);
    assertThat(a, equalTo(b));
    assertThat(a.hashCode(), equalTo(b.hashCode()));
  }
}
