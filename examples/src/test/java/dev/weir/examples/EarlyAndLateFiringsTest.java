package dev.weir.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import dev.weir.sdk.values.KV;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class EarlyAndLateFiringsTest {

  @Test
  void describesAPaneByWindowSensorCountAndTiming() {
    String line = EarlyAndLateFirings.describe(
        new IntervalWindow(new Instant(0), new Instant(2000)),
        KV.of("sensor-1", 7L),
        PaneInfo.createPane(false, true, Timing.LATE, 2, 1));

    assertEquals(
        "window=[1970-01-01T00:00:00.000Z..1970-01-01T00:00:02.000Z) sensor-1 count=7 pane=LATE#2 last", line);
  }

  @Test
  void runsUntilCancelledAndPrintsTheOnTimePanesOfWindowsThatClosed() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      // Event time runs with the source, so one-second windows close while the run lasts.
      EarlyAndLateFirings.main(new String[] {"--rate=200", "--seconds=4", "--windowSeconds=1"});
    } finally {
      System.setOut(original);
    }

    List<String> lines = Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\n"));
    assertTrue(lines.stream().anyMatch(l -> l.contains(" pane=ON_TIME#")), String.join("\n", lines));
    assertTrue(lines.stream().allMatch(l -> l.isEmpty() || l.matches("window=\\[.*\\) sensor-\\d count=\\d+ pane=\\w+#\\d+( last)?")),
        String.join("\n", lines));
  }
}
