package dev.weir.sdk.transforms.windowing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link TimestampCombiner}. */
class TimestampCombinerTest {
  private static final IntervalWindow WINDOW = new IntervalWindow(new Instant(0), new Instant(100));
  private static final Instant T5 = new Instant(5);
  private static final Instant T7 = new Instant(7);
  private static final Instant T3 = new Instant(3);

  @Test
  void earliestCombinesToTheEarliest() {
    assertThat(TimestampCombiner.EARLIEST.combine(T5, T3, T7), equalTo(T3));
  }

  @Test
  void latestCombinesToTheLatest() {
    assertThat(TimestampCombiner.LATEST.combine(T5, T3, T7), equalTo(T7));
  }

  @Test
  void earliestAndLatestAssignTheInputTimestamp() {
    assertThat(TimestampCombiner.EARLIEST.assign(WINDOW, T5), equalTo(T5));
    assertThat(TimestampCombiner.LATEST.assign(WINDOW, T5), equalTo(T5));
  }

  @Test
  void endOfWindowAssignsTheWindowsMaxTimestamp() {
    assertThat(TimestampCombiner.END_OF_WINDOW.assign(WINDOW, T5), equalTo(new Instant(99)));
  }

  @Test
  void endOfWindowCombinesAssignedTimestampsToTheWindowsEnd() {
    Instant end = WINDOW.maxTimestamp();
    assertThat(TimestampCombiner.END_OF_WINDOW.combine(end, end), equalTo(end));
  }

  @Test
  void earliestAndLatestMergeLikeTheyCombine() {
    assertThat(TimestampCombiner.EARLIEST.merge(WINDOW, List.of(T5, T3)), equalTo(T3));
    assertThat(TimestampCombiner.LATEST.merge(WINDOW, List.of(T5, T7)), equalTo(T7));
  }

  @Test
  void endOfWindowMergesToTheEndOfTheMergedWindow() {
    assertThat(TimestampCombiner.END_OF_WINDOW.merge(WINDOW, List.of(T3, T7)), equalTo(new Instant(99)));
  }

  @Test
  void combiningNothingFails() {
    assertThrows(IllegalArgumentException.class, () -> TimestampCombiner.EARLIEST.combine(List.of()));
  }

  @Test
  void onlyEarliestDependsOnlyOnTheEarliestTimestamp() {
    assertThat(TimestampCombiner.EARLIEST.dependsOnlyOnEarliestTimestamp(), is(true));
    assertThat(TimestampCombiner.LATEST.dependsOnlyOnEarliestTimestamp(), is(false));
    assertThat(TimestampCombiner.END_OF_WINDOW.dependsOnlyOnEarliestTimestamp(), is(false));
  }

  @Test
  void onlyEndOfWindowDependsOnlyOnTheWindow() {
    assertThat(TimestampCombiner.END_OF_WINDOW.dependsOnlyOnWindow(), is(true));
    assertThat(TimestampCombiner.EARLIEST.dependsOnlyOnWindow(), is(false));
    assertThat(TimestampCombiner.LATEST.dependsOnlyOnWindow(), is(false));
  }
}
