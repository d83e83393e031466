package dev.weir.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparePlanTest {
  @Test
  void pipelinesAreACommaSeparatedListInAnyCase() {
    assertEquals(List.of("W1", "L1", "W3"), Compare.pipelines("w1, L1,W3"));
  }

  @Test
  void anUnknownPipelineNamesTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Compare.pipelines("W1,L2"));

    assertEquals("compare --pipeline names 'L2'; use W0, W1, W2, W3 (throughput) or L0, L1 (latency),"
        + " comma-separated", e.getMessage());
  }

  @Test
  void eachPipelineRunsOnEverySettingNumberedFromOne() {
    List<RunPlan> plans = Compare.plan(List.of("W1", "L1"),
        List.of(Map.entry("direct", List.of()), Map.entry("microbatch", List.of("--trigger=processingTime:1s"))));

    assertEquals(List.of(
        new RunPlan(1, "W1", "direct", List.of()),
        new RunPlan(2, "W1", "microbatch", List.of("--trigger=processingTime:1s")),
        new RunPlan(3, "L1", "direct", List.of()),
        new RunPlan(4, "L1", "microbatch", List.of("--trigger=processingTime:1s"))), plans);
    assertEquals("microbatch --trigger=processingTime:1s", plans.get(3).setting());
  }
}
