package dev.weir.examples.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.options.PipelineOptionsFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The latency command on the direct runner: its lines, its answers, and its errors. Timings are never asserted. */
class LatencyTest {
  private static final String FIRST_LINE = "workload=L[01] system=weir runner=direct rate=\\d+ sustained=\\d+"
      + " p50_ms=-?\\d+\\.\\d p99_ms=-?\\d+\\.\\d p999_ms=-?\\d+\\.\\d max_ms=-?\\d+\\.\\d rows=\\d+";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int latency(String... args) {
    return Latency.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static LatencySummary summary(double p50, double max) {
    return new LatencySummary(10, p50, max, max, max, new double[LatencySummary.QUANTILES.length]);
  }

  @Test
  void l0PrintsTheSpecsLineThenCommittedAndSourceLinesAndVerifies() {
    latency("--workload=L0", "--rate=20000", "--seconds=1", "--runner=direct", "--verify");

    String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
    assertEquals(4, lines.length, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    assertTrue(lines[0].matches(FIRST_LINE), lines[0]);
    assertTrue(lines[0].startsWith("workload=L0 system=weir runner=direct rate=20000 sustained="), lines[0]);
    assertTrue(lines[1].matches("committed p50_ms=\\S+ p99_ms=\\S+ p999_ms=\\S+ max_ms=\\S+ rows=\\d+"), lines[1]);
    assertTrue(lines[2].matches("source events=20000 max_lag_ms=\\S+ max_backlog_events=\\d+ kept_up=(true|false)"),
        lines[2]);
    assertEquals("verify=ok", lines[3]);
  }

  @Test
  void l1MeasuresTheWindowsThatAnEventClosedAndCountsEveryRow() {
    // 140,000 events reach event time 14 s: window [0, 10 s) closes at event 120,480, [10 s, 20 s) at the end.
    LatencyResult result = Latency.measure(PipelineOptionsFactory.create(), LatencyWorkload.L1, 70_000, 2);

    Bench.Answer reference = Bench.reference("W1", 140_000);
    assertEquals(reference, new Bench.Answer(result.rows(), result.checksum()));
    assertEquals(1024, result.received().count());
    assertEquals(1024, result.visible().count());
    assertEquals(result.rows() - 1024, result.unmeasuredRows());
    assertEquals(List.of(10_000L, 20_000L), result.panes().stream().map(LatencyResult.PaneEmission::windowEndMs).toList());
    assertTrue(result.panes().stream().allMatch(p -> p.timing().equals("ON_TIME") && p.rows() == 1024), result.panes().toString());
    assertTrue(result.finished());
  }

  @Test
  void theLinesCarryTheReceivedAndTheCommittedLatencies() {
    LatencyResult result = new LatencyResult("L0", "direct", 1000, 5000, 999.6, 12.0, true, 7, 1, summary(1.25, 9),
        summary(20, 40), 0, 0, List.of(), List.of());

    assertArrayEquals(new String[] {
        "workload=L0 system=weir runner=direct rate=1000 sustained=1000 p50_ms=1.3 p99_ms=9.0 p999_ms=9.0 max_ms=9.0 rows=7",
        "committed p50_ms=20.0 p99_ms=40.0 p999_ms=40.0 max_ms=40.0 rows=10",
        "source events=5000 max_lag_ms=12.0 max_backlog_events=12 kept_up=true"}, Latency.lines(result));
  }

  @Test
  void aRateNotSustainedIsReportedAsSuch() {
    LatencyResult result = new LatencyResult("L0", "direct", 1000, 5000, 600, 2500, true, 7, 1, summary(1, 9),
        summary(1, 9), 0, 0, List.of(), List.of());

    assertEquals(false, result.keptUp());
    assertEquals(2500, result.maxBacklogEvents());
    assertTrue(Latency.lines(result)[2].endsWith("max_backlog_events=2500 kept_up=false"));
  }

  @Test
  void anUnknownWorkloadNamesTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> latency("--workload=W1"));

    assertEquals("latency --workload=W1 is not a latency workload; use L0 or L1 (see WORKLOADS.md)", e.getMessage());
  }

  @Test
  void aMissingWorkloadAsksForOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> latency("--rate=10"));

    assertEquals("latency needs --workload=L0 or L1", e.getMessage());
  }

  @Test
  void aRateThatIsNotPositiveIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> latency("--workload=L0", "--rate=0"));

    assertEquals("latency --rate must be a positive number of events per second, got 0", e.getMessage());
  }
}
