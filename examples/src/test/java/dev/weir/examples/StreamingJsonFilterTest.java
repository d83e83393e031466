package dev.weir.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** StreamingJsonFilter on the direct runner, over a directory of real files. */
// The example ends after its idle timeout; if it never did, fail instead of hanging the build.
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamingJsonFilterTest {
  /** 40 s into the minute starting at 1_700_000_040_000. */
  private static final long T0 = 1_700_000_080_000L;

  @TempDir Path dir;

  private static String reading(String device, int signal, long ts) {
    return "{\"device\": \"" + device + "\", \"signal\": " + signal + ", \"ts\": " + ts + "}\n";
  }

  private int run(Path input, Path output) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    return StreamingJsonFilter.run(new String[] {
        "--inputDir=" + input, "--output=" + output, "--checkpointDir=" + dir.resolve("checkpoint"),
        "--idleTimeout=500ms", "--pollInterval=20ms"},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
  }

  @Test
  void writesTheFilteredRowsThePerDeviceMinuteAveragesAndTheDeadLetters() throws IOException {
    Path input = Files.createDirectories(dir.resolve("in"));
    Path output = dir.resolve("out");
    Files.writeString(input.resolve("a.json"),
        reading("d1", 17, T0) + reading("d2", 3, T0 + 1_000) + "{\"device\": \"d3\", \"sig\n"
            + reading("d1", 14, T0 + 2_000));
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(input.resolve("b.json.gz")))) {
      gz.write((reading("d2", 20, T0 + 3_000) + reading("d1", 30, T0 + 60_000)).getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(input.resolve("ignored.txt"), "not a json file\n");

    assertEquals(0, run(input, output));

    assertEquals(List.of("{\"device\":\"d1\",\"signal\":17}", "{\"device\":\"d1\",\"signal\":30}",
        "{\"device\":\"d2\",\"signal\":20}"), OutputFiles.sortedLines(output, "filtered-"));
    // T0 is 40 s into a minute: d1 17 and 14 share [T0-40s, T0+20s), 30 falls in the next minute.
    long minute = T0 - 40_000;
    assertEquals(List.of(
            "{\"device\":\"d1\",\"windowStart\":" + minute + ",\"windowEnd\":" + (minute + 60_000) + ",\"average\":15.5}",
            "{\"device\":\"d1\",\"windowStart\":" + (minute + 60_000) + ",\"windowEnd\":" + (minute + 120_000)
                + ",\"average\":30.0}",
            "{\"device\":\"d2\",\"windowStart\":" + minute + ",\"windowEnd\":" + (minute + 60_000) + ",\"average\":11.5}"),
        OutputFiles.sortedLines(output, "averages-"));
    List<String> deadLetters = OutputFiles.sortedLines(output, "deadletters-");
    assertEquals(1, deadLetters.size(), deadLetters.toString());
    assertTrue(deadLetters.get(0).contains("\"file\":\"" + input.resolve("a.json") + "\"")
        && deadLetters.get(0).contains("\"lineNumber\":3"), deadLetters.get(0));
  }

  @Test
  void stopsByItselfWhenNoFileEverArrives() throws IOException {
    Path input = Files.createDirectories(dir.resolve("empty"));
    Path output = dir.resolve("out");

    assertEquals(0, run(input, output), "the run ends after the idle timeout with DONE");

    assertTrue(Files.notExists(output) || OutputFiles.sortedLines(output, "filtered-").isEmpty());
  }

  @Test
  void isListedByMain() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    assertTrue(out.toString(StandardCharsets.UTF_8).contains("StreamingJsonFilter"), out.toString());
  }
}
