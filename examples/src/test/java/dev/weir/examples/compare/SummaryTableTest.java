package dev.weir.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
  @Test
  void theFirstColumnIsAsWideAsTheLongestSettingAndFailedRunsSaySo() {
    RunResult run = new RunResult("W1", "continuous", List.of("--parallelism=2", "--bufferTimeout=100"), null,
        1_000_000, 10240, 7, 2, 3.5, 200L << 20, null);
    RunResult failed = RunResult.failed(new RunPlan(2, "W1", "direct", List.of()), "boom");

    String[] lines = SummaryTable.of(List.of(run, failed)).split("\n");

    assertEquals("runner and setting                             pipe       rows   events/s    p50 ms    p99 ms"
        + "   vis p99   CPU s  heap MB", lines[0]);
    assertEquals("continuous --parallelism=2 --bufferTimeout=100 W1        10240     500000         -         -"
        + "         -    3.50      200", lines[1]);
    assertEquals("direct                                         W1   FAILED", lines[2]);
  }

  @Test
  void aFailedRunsProgressLineQuotesTheFirstLineOfItsError() {
    RunResult failed = RunResult.failed(new RunPlan(2, "W1", "direct", List.of()), "OutOfMemoryError\n\tat x");

    assertEquals("FAILED: OutOfMemoryError", SummaryTable.brief(failed));
  }
}
