package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The lines {@link ConsoleIO} prints. */
class ConsoleIOTest {
  @Test
  void printsValueWindowPaneAndTimestamp() {
    IntervalWindow window = new IntervalWindow(new Instant(0), Duration.standardMinutes(1));
    PaneInfo late = PaneInfo.createPane(false, true, PaneInfo.Timing.LATE, 2, 1);

    assertEquals("avg: d1=17.5 window=[1970-01-01T00:00:00.000Z..1970-01-01T00:01:00.000Z) pane=2 LATE last"
            + " ts=1970-01-01T00:00:59.999Z",
        ConsoleIO.format("avg", "d1=17.5", window.maxTimestamp(), window, late));
  }

  @Test
  void printsTheGlobalWindowAsGlobalAndAnUntriggeredPaneAsNone() {
    assertEquals("console: x window=global pane=none ts=1970-01-01T00:00:00.005Z",
        ConsoleIO.format("console", "x", new Instant(5), GlobalWindow.INSTANCE, PaneInfo.NO_FIRING));
  }

  @Test
  void printsFirstAndLastOfAnOnlyPane() {
    assertEquals("c: 1 window=global pane=0 ON_TIME first last ts=1970-01-01T00:00:00.000Z",
        ConsoleIO.format("c", 1, new Instant(0), GlobalWindow.INSTANCE, PaneInfo.ON_TIME_AND_ONLY_FIRING));
  }

  @Test
  void refusesAnEmptyLabel() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConsoleIO.write().withLabel(""));

    assertEquals("ConsoleIO.write().withLabel(): the label must not be empty", e.getMessage());
  }
}
