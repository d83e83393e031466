package dev.weir.examples.chaos;

import org.junit.jupiter.api.Test;

/**
 * The continuous runner's crash test (issue 6): the demonstration pipeline in a child JVM, killed
 * with SIGKILL three times at random moments, between and during barrier checkpoints, and
 * restarted from its {@code --checkpointDir}, commits exactly the output of an uninterrupted run.
 */
class ContinuousCrashTest {
  @Test
  void outputIsExactlyOnceAfterThreeKills() {
    // Checkpoints every 300 ms, so that kills fall before, during and after several of them.
    RunnerCrashTests.assertExactlyOnceAfterKills("ContinuousRunner", 6, "--parallelism=2", "--checkpointInterval=300");
  }
}
