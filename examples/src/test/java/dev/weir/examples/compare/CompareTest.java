package dev.weir.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole command on the direct runner, each run in a child JVM; figures are never asserted, answers are. */
class CompareTest {
  @TempDir Path dir;

  @Test
  void runsEachPipelineInAChildJvmChecksTheAnswersAndWritesTheReport() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = Compare.run(new String[] {"--pipeline=W1,L1", "--runners=direct", "--n=20000", "--rate=70000",
        "--seconds=2", "--out=" + dir}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    String terminal = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, terminal + err.toString(StandardCharsets.UTF_8));
    assertTrue(terminal.startsWith("compare: 2 runs (W1, L1 on direct), each in its own JVM (-Xmx512m)\n"), terminal);
    assertTrue(terminal.matches("(?s).*\\[1/2\\] W1 over 20000 events on direct \\.+ \\d+\\.\\d\\d s, .*"), terminal);
    assertTrue(terminal.matches("(?s).*\\[2/2\\] L1 at 70000 events/s for 2 s on direct \\.+ sustained .*"),
        terminal);
    assertTrue(terminal.contains("W1: identical: all 1 runs gave rows="), terminal);
    assertTrue(terminal.contains("L1: identical: all 1 runs gave rows="), terminal);
    assertTrue(terminal.endsWith("Report: " + dir.resolve("report.html") + "\n"), terminal);
    String report = Files.readString(dir.resolve("report.html"));
    assertTrue(report.contains("<h2>Throughput</h2>") && report.contains("<h2>Pane timeline</h2>"), report);
    assertTrue(Files.exists(dir.resolve("runs/run-1.json")) && Files.exists(dir.resolve("runs/run-2.log")));
  }
}
