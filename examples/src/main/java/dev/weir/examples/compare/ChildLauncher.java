package dev.weir.examples.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Joiner;
import dev.weir.examples.compare.Compare.CompareOptions;
import dev.weir.sdk.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts each run of a comparison as a {@link ChildRun} in a new JVM with this JVM's classpath
 * (the command line of {@link ChildJvm}), waits for it, and reads its result. The child's output goes to {@code run-N.log} beside its
 * {@code run-N.json}; a child that fails, hangs past its time limit (then it is killed) or writes
 * no result gives a failed {@link RunResult} that quotes the end of its log. Used by one thread.
 */
final class ChildLauncher {
  /** How long a latency run may take beyond its own seconds: JVM start, the runner's start and drain. */
  private static final long LATENCY_GRACE_SECONDS = 90;
  /** How long a throughput run may take. */
  private static final long THROUGHPUT_LIMIT_SECONDS = 900;
  private static final long TICK_SECONDS = 2;

  private final Path runsDir;
  private final CompareOptions options;

  ChildLauncher(Path runsDir, CompareOptions options) {
    this.runsDir = runsDir;
    this.options = options;
  }

  /**
   * Runs {@code plan} in a child JVM and returns its result; calls {@code tick} every
   * {@value #TICK_SECONDS} seconds while it waits, so that the terminal shows the run is alive.
   */
  RunResult run(RunPlan plan, Runnable tick) {
    Path result = runsDir.resolve("run-" + plan.number() + ".json");
    Path log = runsDir.resolve("run-" + plan.number() + ".log");
    try {
      Files.createDirectories(runsDir);
      Files.deleteIfExists(result);
      Process child = new ProcessBuilder(command(plan, result)).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      long limit = plan.isLatency() ? 2 * options.getSeconds() + LATENCY_GRACE_SECONDS : THROUGHPUT_LIMIT_SECONDS;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limit);
      while (!child.waitFor(TICK_SECONDS, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
        tick.run();
      }
      if (child.isAlive()) {
        child.destroyForcibly().waitFor();
        return RunResult.failed(plan, "The run did not end within " + limit + " s and was killed. End of " + log
            + ":\n" + tail(log));
      }
      if (!Files.exists(result)) {
        return RunResult.failed(plan, "The run's JVM exited with status " + child.exitValue()
            + " and wrote no result. End of " + log + ":\n" + tail(log));
      }
      return new ObjectMapper().readValue(result.toFile(), RunResult.class);
    } catch (IOException e) {
      throw new UncheckedIOException("compare could not run or read run " + plan.number() + " in " + runsDir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("compare was interrupted while waiting for run " + plan.number(), e);
    }
  }

  private List<String> command(RunPlan plan, Path result) {
    List<String> args = new ArrayList<>(List.of(
        "--resultFile=" + result,
        "--pipeline=" + plan.pipeline(),
        "--n=" + options.getN(),
        "--rate=" + options.getRate(),
        "--seconds=" + options.getSeconds(),
        "--runner=" + plan.runner()));
    args.addAll(plan.flags());
    // The same command line as the testing API's child JVMs; the output goes to a log file here,
    // where a test keeps it in memory.
    return ChildJvm.of(ChildRun.class).withJvmFlags("-Xmx" + options.getHeap()).withArgs(args).command();
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return Joiner.on('\n').join(lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(the log could not be read: " + e.getMessage() + ")";
    }
  }
}
