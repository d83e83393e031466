package dev.weir.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.examples.bench.Bench;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One run as a child JVM executes it, called in this JVM. */
class ChildRunTest {
  /** A runner option like the streaming runners' {@code --checkpointDir}. */
  public interface CheckpointDirOptions extends PipelineOptions {
    @Description("Where a runner keeps its checkpoints")
    String getCheckpointDir();

    void setCheckpointDir(String value);
  }

  private static ChildRun.ChildOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(ChildRun.ChildOptions.class);
  }

  @Test
  void aThroughputRunReportsTheAnswerWithCpuTimeAndPeakHeap() throws IOException {
    RunResult result = ChildRun.run(options("--pipeline=W0", "--n=20000", "--runner=direct"), List.of());

    assertNull(result.error());
    assertEquals(Bench.reference("W0", 20_000), new Bench.Answer(result.rows(), result.checksum()));
    assertEquals("direct", result.runner());
    assertTrue(result.cpuSeconds() > 0, "CPU time " + result.cpuSeconds());
    assertTrue(result.peakHeapBytes() > 0, "peak heap " + result.peakHeapBytes());
    assertNull(result.latency());
  }

  @Test
  void aFailureBecomesTheResultsError() throws IOException {
    RunResult result = ChildRun.run(options("--pipeline=W9", "--n=10", "--runner=direct"), List.of());

    assertNotNull(result.error());
    assertTrue(result.error().contains("bench --workload=W9 is not a workload"), result.error());
  }

  @Test
  void aRunnerWithACheckpointDirOptionGetsAFreshOneThatIsDeletedAfterwards() throws IOException {
    PipelineOptionsFactory.register(CheckpointDirOptions.class);
    ChildRun.ChildOptions options = options("--pipeline=W0", "--n=100", "--runner=direct");

    ChildRun.run(options, List.of());

    String dir = options.as(CheckpointDirOptions.class).getCheckpointDir();
    assertNotNull(dir);
    assertTrue(Paths.get(dir).getFileName().toString().startsWith("weir-compare-checkpoints-"), dir);
    assertFalse(Files.exists(Paths.get(dir)), dir + " is deleted");
  }

  @Test
  void theRunnersFlagsAreThoseThatAreNotTheRunsOwn() {
    assertEquals(List.of("--parallelism=2", "--trigger=processingTime:1s"), ChildRun.runnerFlags(new String[] {
        "--resultFile=r.json", "--pipeline=L1", "--n=5", "--rate=10", "--seconds=1", "--runner=microbatch",
        "--parallelism=2", "--trigger=processingTime:1s"}));
  }
}
