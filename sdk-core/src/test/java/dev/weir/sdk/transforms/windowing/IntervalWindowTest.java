package dev.weir.sdk.transforms.windowing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.CoderProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link IntervalWindow}. */
class IntervalWindowTest {

  private static IntervalWindow window(long start, long end) {
    return new IntervalWindow(new Instant(start), new Instant(end));
  }

  @Test
  void maxTimestampIsOneMillisecondBeforeTheEnd() {
    assertThat(window(0, 10).maxTimestamp(), equalTo(new Instant(9)));
  }

  @Test
  void aSizedWindowEndsAtStartPlusSize() {
    assertThat(new IntervalWindow(new Instant(5), Duration.millis(10)), equalTo(window(5, 15)));
  }

  @Test
  void anEndBeforeTheStartFailsNamingBoth() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> window(10, 5));
    assertThat(e.getMessage(), containsString("before its start"));
  }

  @Test
  void containsAWindowWithinItsBounds() {
    assertThat(window(0, 10).contains(window(0, 10)), is(true));
    assertThat(window(0, 10).contains(window(2, 8)), is(true));
    assertThat(window(0, 10).contains(window(5, 11)), is(false));
  }

  @Test
  void containsInstantIsHalfOpen() {
    assertThat(window(0, 10).containsInstant(new Instant(0)), is(true));
    assertThat(window(0, 10).containsInstant(new Instant(9)), is(true));
    assertThat(window(0, 10).containsInstant(new Instant(10)), is(false));
  }

  @Test
  void touchingWindowsDoNotIntersect() {
    assertThat(window(0, 10).intersects(window(10, 20)), is(false));
    assertThat(window(0, 10).isDisjoint(window(10, 20)), is(true));
  }

  @Test
  void overlappingWindowsIntersectBothWays() {
    assertThat(window(0, 10).intersects(window(9, 20)), is(true));
    assertThat(window(9, 20).intersects(window(0, 10)), is(true));
  }

  @Test
  void spanCoversBothWindowsAndTheGapBetween() {
    assertThat(window(0, 5).span(window(10, 20)), equalTo(window(0, 20)));
    assertThat(window(10, 20).span(window(0, 5)), equalTo(window(0, 20)));
  }

  @Test
  void windowsAreOrderedByStartThenEnd() {
    List<IntervalWindow> windows = new ArrayList<>(List.of(window(5, 6), window(0, 10), window(0, 3)));
    Collections.sort(windows);
    assertThat(windows, contains(window(0, 3), window(0, 10), window(5, 6)));
  }

  @Test
  void equalWindowsHaveEqualHashCodes() {
    assertThat(window(0, 10).hashCode(), equalTo(window(0, 10).hashCode()));
  }

  @Test
  void theCoderRoundTripsWindowsIncludingNegativeAndEmptyOnes() throws Exception {
    for (IntervalWindow w : List.of(window(0, 10), window(-20, -10), window(7, 7),
        new IntervalWindow(BoundedWindow.TIMESTAMP_MIN_VALUE, BoundedWindow.TIMESTAMP_MAX_VALUE))) {
      CoderProperties.coderDecodeEncodeEqual(IntervalWindow.getCoder(), w);
    }
  }

  @Test
  void theCoderIsDeterministic() throws Exception {
    CoderProperties.coderDeterministic(IntervalWindow.getCoder(), window(0, 10), window(0, 10));
  }
}
