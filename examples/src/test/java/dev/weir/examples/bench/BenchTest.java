package dev.weir.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.io.synthetic.Checksum;
import dev.weir.sdk.options.PipelineOptionsFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The workloads' pipelines against the reference loop, and the command's output and exit status. */
class BenchTest {
  private static final String LINE = "workload=W[0-3] system=weir runner=direct n=\\d+ rows=\\d+ checksum=-?\\d+"
      + " seconds=\\d+\\.\\d{3} events_per_sec=\\d+";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int bench(String... args) {
    return Bench.run(args, print(out), print(err));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource({"W0, 20000", "W1, 20000", "W2, 20000", "W3, 5000"})
  void pipelineGivesTheReferenceLoopsRowsAndChecksum(Workload workload, long n) {
    Bench.Answer pipeline = Bench.measure(PipelineOptionsFactory.create(), workload, n).answer();

    Bench.Answer reference = Bench.Answer.of(ReferenceLoop.checksum(workload, n));
    assertTrue(reference.rows() > 0, "the reference has rows");
    assertEquals(reference, pipeline);
  }

  @Test
  void printsTheSpecsLineVerifyOkAndThePlainLoopsTimesColdAndWarm() {
    assertEquals(0, bench("--workload=W1", "--n=20000", "--runner=direct", "--verify"));

    String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
    assertEquals(4, lines.length, out.toString(StandardCharsets.UTF_8));
    assertTrue(lines[0].matches(LINE), lines[0]);
    assertTrue(lines[0].startsWith("workload=W1 system=weir runner=direct n=20000 rows="), lines[0]);
    assertEquals("verify=ok", lines[1]);
    assertTrue(lines[2].matches("reference_loop_seconds=[0-9]+\\.[0-9]{3}"), lines[2]);
    assertTrue(lines[3].matches("reference_loop_warm_seconds=[0-9]+\\.[0-9]{3}"), lines[3]);
  }

  @Test
  void thePlainLoopRunsInAJvmOfItsOwnAndGivesTheReferenceAnswer() {
    ReferenceLoopJvm.Run run = ReferenceLoopJvm.run(Workload.W1, 20_000);

    assertEquals(Bench.Answer.of(ReferenceLoop.checksum(Workload.W1, 20_000)), run.answer());
    assertTrue(run.coldSeconds() > 0 && run.warmSeconds() > 0, run.toString());
  }

  @Test
  void aReferenceThatDiffersFailsVerifyWithStatusOneNamingTheDifference() {
    int status = Bench.run(new String[] {"--workload=W0", "--n=1000", "--verify"}, print(out), print(err),
        (workload, n) -> ReferenceLoop.checksum(workload, n).add(42));

    assertEquals(1, status);
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith("verify=failed for W0 at n=1000: rows differ (pipeline "), message);
    assertTrue(message.contains("; checksum differs (pipeline "), message);
    assertTrue(out.toString(StandardCharsets.UTF_8).matches(LINE + "\\R"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutVerifyTheReferenceIsNotConsulted() {
    assertEquals(0, Bench.run(new String[] {"--workload=W0", "--n=100"}, print(out), print(err),
        (workload, n) -> new Checksum().add(1)));

    assertTrue(out.toString(StandardCharsets.UTF_8).matches(LINE + "\\R"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownWorkloadNamesTheFlagAndTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bench("--workload=W9"));

    assertEquals("bench --workload=W9 is not a workload; use W0, W1, W2 or W3 (see WORKLOADS.md)", e.getMessage());
  }

  @Test
  void aMissingWorkloadAsksForOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bench("--n=10"));

    assertEquals("bench needs --workload=W0, W1, W2 or W3", e.getMessage());
  }

  @Test
  void aNegativeEventCountIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bench("--workload=W0", "--n=-1"));

    assertEquals("bench --n must be a number of events >= 0, got -1", e.getMessage());
  }

  @Test
  void anEmptyInputHasNoRowsAndChecksumZero() {
    assertEquals(0, bench("--workload=W3", "--n=0", "--verify"));

    assertTrue(out.toString(StandardCharsets.UTF_8).contains(" n=0 rows=0 checksum=0 "), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void defaultEventCountsFollowTheSpec() {
    assertEquals(10_000_000L, Workload.W0.defaultEvents());
    assertEquals(10_000_000L, Workload.W1.defaultEvents());
    assertEquals(10_000_000L, Workload.W2.defaultEvents());
    assertEquals(2_000_000L, Workload.W3.defaultEvents());
  }
}
