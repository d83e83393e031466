package dev.weir.examples.chaos;

import org.junit.jupiter.api.Test;

/**
 * The micro-batch runner's crash test (issue 5): the demonstration pipeline in a child JVM, killed
 * with SIGKILL three times and restarted from its {@code --checkpointDir}, commits exactly the
 * output of an uninterrupted run, whether the kills come at random moments or right after a batch
 * has finished (while the next one is planned and logged).
 */
class MicroBatchCrashTest {
  @Test
  void outputIsExactlyOnceAfterThreeKillsAtRandomMoments() {
    RunnerCrashTests.assertExactlyOnceAfterKills("MicroBatchRunner", 5, "--parallelism=2");
  }

  @Test
  void outputIsExactlyOnceAfterThreeKillsRightAfterBatches() {
    // The runner prints one progress line per batch; each kill comes 0 to 100 ms after one of the
    // first 30 of its run.
    RunnerCrashTests.assertExactlyOnceAfterKills("MicroBatchRunner", 9, "--parallelism=2",
        "--killSignal=^\\[weir-microbatch\\] batch ", "--maxKillSignals=30", "--minKillDelayMillis=0",
        "--maxKillDelayMillis=100");
  }
}
