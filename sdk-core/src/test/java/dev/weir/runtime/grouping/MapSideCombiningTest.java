package dev.weir.runtime.grouping;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.values.WindowingStrategy;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class MapSideCombiningTest {
  private static final WindowingStrategy<Object, ?> FIXED = WindowingStrategy.of(FixedWindows.of(Duration.millis(10)));
  private static final WindowingStrategy<Object, ?> EARLY_BY_PROCESSING_TIME = FIXED.withTrigger(
      AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterProcessingTime.pastFirstElementInPane()));

  @Test
  void combinesMapSideForNonMergingWindowsAtTheEndOfWindowWithATriggerThatCountsNothing() {
    assertThat(MapSideCombining.preservesPanes(FIXED), is(true));
    assertThat(MapSideCombining.preservesPanes(EARLY_BY_PROCESSING_TIME), is(true));
  }

  @Test
  void doesNotCombineMapSideWhereAPaneCouldChange() {
    assertThat(MapSideCombining.preservesPanes(WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(5)))),
        is(false));
    assertThat(MapSideCombining.preservesPanes(FIXED.withTimestampCombiner(TimestampCombiner.EARLIEST)), is(false));
    assertThat(MapSideCombining.preservesPanes(
        FIXED.withTrigger(Repeatedly.forever(AfterPane.elementCountAtLeast(2)))), is(false));
  }

  @Test
  void unendedWindowsWaitForTheWatermarkOnlyWithoutProcessingTimeTriggers() {
    assertThat(MapSideCombining.unendedWindowsWaitForTheWatermark(FIXED), is(true));
    assertThat(MapSideCombining.unendedWindowsWaitForTheWatermark(FIXED.withAllowedLateness(Duration.millis(5))),
        is(true));
    assertThat(MapSideCombining.unendedWindowsWaitForTheWatermark(EARLY_BY_PROCESSING_TIME), is(false));
  }
}
