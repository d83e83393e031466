package dev.weir.runtime.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Beam's rule for the next pane of a window ending at 9 (max timestamp). */
class PaneInfoTrackerTest {
  private static final Instant MAX_TS = new Instant(9);
  private static final Instant MIN = BoundedWindow.TIMESTAMP_MIN_VALUE;

  private static PaneInfo next(PaneInfo previous, long input, long output, boolean isFinal) {
    return PaneInfoTracker.nextPane(previous, MAX_TS, new Instant(input), new Instant(output), isFinal);
  }

  @Test
  void firstPaneBeforeTheWatermarkPassesTheEndIsEarly() {
    assertEquals(PaneInfo.createPane(true, false, Timing.EARLY, 0, -1),
        PaneInfoTracker.nextPane(null, MAX_TS, new Instant(9), MIN, false));
  }

  @Test
  void firstPaneAfterTheWatermarkPassesTheEndIsOnTime() {
    assertEquals(PaneInfo.ON_TIME_AND_ONLY_FIRING, next(null, 10, 5, true));
  }

  @Test
  void paneAfterEarlyPanesOnceTheWatermarkPassedIsOnTimeWithNonSpeculativeIndexZero() {
    PaneInfo early = PaneInfo.createPane(true, false, Timing.EARLY, 0, -1);
    PaneInfo secondEarly = next(early, 5, 5, false);

    assertEquals(PaneInfo.createPane(false, false, Timing.EARLY, 1, -1), secondEarly);
    assertEquals(PaneInfo.createPane(false, false, Timing.ON_TIME, 2, 0), next(secondEarly, 10, 9, false));
  }

  @Test
  void panesAfterTheOnTimePaneAreLate() {
    PaneInfo onTime = PaneInfo.createPane(true, false, Timing.ON_TIME, 0, 0);

    assertEquals(PaneInfo.createPane(false, true, Timing.LATE, 1, 1), next(onTime, 10, 9, true));
  }

  @Test
  void paneIsLateWhenTheOutputWatermarkIsPastTheWindow() {
    assertEquals(PaneInfo.createPane(true, false, Timing.LATE, 0, 0), next(null, 20, 10, false));
  }

  @Test
  void outputWatermarkAtTheMaxTimestampStillAllowsOnTime() {
    assertEquals(PaneInfo.createPane(true, false, Timing.ON_TIME, 0, 0), next(null, 20, 9, false));
  }

  @Test
  void noPaneFollowsTheLastPane() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> next(PaneInfo.ON_TIME_AND_ONLY_FIRING, 20, 9, true));
    assertEquals("a pane was asked for after the last pane " + PaneInfo.ON_TIME_AND_ONLY_FIRING, e.getMessage());
  }
}
