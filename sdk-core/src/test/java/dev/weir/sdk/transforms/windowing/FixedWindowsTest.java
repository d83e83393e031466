package dev.weir.sdk.transforms.windowing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link FixedWindows}. */
class FixedWindowsTest {
  private static final FixedWindows TENS = FixedWindows.of(Duration.millis(10));

  private static IntervalWindow window(long start, long end) {
    return new IntervalWindow(new Instant(start), new Instant(end));
  }

  @Test
  void windowsStartAtMultiplesOfTheSize() {
    assertThat(TENS.assignWindow(new Instant(0)), equalTo(window(0, 10)));
    assertThat(TENS.assignWindow(new Instant(9)), equalTo(window(0, 10)));
    assertThat(TENS.assignWindow(new Instant(10)), equalTo(window(10, 20)));
  }

  @Test
  void negativeTimestampsFallInTheWindowBelowThem() {
    assertThat(TENS.assignWindow(new Instant(-1)), equalTo(window(-10, 0)));
    assertThat(TENS.assignWindow(new Instant(-10)), equalTo(window(-10, 0)));
    assertThat(TENS.assignWindow(new Instant(-11)), equalTo(window(-20, -10)));
  }

  @Test
  void anOffsetShiftsTheBoundaries() {
    FixedWindows shifted = TENS.withOffset(Duration.millis(3));
    assertThat(shifted.assignWindow(new Instant(3)), equalTo(window(3, 13)));
    assertThat(shifted.assignWindow(new Instant(2)), equalTo(window(-7, 3)));
  }

  @Test
  void theLastWindowIsCutAtTheEndOfTime() {
    FixedWindows days = FixedWindows.of(Duration.standardDays(1));
    IntervalWindow last = days.assignWindow(BoundedWindow.TIMESTAMP_MAX_VALUE);
    assertThat(last.maxTimestamp(), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
  }

  @Test
  void aSizeThatIsNotPositiveFailsNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FixedWindows.of(Duration.ZERO));
    assertThat(e.getMessage(), containsString("size must be positive"));
  }

  @Test
  void anOffsetOutsideZeroToSizeFailsNamingBoth() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TENS.withOffset(Duration.millis(10)));
    assertThat(e.getMessage(), allOf(containsString("[0, size)"), containsString("offset PT0.010S for size PT0.010S")));
    assertThrows(IllegalArgumentException.class, () -> TENS.withOffset(Duration.millis(-1)));
  }

  @Test
  void equalSizesAndOffsetsAreEqualAndCompatible() {
    assertThat(FixedWindows.of(Duration.millis(10)), equalTo(TENS));
    assertThat(TENS.isCompatible(FixedWindows.of(Duration.millis(10))), is(true));
    assertThat(TENS.isCompatible(TENS.withOffset(Duration.millis(1))), is(false));
    assertThat(TENS, not(equalTo(FixedWindows.of(Duration.millis(20)))));
  }

  @Test
  void fixedWindowsDoNotMerge() {
    assertThat(TENS.isNonMerging(), is(true));
  }
}
