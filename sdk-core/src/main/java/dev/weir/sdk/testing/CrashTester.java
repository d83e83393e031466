package dev.weir.sdk.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.joda.time.Duration;

/**
 * Crash-tests a program: runs its main class in a child JVM, kills it with {@code SIGKILL} at
 * moments chosen from a seed, starts it again with the same arguments, and repeats until it has
 * been killed {@code K} times and then exits normally. The program is expected to resume from its
 * own durable progress each time (a pipeline from its {@code --checkpointDir}); whether its final
 * output is right is for the caller to check afterwards, against an uninterrupted run.
 *
 * <pre>{@code
 * CrashTester.Result result = CrashTester.of(ChildJvm.of(MyJob.class).withArgs(args).withMaxHeap("256m"))
 *     .withKills(3)
 *     .withSeed(42)
 *     .withKillSignal(Pattern.compile("^running"), 1) // delays count from this line of each run
 *     .withKillDelay(Duration.millis(200), Duration.millis(2000))
 *     .run();
 * // now compare the job's output with an uninterrupted run
 * }</pre>
 *
 * <p><b>Kill moments</b> ({@link #plan()}): run {@code k} (from 0) of the first {@code K} is
 * killed a delay after it started, chosen uniformly from the {@link #withKillDelay} range by a
 * {@link Random} seeded with {@link #withSeed}. With {@link #withKillSignal}, the delay counts
 * from a line the child prints instead: the {@code n}-th line matching the signal pattern in that
 * run, {@code n} chosen uniformly from {@code 1..maxCount}, so kills can be placed at moments the
 * child announces (a batch starting, a checkpoint being written). The same seed and settings give
 * the same plan, which failure messages print, so a failure can be repeated.
 *
 * <p><b>Failures</b>, each an {@link AssertionError} with the plan, the runs so far and the last
 * lines of the child's output: a run exits with a non-zero status; a run exits normally before
 * all {@code K} kills were made (the child's work is shorter than the kill moments: give it more,
 * or kill earlier); a run does not reach its kill moment, signal or end within
 * {@link #withTimeoutPerRun}. No child process or output thread is left behind, whatever the
 * outcome.
 *
 * <p>Immutable; {@code with*} methods return copies. {@link #run} blocks the calling thread.
 */
public final class CrashTester {
  private final ChildJvm.Spec child;
  private final int kills;
  private final long seed;
  private final Duration minDelay;
  private final Duration maxDelay;
  private final Optional<Pattern> signal;
  private final int maxSignalCount;
  private final Duration timeoutPerRun;
  private final Consumer<Run> afterEachRun;

  private CrashTester(ChildJvm.Spec child, int kills, long seed, Duration minDelay, Duration maxDelay,
      Optional<Pattern> signal, int maxSignalCount, Duration timeoutPerRun, Consumer<Run> afterEachRun) {
    this.child = child;
    this.kills = kills;
    this.seed = seed;
    this.minDelay = minDelay;
    this.maxDelay = maxDelay;
    this.signal = signal;
    this.maxSignalCount = maxSignalCount;
    this.timeoutPerRun = timeoutPerRun;
    this.afterEachRun = afterEachRun;
  }

  /**
   * Crash-tests {@code child}: by default 3 kills, seed 0, each between 0.1 and 1 s after its run
   * started, and 2 minutes per run at most.
   */
  public static CrashTester of(ChildJvm.Spec child) {
    return new CrashTester(checkNotNull(child, "child"), 3, 0, Duration.millis(100), Duration.millis(1000),
        Optional.empty(), 1, Duration.standardMinutes(2), run -> {});
  }

  /** A copy that kills the child {@code kills} times before letting it finish; 0 runs it once. */
  public CrashTester withKills(int kills) {
    checkArgument(kills >= 0, "CrashTester.withKills(kills) needs kills >= 0, got %s", kills);
    return new CrashTester(child, kills, seed, minDelay, maxDelay, signal, maxSignalCount, timeoutPerRun, afterEachRun);
  }

  /** A copy whose kill moments are drawn with {@code seed}. */
  public CrashTester withSeed(long seed) {
    return new CrashTester(child, kills, seed, minDelay, maxDelay, signal, maxSignalCount, timeoutPerRun, afterEachRun);
  }

