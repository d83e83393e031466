package dev.weir.sdk.transforms.windowing;

import static dev.weir.sdk.transforms.windowing.WindowFnProbe.assign;
import static dev.weir.sdk.transforms.windowing.WindowFnProbe.window;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingWindowsTest {

  private final SlidingWindows tenEveryFive = SlidingWindows.of(Duration.millis(10)).every(Duration.millis(5));

  @Test
  void putsAnElementInSizeOverPeriodWindows() throws Exception {
    assertThat(assign(tenEveryFive, 7), containsInAnyOrder(window(5, 15), window(0, 10)));
  }

  @Test
  void windowStartIsInclusive() throws Exception {
    assertThat(assign(tenEveryFive, 5), containsInAnyOrder(window(5, 15), window(0, 10)));
  }

  @Test
  void windowEndIsExclusive() throws Exception {
    assertThat(assign(tenEveryFive, 10), containsInAnyOrder(window(10, 20), window(5, 15)));
  }

  @Test
  void windowsStartingBeforeTheEpochAreNormalWindows() throws Exception {
    assertThat(assign(tenEveryFive, 2), containsInAnyOrder(window(0, 10), window(-5, 5)));
  }

  @Test
  void negativeTimestampsGetWindowsThatContainThem() throws Exception {
    assertThat(assign(tenEveryFive, -17), containsInAnyOrder(window(-20, -10), window(-25, -15)));
    assertThat(assign(tenEveryFive, -15), containsInAnyOrder(window(-15, -5), window(-20, -10)));
  }

  @Test
  void offsetShiftsTheWindows() throws Exception {
    SlidingWindows shifted = tenEveryFive.withOffset(Duration.millis(2));
    assertThat(assign(shifted, 7), containsInAnyOrder(window(7, 17), window(2, 12)));
    assertThat(assign(shifted, 1), containsInAnyOrder(window(-3, 7), window(-8, 2)));
  }

  @Test
  void sizeNotAMultipleOfThePeriodGivesVaryingCounts() throws Exception {
    SlidingWindows tenEveryFour = SlidingWindows.of(Duration.millis(10)).every(Duration.millis(4));
    assertThat(assign(tenEveryFour, 8), containsInAnyOrder(window(8, 18), window(4, 14), window(0, 10)));
    assertThat(assign(tenEveryFour, 10), containsInAnyOrder(window(8, 18), window(4, 14)));
  }

  @Test
  void periodLongerThanSizeLeavesGaps() throws Exception {
    SlidingWindows sparse = SlidingWindows.of(Duration.millis(5)).every(Duration.millis(10));
    assertThat(assign(sparse, 3), containsInAnyOrder(window(0, 5)));
    assertThat(assign(sparse, 7), empty());
    assertTrue(sparse.assignsToOneWindow());
    assertFalse(tenEveryFive.assignsToOneWindow());
  }

  @Test
  void defaultPeriodIsTheLargestUnitShorterThanTheSize() {
    assertEquals(Duration.standardHours(1), SlidingWindows.of(Duration.standardHours(2)).getPeriod());
    assertEquals(Duration.standardMinutes(1), SlidingWindows.of(Duration.standardHours(1)).getPeriod());
    assertEquals(Duration.standardSeconds(1), SlidingWindows.of(Duration.standardSeconds(5)).getPeriod());
    assertEquals(Duration.millis(1), SlidingWindows.of(Duration.standardSeconds(1)).getPeriod());
  }

  @Test
  void sideInputWindowIsTheEarliestThatContainsTheMainWindowsEnd() {
    WindowMappingFn<IntervalWindow> mapping = tenEveryFive.getDefaultWindowMappingFn();
    assertEquals(window(0, 10), mapping.getSideInputWindow(window(0, 10)));
    assertEquals(window(5, 15), mapping.getSideInputWindow(window(3, 11)));
    assertEquals(window(-10, 0), mapping.getSideInputWindow(window(-7, -2)));
  }

  @Test
  void sideInputForAGlobalMainWindowFailsNamingTheFix() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> tenEveryFive.getDefaultWindowMappingFn().getSideInputWindow(GlobalWindow.INSTANCE));
    assertThat(e.getMessage(), containsString("window the side input globally"));
  }

  @Test
  void equalAndCompatibleOnlyWithTheSameSizePeriodAndOffset() {
    SlidingWindows same = SlidingWindows.of(Duration.millis(10)).every(Duration.millis(5));
    assertEquals(tenEveryFive, same);
    assertEquals(tenEveryFive.hashCode(), same.hashCode());
    assertTrue(tenEveryFive.isCompatible(same));
    assertNotEquals(tenEveryFive, tenEveryFive.withOffset(Duration.millis(1)));
    assertFalse(tenEveryFive.isCompatible(SlidingWindows.of(Duration.millis(10)).every(Duration.millis(2))));
    assertFalse(tenEveryFive.isCompatible(FixedWindows.of(Duration.millis(10))));
  }

  @Test
  void usesTheIntervalWindowCoder() {
    assertEquals(IntervalWindow.getCoder(), tenEveryFive.windowCoder());
  }

  @Test
  void rejectsAnOffsetOutsideThePeriod() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> tenEveryFive.withOffset(Duration.millis(5)));
    assertThat(e.getMessage(), containsString("offset must be in [0, period)"));
  }

  @Test
  void rejectsANonPositiveSizeOrPeriod() {
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> SlidingWindows.of(Duration.ZERO)).getMessage(),
        containsString("size must be positive"));
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> tenEveryFive.every(Duration.ZERO)).getMessage(),
        containsString("period (every) must be positive"));
  }

  @Test
  void assignsByTimestampAlone() throws Exception {
    assertEquals(assign(tenEveryFive, new Instant(12)), tenEveryFive.assignWindows(new Instant(12)));
  }
}
