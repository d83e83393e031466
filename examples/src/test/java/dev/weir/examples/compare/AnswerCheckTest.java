package dev.weir.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.examples.bench.Bench;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerCheckTest {
  private static RunResult run(String pipeline, String runner, long rows, long checksum) {
    return new RunResult(pipeline, runner, List.of(), null, 100, rows, checksum, 1, 1, 1, null);
  }

  @Test
  void aLatencyPipelineIsCheckedAgainstItsThroughputWorkloadsLoop() {
    List<RunResult> runs = List.of(run("W1", "direct", 3, 9), run("L1", "direct", 2, 8));

    Map<String, Bench.Answer> references = AnswerCheck.references(runs, (workload, n) ->
        workload.equals("W1") && n == 100 ? new Bench.Answer(3, 9) : new Bench.Answer(-1, -1));

    assertEquals(Map.of("W1", new Bench.Answer(3, 9), "L1", new Bench.Answer(3, 9)), references);
  }

  @Test
  void runsThatAllMatchTheLoopAreIdentical() {
    List<RunResult> runs = List.of(run("W1", "direct", 3, 9), run("W1", "microbatch", 3, 9));

    Map<String, String> verdicts = AnswerCheck.verdicts(runs, Map.of("W1", new Bench.Answer(3, 9)));

    assertEquals(Map.of("W1", "identical: all 2 runs gave rows=3 checksum=9, as the plain loop does"), verdicts);
  }

  @Test
  void aDifferentOrFailedRunIsNamedWithItsAnswer() {
    List<RunResult> runs = List.of(run("W1", "direct", 3, 9), run("W1", "microbatch", 3, 10),
        RunResult.failed(new RunPlan(3, "W1", "continuous", List.of("--bufferTimeout=0")), "boom"));

    Map<String, String> verdicts = AnswerCheck.verdicts(runs, Map.of("W1", new Bench.Answer(3, 9)));

    assertEquals("NOT identical: the plain loop gives rows=3 checksum=9; microbatch gave rows=3 checksum=10;"
        + " continuous --bufferTimeout=0 failed", verdicts.get("W1"));
  }
}