  /** A copy that kills each run a delay from {@code min} to {@code max} (inclusive) after it started or signalled. */
  public CrashTester withKillDelay(Duration min, Duration max) {
    checkArgument(min != null && max != null && min.getMillis() >= 0 && min.getMillis() <= max.getMillis(),
        "CrashTester.withKillDelay(min, max) needs 0 <= min <= max, got %s and %s", min, max);
    return new CrashTester(child, kills, seed, min, max, signal, maxSignalCount, timeoutPerRun, afterEachRun);
  }

  /**
   * A copy that counts each kill delay from a line the child prints: the {@code n}-th line of the
   * run in which {@code pattern} is found, {@code n} drawn from {@code 1..maxCount}.
   */
  public CrashTester withKillSignal(Pattern pattern, int maxCount) {
    checkNotNull(pattern, "pattern");
    checkArgument(maxCount >= 1, "CrashTester.withKillSignal(pattern, maxCount) needs maxCount >= 1, got %s",
        maxCount);
    return new CrashTester(child, kills, seed, minDelay, maxDelay, Optional.of(pattern), maxCount, timeoutPerRun, afterEachRun);
  }

  /**
   * A copy in which each run must reach its kill moment (its signal, then its delay) or, the last
   * one, exit, within {@code timeout}; a run that does not fails the test and is killed.
   */
  public CrashTester withTimeoutPerRun(Duration timeout) {
    checkArgument(timeout != null && timeout.getMillis() > 0,
        "CrashTester.withTimeoutPerRun(timeout) needs a positive timeout, got %s", timeout);
    return new CrashTester(child, kills, seed, minDelay, maxDelay, signal, maxSignalCount, timeout, afterEachRun);
  }

  /**
   * A copy that calls {@code observer} after each run that ends as planned (killed, or the last one
   * finished), before the next run starts, on the thread that called {@link #run}: the moment to
   * look at what the child left behind after each crash. An exception it throws ends the test.
   */
  public CrashTester withAfterEachRun(Consumer<Run> observer) {
    checkNotNull(observer, "observer");
    return new CrashTester(child, kills, seed, minDelay, maxDelay, signal, maxSignalCount, timeoutPerRun, observer);
  }

  /** When each of the {@code K} kills happens; the same for the same seed and settings. */
  public List<KillMoment> plan() {
    Random random = new Random(seed);
    ImmutableList.Builder<KillMoment> moments = ImmutableList.builder();
    for (int k = 0; k < kills; k++) {
      int signalCount = signal.isPresent() ? 1 + random.nextInt(maxSignalCount) : 0;
      long span = maxDelay.getMillis() - minDelay.getMillis();
      long delay = minDelay.getMillis() + (long) Math.floor(random.nextDouble() * (span + 1));
      moments.add(new KillMoment(signal, signalCount, Duration.millis(Math.min(delay, maxDelay.getMillis()))));
    }
    return moments.build();
  }

  /**
   * Runs the child, kills it as {@link #plan()} says, restarts it after each kill, and returns once
   * a run after the last kill exits with status 0.
   *
   * @throws AssertionError as the class comment lists, with the child's output
   */
  public Result run() {
    List<KillMoment> plan = plan();
    List<Run> runs = new ArrayList<>();
    for (KillMoment moment : plan) {
      Run killed = runUntilKilled(moment, runs, plan);
      runs.add(killed);
      afterEachRun.accept(killed);
    }
    try (ChildJvm jvm = child.start()) {
      int status = jvm.awaitExit(timeoutPerRun);
      runs.add(new Run(runs.size(), Optional.empty(), false, status, jvm.output()));
      if (status != 0) {
        throw failure("run " + runs.size() + " (after the last kill) exited with status " + status, plan, runs, jvm);
      }
    }
    afterEachRun.accept(runs.get(runs.size() - 1));
    return new Result(runs);
  }

