package dev.weir.sdk.transforms.windowing;

import static dev.weir.sdk.transforms.windowing.WindowFnProbe.assign;
import static dev.weir.sdk.transforms.windowing.WindowFnProbe.merge;
import static dev.weir.sdk.transforms.windowing.WindowFnProbe.window;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class SessionsTest {

  private final Sessions sessions = Sessions.withGapDuration(Duration.millis(10));

  @Test
  void assignsAWindowFromTheTimestampForTheGap() throws Exception {
    assertThat(assign(sessions, 7), contains(window(7, 17)));
    assertThat(assign(sessions, -7), contains(window(-7, 3)));
  }

  @Test
  void elementsCloserThanTheGapShareASession() throws Exception {
    List<IntervalWindow> windows = List.of(assign(sessions, 0).get(0), assign(sessions, 9).get(0));
    assertEquals(List.of(window(0, 19)), List.copyOf(merge(sessions, windows).keySet()));
  }

  @Test
  void anElementExactlyTheGapLaterStartsANewSession() throws Exception {
    List<IntervalWindow> windows = List.of(assign(sessions, 0).get(0), assign(sessions, 10).get(0));
    assertTrue(merge(sessions, windows).isEmpty());
  }

  @Test
  void isAMergingWindowFnWithOneWindowPerElement() {
    assertFalse(sessions.isNonMerging());
    assertTrue(sessions.assignsToOneWindow());
  }

  @Test
  void isCompatibleWithAnySessionsLikeBeam() {
    assertTrue(sessions.isCompatible(Sessions.withGapDuration(Duration.millis(99))));
    assertFalse(sessions.isCompatible(FixedWindows.of(Duration.millis(10))));
  }

  @Test
  void equalOnlyWithTheSameGap() {
    assertEquals(sessions, Sessions.withGapDuration(Duration.millis(10)));
    assertEquals(sessions.hashCode(), Sessions.withGapDuration(Duration.millis(10)).hashCode());
    assertNotEquals(sessions, Sessions.withGapDuration(Duration.millis(11)));
  }

  @Test
  void usesTheIntervalWindowCoder() {
    assertEquals(IntervalWindow.getCoder(), sessions.windowCoder());
  }

  @Test
  void cannotWindowASideInputAndSaysWhatToUseInstead() {
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, sessions::getDefaultWindowMappingFn);
    assertThat(e.getMessage(), containsString("Sessions windows cannot be used for side inputs"));
    assertThat(e.getMessage(), containsString("FixedWindows"));
  }

  @Test
  void rejectsANonPositiveGapNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sessions.withGapDuration(Duration.ZERO));
    assertThat(e.getMessage(), containsString("Sessions.withGapDuration needs a positive gap"));
  }
}
