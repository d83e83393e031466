package dev.weir.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void withoutArgumentsListsEveryExampleWithADescription() {
    assertEquals(0, run());

    String listing = out.toString(StandardCharsets.UTF_8);
    assertTrue(listing.matches("(?s).*\\n  WordCount +Counts the words of a text file.*"), listing);
    assertTrue(listing.matches("(?s).*\\n  WindowedWordCount +Counts words per fixed event-time window.*"), listing);
    assertTrue(listing.matches("(?s).*\\n  MinimalWordCount +WordCount in one chain of lambdas.*"), listing);
  }

  @Test
  void chaosIsListedAndItsFlagErrorsExitWithTwo() {
    assertEquals(0, run());
    assertTrue(out.toString(StandardCharsets.UTF_8).matches("(?s).*\\n  chaos +Kills the exactly-once demo pipeline.*"));

    assertEquals(2, run("chaos", "--runner=direct", "--kills=1"));

    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("Error: chaos --runner=direct: the DirectRunner keeps no checkpoint"), message);
  }

  @Test
  void anUnknownExampleFailsAndListsTheKnownOnes() {
    assertEquals(2, run("WordCont"));

    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("Unknown example 'WordCont'"), message);
    assertTrue(message.contains("WordCount"), message);
  }

  @Test
  void runsAnExampleByNameWithTheRemainingArguments() throws IOException {
    Path input = dir.resolve("in.txt");
    Files.writeString(input, "x y x\n");

    assertEquals(0, run("wordcount", "--inputFile=" + input, "--output=" + dir.resolve("counts")));

    assertEquals(List.of("x: 2", "y: 1"), OutputFiles.sortedLines(dir, "counts"));
  }

  @Test
  void aMissingRequiredFlagPrintsItsMessageAndExitsWithTwo() {
    assertEquals(2, run("WordCount"));

    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith("Error: Missing required option --output"), message);
  }

  @Test
  void aMissingInputFilePrintsThePathAndExitsWithTwo() {
    Path missing = dir.resolve("missing.txt");

    assertEquals(2, run("WordCount", "--inputFile=" + missing, "--output=" + dir.resolve("out")));

    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("no file matched the pattern '" + missing + "'"), message);
  }

  @Test
  void benchRunsByNameAndPrintsTheWorkloadLine() {
    assertEquals(0, run("bench", "--workload=W0", "--n=1000", "--verify"));

    String output = out.toString(StandardCharsets.UTF_8);
    assertTrue(output.matches("workload=W0 system=weir runner=direct n=1000 rows=\\d+ checksum=-?\\d+ seconds=\\S+"
        + " events_per_sec=\\d+\\Rverify=ok\\Rreference_loop_seconds=\\S+\\Rreference_loop_warm_seconds=\\S+\\R"), output);
  }

  @Test
  void benchWithAnUnknownWorkloadExitsWithTwo() {
    assertEquals(2, run("BENCH", "--workload=W7"));

    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith("Error: bench --workload=W7 is not a workload"), message);
  }

  @Test
  void listsTheLatencyAndCompareCommandsAndLeaderBoard() {
    assertEquals(0, run());

    String listing = out.toString(StandardCharsets.UTF_8);
    assertTrue(listing.matches("(?s).*\\n  latency +Runs a latency workload of WORKLOADS.md.*"), listing);
    assertTrue(listing.matches("(?s).*\\n  compare +Runs the same pipelines on every runner.*"), listing);
    assertTrue(listing.matches("(?s).*\\n  LeaderBoard +Beam's mobile-gaming LeaderBoard.*"), listing);
  }

  @Test
  void latencyWithAnUnknownWorkloadExitsWithTwo() {
    assertEquals(2, run("latency", "--workload=L7"));

    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith("Error: latency --workload=L7 is not a latency workload"), message);
  }

  @Test
  void compareWithAnUnknownRunnerExitsWithTwoNamingTheRunnersFound() {
    assertEquals(2, run("compare", "--runners=flink"));

    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith("Error: compare --runners names 'flink', which is not on the classpath;"
        + " runners found: direct"), message);
  }
}
