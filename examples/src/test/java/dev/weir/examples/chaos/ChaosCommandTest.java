package dev.weir.examples.chaos;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private String failure(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> Chaos.run(args,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
        .getMessage();
  }

  @Test
  void runsThePipelineInAChildJvmAndPrintsTheResultLine() {
    int status = Chaos.run(new String[] {"--runner=direct", "--kills=0", "--records=3000", "--keys=5", "--rate=0",
        "--workDir=" + dir.resolve("work")}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    assertEquals("runner=direct kills=0 records=3000 lost=0 duplicated=0 wrong=0\n",
        out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"), printed);
    assertEquals(0, status, printed);
  }

  @Test
  void needsARunner() {
    assertEquals("chaos needs --runner=MicroBatchRunner or --runner=ContinuousRunner", failure("--kills=1"));
  }

  @Test
  void refusesToKillTheDirectRunnerWhichCannotResume() {
    assertThat(failure("--runner=direct", "--kills=2"), containsString(
        "the DirectRunner keeps no checkpoint, so it cannot resume after a kill; use --runner=MicroBatchRunner"
            + " or --runner=ContinuousRunner, or --kills=0 for an uninterrupted run"));
  }

  @Test
  void namesAFlagWhoseValueIsNoNumber() {
    assertEquals("chaos --kills needs a whole number, got 'many'", failure("--runner=MicroBatchRunner", "--kills=many"));
  }

  @Test
  void namesAFlagOutOfRange() {
    assertEquals("chaos --maxKillDelayMillis must be from 500 to 9223372036854775807, got 100",
        failure("--runner=MicroBatchRunner", "--minKillDelayMillis=500", "--maxKillDelayMillis=100"));
  }

  @Test
  void refusesAWorkDirectoryThatHoldsSomething() throws IOException {
    Files.writeString(dir.resolve("old-checkpoint"), "x");

    assertThat(failure("--runner=MicroBatchRunner", "--workDir=" + dir), containsString(
        "is not empty; give a new or empty directory, since a checkpoint left there would be resumed"));
  }
}
