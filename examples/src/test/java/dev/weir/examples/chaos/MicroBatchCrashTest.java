package dev.weir.examples.chaos;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The micro-batch runner's crash test (issue 5): the demonstration pipeline in a child JVM, killed
 * with SIGKILL three times at random moments of its batch loop and restarted from its
 * {@code --checkpointDir}, commits exactly the output of an uninterrupted run.
 */
class MicroBatchCrashTest {
  @Test
  void outputIsExactlyOnceAfterThreeKills() {
    assumeTrue(RunnerCrashTests.registered("MicroBatchRunner"),
        "MicroBatchRunner is not on the examples' class path yet");
    RunnerCrashTests.assertExactlyOnceAfterKills("MicroBatchRunner", 5, "--parallelism=2");
  }
}