  private Run runUntilKilled(KillMoment moment, List<Run> runsSoFar, List<KillMoment> plan) {
    int number = runsSoFar.size();
    try (ChildJvm jvm = child.start()) {
      long started = System.nanoTime();
      OptionalInt exited = OptionalInt.empty();
      if (moment.signal().isPresent()) {
        Pattern pattern = moment.signal().get();
        try {
          if (jvm.awaitLine(line -> pattern.matcher(line).find(), moment.signalCount(), timeoutPerRun).isEmpty()) {
            exited = OptionalInt.of(jvm.awaitExit(timeoutPerRun));
          }
        } catch (AssertionError timedOut) {
          // The child's output is appended once, by failure(); the wait's own message repeats it.
          throw failure("run " + (number + 1) + " did not print its kill signal in time (line "
              + moment.signalCount() + " matching /" + pattern + "/ or its exit, within " + timeoutPerRun.getMillis()
              + " ms)", plan, runsSoFar, jvm);
        }
      }
      if (exited.isEmpty()) {
        long waited = (System.nanoTime() - started) / 1_000_000;
        if (waited + moment.delay().getMillis() > timeoutPerRun.getMillis()) {
          throw failure("run " + (number + 1) + " cannot reach its kill moment (" + moment
              + ") within the timeout per run of " + timeoutPerRun.getMillis() + " ms", plan, runsSoFar, jvm);
        }
        exited = jvm.exitWithin(moment.delay());
      }
      if (exited.isPresent()) {
        List<Run> runs = new ArrayList<>(runsSoFar);
        runs.add(new Run(number, Optional.of(moment), false, exited.getAsInt(), jvm.output()));
        String how = exited.getAsInt() == 0
            ? "finished normally before its kill moment (" + moment + "), so only " + number + " of " + plan.size()
                + " kills were made; give the child more work or kill it earlier"
            : "exited with status " + exited.getAsInt() + " before its kill moment (" + moment + ")";
        throw failure("run " + (number + 1) + " " + how, plan, runs, jvm);
      }
      int status = jvm.kill();
      return new Run(number, Optional.of(moment), true, status, jvm.output());
    }
  }

  private AssertionError failure(String what, List<KillMoment> plan, List<Run> runs, ChildJvm jvm) {
    StringBuilder message = new StringBuilder("Crash test of ").append(child.mainClass()).append(" failed: ")
        .append(what).append("\nargs: ").append(String.join(" ", child.args()))
        .append("\nseed ").append(seed).append(", plan: ").append(plan);
    for (Run run : runs) {
      message.append("\n  ").append(run);
    }
    return new AssertionError(message.append(jvm.describeOutput()).toString());
  }

  /**
   * When a run is killed.
   *
   * @param signal the pattern of the line the delay counts from; empty: from the run's start
   * @param signalCount which matching line (from 1) the delay counts from; 0 without a signal
   * @param delay how long after the start or signal the kill comes
   */
  public record KillMoment(Optional<Pattern> signal, int signalCount, Duration delay) {
    @Override
    public String toString() {
      return delay.getMillis() + " ms after "
          + signal.map(p -> "line " + signalCount + " matching /" + p + "/").orElse("the start");
    }
  }

  /**
   * One run of the child.
   *
   * @param number which run, from 0
   * @param killMoment when it was to be killed; empty for the last run
   * @param killed whether it was killed
   * @param exitStatus its exit status (137 when killed with {@code SIGKILL} on Unix)
   * @param output its output lines (the last {@value ChildJvm#KEPT_LINES})
   */
  public record Run(int number, Optional<KillMoment> killMoment, boolean killed, int exitStatus,
      List<String> output) {
    public Run {
      output = ImmutableList.copyOf(output);
    }

    @Override
    public String toString() {
      return "run " + (number + 1) + ": " + (killed ? "killed " + killMoment.get() : "exited")
          + ", status " + exitStatus;
    }
  }

  /**
   * What a crash test did: every run in order, the last one being the run that finished.
   *
   * @param runs the runs, in order
   */
  public record Result(List<Run> runs) {
    public Result {
      runs = ImmutableList.copyOf(runs);
    }

    /** How many runs were killed. */
    public int kills() {
      return (int) runs.stream().filter(Run::killed).count();
    }

    /** The output of every run, each preceded by a line naming the run. */
    public List<String> output() {
      List<String> lines = new ArrayList<>();
      for (Run run : runs) {
        lines.add("=== " + run);
        lines.addAll(run.output());
      }
      return lines;
    }
  }
}
