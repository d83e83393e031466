package dev.weir.examples.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code chaos} on a streaming runner in a test: the pipeline in a child JVM, killed three
 * times, and its committed output checked. Sized so that the kills land while the pipeline still
 * has work (records / rate = 20 s of input, kills at most about 1.5 s after each start signal).
 */
final class RunnerCrashTests {
  static final long RECORDS = 20_000;
  static final long RATE = 1_000;
  static final int KILLS = 3;

  private RunnerCrashTests() {}

  /**
   * Runs {@code chaos} on {@code runner} with {@code seed} and {@code runnerFlags}, and asserts its
   * result line says nothing was lost, duplicated or wrong, and that some kill came while part of
   * the output was committed (so a restart from scratch would have duplicated it). The failure
   * message holds everything the command printed: the problems by key and sequence number, the
   * runs and kill moments, the child's output.
   */
  static void assertExactlyOnceAfterKills(String runner, long seed, String... runnerFlags) {
    List<String> args = new ArrayList<>(List.of("--runner=" + runner, "--kills=" + KILLS, "--seed=" + seed,
        "--records=" + RECORDS, "--keys=16", "--rate=" + RATE, "--minKillDelayMillis=200",
        "--maxKillDelayMillis=1500", "--timeoutSeconds=90"));
    args.addAll(List.of(runnerFlags));
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    Chaos.Outcome outcome = Chaos.crashTest(args.toArray(new String[0]),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    String printed = err.toString(StandardCharsets.UTF_8) + "\n" + String.join("\n", outcome.report().problems());
    assertEquals("runner=" + runner + " kills=" + KILLS + " records=" + RECORDS + " lost=0 duplicated=0 wrong=0",
        outcome.line(), printed);
    assertTrue(outcome.recoveryTested(), "no kill came while part of the output was committed:\n" + printed);
  }
}
