package dev.weir.sdk.transforms.windowing;

import static dev.weir.sdk.transforms.windowing.WindowFnProbe.merge;
import static dev.weir.sdk.transforms.windowing.WindowFnProbe.window;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class MergeOverlappingIntervalWindowsTest {

  private final Sessions sessions = Sessions.withGapDuration(Duration.millis(10));

  @Test
  void mergesTwoOverlappingWindowsIntoTheirSpan() throws Exception {
    Map<IntervalWindow, List<IntervalWindow>> merges = merge(sessions, List.of(window(0, 10), window(5, 15)));
    assertEquals(1, merges.size());
    assertThat(merges.get(window(0, 15)), containsInAnyOrder(window(0, 10), window(5, 15)));
  }

  @Test
  void doesNotMergeWindowsThatOnlyTouch() throws Exception {
    assertTrue(merge(sessions, List.of(window(0, 10), window(10, 20))).isEmpty());
  }

  @Test
  void mergesWindowsOneMillisecondIntoEachOther() throws Exception {
    assertThat(
        merge(sessions, List.of(window(0, 10), window(9, 19))).get(window(0, 19)),
        containsInAnyOrder(window(0, 10), window(9, 19)));
  }

  @Test
  void mergesAChainWhoseEndsDoNotOverlapEachOther() throws Exception {
    Map<IntervalWindow, List<IntervalWindow>> merges =
        merge(sessions, List.of(window(16, 26), window(0, 10), window(8, 18)));
    assertEquals(1, merges.size());
    assertThat(merges.get(window(0, 26)), containsInAnyOrder(window(0, 10), window(8, 18), window(16, 26)));
  }

  @Test
  void keepsSeparateGroupsSeparate() throws Exception {
    Map<IntervalWindow, List<IntervalWindow>> merges = merge(
        sessions, List.of(window(30, 40), window(0, 10), window(35, 45), window(5, 15), window(20, 30)));
    assertEquals(2, merges.size());
    assertThat(merges.get(window(0, 15)), containsInAnyOrder(window(0, 10), window(5, 15)));
    assertThat(merges.get(window(30, 45)), containsInAnyOrder(window(30, 40), window(35, 45)));
  }

  @Test
  void mergesAWindowContainedInAnother() throws Exception {
    assertThat(
        merge(sessions, List.of(window(0, 30), window(10, 20))).get(window(0, 30)),
        containsInAnyOrder(window(0, 30), window(10, 20)));
  }

  @Test
  void aLongWindowBridgesLaterOnes() throws Exception {
    // Sorted by start, [0, 30) must still reach [25, 35) past the shorter [2, 5).
    Map<IntervalWindow, List<IntervalWindow>> merges =
        merge(sessions, List.of(window(2, 5), window(25, 35), window(0, 30)));
    assertThat(merges.get(window(0, 35)), containsInAnyOrder(window(0, 30), window(2, 5), window(25, 35)));
  }

  @Test
  void declaresNoMergeForASingleWindow() throws Exception {
    assertTrue(merge(sessions, List.of(window(0, 10))).isEmpty());
  }

  @Test
  void mergesNegativeWindows() throws Exception {
    assertThat(
        merge(sessions, List.of(window(-20, -10), window(-15, -5))).get(window(-20, -5)),
        containsInAnyOrder(window(-20, -10), window(-15, -5)));
  }
}
