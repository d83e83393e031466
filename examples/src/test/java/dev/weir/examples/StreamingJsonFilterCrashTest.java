package dev.weir.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.sdk.testing.ChildJvm;
import dev.weir.sdk.testing.CrashTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * StreamingJsonFilter on each streaming runner, in a child JVM killed with SIGKILL three times and
 * restarted with the same {@code --checkpointDir}: its committed output holds each filtered
 * reading exactly once and one average per device and minute, as an uninterrupted run would.
 */
class StreamingJsonFilterCrashTest {
  private static final int FILES = 60;
  private static final int LINES_PER_FILE = 200;
  private static final int DEVICES = 5;
  private static final long T0 = 1_700_000_040_000L;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"MicroBatchRunner, 3", "ContinuousRunner, 4"})
  void losesAndRepeatsNothingAcrossKills(String runner, long seed) throws IOException {
    Path input = Files.createDirectories(dir.resolve("in"));
    List<String> expectedFiltered = writeInput(input);
    Path output = dir.resolve("out");
    List<String> args = new ArrayList<>(List.of("--runner=" + runner, "--inputDir=" + input, "--output=" + output,
        "--checkpointDir=" + dir.resolve("checkpoint"), "--idleTimeout=12s", "--pollInterval=50ms",
        "--parallelism=2", "--quietProgress=true"));
    if (runner.equals("ContinuousRunner")) {
      args.add("--checkpointInterval=200");
    }
    ChildJvm.Spec child = ChildJvm.of(StreamingJsonFilter.class).withMaxHeap("256m").withArgs(args);

    // The idle timeout counts from the last new file, across restarts: it must outlast every kill.
    CrashTester.of(child).withKills(3).withSeed(seed)
        .withKillDelay(Duration.millis(700), Duration.millis(2500))
        .withTimeoutPerRun(Duration.standardSeconds(60))
        .run();

    assertEquals(expectedFiltered, OutputFiles.sortedLines(output, "filtered-"));
    assertEquals(expectedWindows(), windowsOf(OutputFiles.sortedLines(output, "averages-")));
  }

  /** Writes the input files; returns the filtered rows an uninterrupted run writes, sorted. */
  private static List<String> writeInput(Path input) throws IOException {
    List<String> filtered = new ArrayList<>();
    for (int file = 0; file < FILES; file++) {
      StringBuilder lines = new StringBuilder();
      for (int line = 0; line < LINES_PER_FILE; line++) {
        int i = file * LINES_PER_FILE + line;
        String device = "d" + (i % DEVICES);
        int signal = i % 31;
        lines.append("{\"device\": \"").append(device).append("\", \"signal\": ").append(signal)
            .append(", \"ts\": ").append(T0 + i * 10L).append("}\n");
        if (signal > 15) {
          filtered.add("{\"device\":\"" + device + "\",\"signal\":" + signal + "}");
        }
      }
      Files.writeString(input.resolve(String.format("readings-%03d.json", file)), lines);
    }
    Collections.sort(filtered);
    return filtered;
  }

  /** Each device's one-minute windows, each once: "device@windowStart". */
  private static List<String> expectedWindows() {
    Map<String, Boolean> windows = new TreeMap<>();
    for (int i = 0; i < FILES * LINES_PER_FILE; i++) {
      long ts = T0 + i * 10L;
      windows.put("d" + (i % DEVICES) + "@" + (ts - Math.floorMod(ts, 60_000L)), true);
    }
    return new ArrayList<>(windows.keySet());
  }

  private static List<String> windowsOf(List<String> averages) {
    List<String> windows = new ArrayList<>();
    for (String average : averages) {
      String device = average.replaceAll(".*\"device\":\"([^\"]+)\".*", "$1");
      String start = average.replaceAll(".*\"windowStart\":(\\d+).*", "$1");
      windows.add(device + "@" + start);
    }
    Collections.sort(windows);
    return windows;
  }
}
