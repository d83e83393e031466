package dev.weir.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerSettingsTest {
  private static final List<String> ALL = List.of("direct", "microbatch", "continuous");

  @Test
  void findsTheDirectRunnerOnTheClasspathFirst() {
    List<String> available = RunnerSettings.available();

    assertEquals("direct", available.get(0), available.toString());
  }

  @Test
  void byDefaultEveryAvailableRunnerRunsAtItsPresets() {
    List<Map.Entry<String, List<String>>> settings = RunnerSettings.resolve(null, ALL);

    assertEquals(List.of(
        Map.entry("direct", List.of()),
        Map.entry("microbatch", List.of("--parallelism=2", "--trigger=processingTime:100ms")),
        Map.entry("microbatch", List.of("--parallelism=2", "--trigger=processingTime:1s")),
        Map.entry("continuous", List.of("--parallelism=2", "--bufferTimeout=0")),
        Map.entry("continuous", List.of("--parallelism=2", "--bufferTimeout=100"))), settings);
  }

  @Test
  void onlyTheRunnersPresentAreCompared() {
    assertEquals(List.of(Map.entry("direct", List.of())), RunnerSettings.resolve(null, List.of("direct")));
  }

  @Test
  void anEntryWithFlagsIsOneSettingAndNamesMayBeLongOrShort() {
    List<Map.Entry<String, List<String>>> settings =
        RunnerSettings.resolve("DirectRunner, microbatch(--trigger=processingTime:200ms  --parallelism=1)", ALL);

    assertEquals(List.of(
        Map.entry("direct", List.of()),
        Map.entry("microbatch", List.of("--trigger=processingTime:200ms", "--parallelism=1"))), settings);
  }

  @Test
  void aRunnerNotOnTheClasspathIsNamedWithThoseThatAre() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunnerSettings.resolve("direct,flink", List.of("direct")));

    assertEquals("compare --runners names 'flink', which is not on the classpath; runners found: direct",
        e.getMessage());
  }

  @Test
  void somethingThatIsNotAFlagIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunnerSettings.resolve("direct(fast)", ALL));

    assertEquals("compare --runners entry 'direct(fast)': 'fast' is not a flag; write --name=value", e.getMessage());
  }

  @Test
  void unbalancedParenthesesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunnerSettings.resolve("direct(--targetParallelism=1", ALL));

    assertTrue(e.getMessage().startsWith("compare --runners=direct(--targetParallelism=1 has unbalanced parentheses"),
        e.getMessage());
  }

  @Test
  void shortNamesDropTheRunnerSuffix() {
    assertEquals("microbatch", RunnerSettings.shortName("MicroBatchRunner"));
    assertEquals("continuous", RunnerSettings.shortName("continuous"));
    assertEquals("runner", RunnerSettings.shortName("Runner"));
  }
}
