package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashTesterTest {
  private static final Pattern RESUMING = Pattern.compile("^resuming at (\\d+)$");

  @TempDir Path dir;

  private ChildJvm.Spec appender(long lines, long linesPerSecond) {
    return ChildJvm.of(CrashSafeAppender.class).withMaxHeap("64m").withArgs(
        dir.resolve("out").toString(), dir.resolve("progress").toString(), "" + lines, "" + linesPerSecond);
  }

  @Test
  void killsAtSignalledLinesRestartsAndTheCrashSafeChildResumes() throws IOException {
    CrashTester.Result result = CrashTester.of(appender(400, 200))
        .withKills(3)
        .withSeed(7)
        .withKillSignal(Pattern.compile("^wrote "), 20)
        .withKillDelay(Duration.ZERO, Duration.millis(50))
        .run();

    assertEquals(3, result.kills());
    assertEquals(4, result.runs().size());
    for (CrashTester.Run run : result.runs().subList(0, 3)) {
      assertTrue(run.killed());
      assertEquals(128 + 9, run.exitStatus(), "SIGKILL's status");
    }
    assertEquals(0, result.runs().get(3).exitStatus());
    assertResumedFurtherEachTime(result, 400);
    assertEquals(expectedLines(400), Files.readAllLines(dir.resolve("out")));
  }

  @Test
  void killsAtRandomMomentsAfterTheStart() throws IOException {
    CrashTester.Result result = CrashTester.of(appender(600, 400))
        .withKills(3)
        .withSeed(11)
        .withKillDelay(Duration.millis(100), Duration.millis(300))
        .run();

    assertEquals(3, result.kills());
    assertEquals(expectedLines(600), Files.readAllLines(dir.resolve("out")));
  }

  @Test
  void callsTheObserverAfterEachRunBeforeTheNextStarts() throws IOException {
    List<String> seen = new ArrayList<>();
    Path output = dir.resolve("out");

    CrashTester.of(appender(300, 300))
        .withKills(2)
        .withKillSignal(Pattern.compile("^wrote "), 10)
        .withKillDelay(Duration.ZERO, Duration.millis(20))
        .withAfterEachRun(run -> seen.add((run.killed() ? "killed" : "finished") + " with " + lineCount(output)))
        .run();

    assertEquals(3, seen.size(), seen.toString());
    assertTrue(seen.get(0).startsWith("killed with ") && seen.get(1).startsWith("killed with "), seen.toString());
    assertEquals("finished with 300", seen.get(2));
  }

  @Test
  void withoutKillsRunsTheChildOnce() throws IOException {
    CrashTester.Result result = CrashTester.of(appender(5, 1000)).withKills(0).run();

    assertEquals(1, result.runs().size());
    assertEquals(0, result.kills());
    assertThat(result.output(), hasItem("done"));
    assertEquals(expectedLines(5), Files.readAllLines(dir.resolve("out")));
  }

  @Test
  void thePlanDependsOnlyOnTheSeedAndSettings() {
    CrashTester tester = CrashTester.of(appender(1, 1)).withKills(5)
        .withKillSignal(Pattern.compile("x"), 4).withKillDelay(Duration.millis(10), Duration.millis(20));

    assertEquals(tester.withSeed(3).plan().toString(), tester.withSeed(3).plan().toString());
    assertNotEquals(tester.withSeed(3).plan().toString(), tester.withSeed(4).plan().toString());
    for (CrashTester.KillMoment moment : tester.withSeed(3).plan()) {
      assertTrue(moment.signalCount() >= 1 && moment.signalCount() <= 4, moment.toString());
      assertTrue(moment.delay().getMillis() >= 10 && moment.delay().getMillis() <= 20, moment.toString());
    }
  }

  @Test
  void aChildThatFinishesBeforeAllKillsFailsTheTest() {
    CrashTester tester = CrashTester.of(appender(3, 1000)).withKills(2)
        .withKillSignal(Pattern.compile("^never printed$"), 1);

    AssertionError error = assertThrows(AssertionError.class, tester::run);

    assertThat(error.getMessage(), containsString("run 1 finished normally before its kill moment"));
    assertThat(error.getMessage(), containsString("only 0 of 2 kills were made"));
    assertThat(error.getMessage(), containsString("done"));
  }

  @Test
  void aFailingChildFailsTheTestWithItsOutput() {
    CrashTester tester = CrashTester.of(ChildJvm.of(MisbehavingChild.class).withArgs("fail", "disk full"))
        .withKills(0);

    AssertionError error = assertThrows(AssertionError.class, tester::run);

    assertThat(error.getMessage(), containsString("run 1 (after the last kill) exited with status 3"));
    assertThat(error.getMessage(), containsString("boom: disk full"));
  }

  @Test
  void aHungChildFailsTheTestWithItsOutputAndIsKilled() {
    CrashTester tester = CrashTester.of(ChildJvm.of(MisbehavingChild.class).withArgs("hang"))
        .withKills(0).withTimeoutPerRun(Duration.standardSeconds(3));

    AssertionError error = assertThrows(AssertionError.class, tester::run);

    assertThat(error.getMessage(), containsString("did not exit within 3000 ms; it was killed"));
    Matcher pid = Pattern.compile("hanging pid=(\\d+)").matcher(error.getMessage());
    assertTrue(pid.find(), error.getMessage());
    assertFalse(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false));
  }

  @Test
  void aChildThatNeverSignalsFailsWithinTheTimeout() {
    CrashTester tester = CrashTester.of(ChildJvm.of(MisbehavingChild.class).withArgs("hang"))
        .withKills(1).withKillSignal(Pattern.compile("^ready$"), 1).withTimeoutPerRun(Duration.standardSeconds(3));

    AssertionError error = assertThrows(AssertionError.class, tester::run);

    assertThat(error.getMessage(), containsString("run 1 did not print its kill signal in time"));
    assertThat(error.getMessage(), containsString("hanging pid="));
  }

  @Test
  void rejectsInvalidSettingsNamingTheSetting() {
    CrashTester tester = CrashTester.of(appender(1, 1));

    assertThat(assertThrows(IllegalArgumentException.class, () -> tester.withKills(-1)).getMessage(),
        containsString("CrashTester.withKills(kills) needs kills >= 0, got -1"));
    assertThat(assertThrows(IllegalArgumentException.class,
            () -> tester.withKillDelay(Duration.millis(5), Duration.millis(1))).getMessage(),
        containsString("CrashTester.withKillDelay(min, max) needs 0 <= min <= max"));
    assertThat(assertThrows(IllegalArgumentException.class,
            () -> tester.withKillSignal(Pattern.compile("x"), 0)).getMessage(),
        containsString("needs maxCount >= 1, got 0"));
  }

  /** Each run after the first found the progress of the one before, strictly further on and short of the end. */
  private static void assertResumedFurtherEachTime(CrashTester.Result result, long lines) {
    List<Long> resumedAt = new ArrayList<>();
    for (CrashTester.Run run : result.runs().subList(1, result.runs().size())) {
      long at = run.output().stream().map(RESUMING::matcher).filter(Matcher::matches)
          .mapToLong(m -> Long.parseLong(m.group(1))).findFirst()
          .orElseThrow(() -> new AssertionError(run + " did not resume: " + run.output()));
      resumedAt.add(at);
    }
    for (int i = 0; i < resumedAt.size(); i++) {
      long previous = i == 0 ? 0 : resumedAt.get(i - 1);
      assertTrue(resumedAt.get(i) >= previous && resumedAt.get(i) < lines, "resumed at " + resumedAt);
    }
    assertTrue(resumedAt.get(0) > 0, "the first kill came after some lines were written: " + resumedAt);
  }

  private static long lineCount(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> expectedLines(long n) {
    return LongStream.range(0, n).mapToObj(i -> "line " + i).collect(Collectors.toList());
  }
}
