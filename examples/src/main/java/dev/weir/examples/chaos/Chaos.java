package dev.weir.examples.chaos;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.testing.ChildJvm;
import dev.weir.sdk.testing.CrashTester;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.joda.time.Duration;

/**
 * The {@code chaos} command: runs the exactly-once demonstration pipeline ({@link ChaosPipeline})
 * in a child JVM on a streaming runner, kills it with {@code SIGKILL} {@code --kills} times at
 * moments drawn from {@code --seed}, restarts it from its checkpoint each time, and checks the
 * committed output against an uninterrupted run ({@link ChaosChecker}).
 *
 * <pre>
 * java -jar weir-examples.jar chaos --runner=MicroBatchRunner --kills=3 [--seed=42] [--records=45000]
 *     [--keys=16] [--rate=1500] [--minKillDelayMillis=500] [--maxKillDelayMillis=3000]
 *     [--killSignal=REGEX] [--maxKillSignals=1] [--timeoutSeconds=180] [--workDir=DIR]
 *     [runner flags such as --parallelism=2]
 * </pre>
 *
 * <p>Prints exactly {@code runner=R kills=K records=N lost=0 duplicated=0 wrong=0} on standard
 * output, then each problem found and the runs on standard error. Exit status: 0 when nothing was
 * lost, duplicated or wrong; 1 otherwise, or when a run of the child failed (its output is shown);
 * 2 for invalid flags. Each kill comes a delay after the child printed {@value ChaosPipeline#RUNNING},
 * or, with {@code --killSignal}, after the {@code n}-th line of the run matching that regular
 * expression ({@code n} drawn from {@code 1..--maxKillSignals}), such as a runner's progress line
 * for a batch or a checkpoint.
 * The work directory (checkpoints under {@code checkpoints/}, output under {@code output/}) is a
 * new temporary one by default, deleted after a clean check and kept otherwise; a given
 * {@code --workDir} must not exist yet or be empty, and is kept. Flags not listed here go to the
 * child's pipeline, so runner flags work as usual.
 */
public final class Chaos {
  private static final Map<String, String> DEFAULTS = new TreeMap<>(Map.of(
      "kills", "3", "records", "45000", "keys", "16", "rate", "1500",
      "minKillDelayMillis", "500", "maxKillDelayMillis", "3000", "timeoutSeconds", "180",
      "killSignal", "^" + Pattern.quote(ChaosPipeline.RUNNING) + "$", "maxKillSignals", "1"));

  private Chaos() {}

  /**
   * Runs {@code chaos} with {@code args}; returns the exit status.
   *
   * @throws IllegalArgumentException for a missing runner or an invalid flag value, naming the flag
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Outcome outcome;
    try {
      outcome = crashTest(args, err);
    } catch (AssertionError failed) {
      err.println(failed.getMessage());
      return 1;
    }
    out.println(outcome.line());
    outcome.report().problems().forEach(problem -> err.println("chaos: " + problem));
    if (!outcome.recoveryTested() && outcome.result().kills() > 0) {
      err.println("chaos: warning: no kill came while part of the output was committed, so restarting from"
          + " committed progress was not tested; give more --records or a lower --rate");
    }
    if (!outcome.report().isExactlyOnce()) {
      err.println("chaos: the work directory is kept: " + outcome.workDir());
      return 1;
    }
    return 0;
  }

  /**
   * What one {@code chaos} run found.
   *
   * @param line the result line
   * @param report what the checker found in the committed output
   * @param result the child's runs
   * @param committedAfterRun how many lines were committed when each run had ended
   * @param workDir the work directory (deleted if it was temporary and the output was right)
   */
  record Outcome(String line, ChaosChecker.Report report, CrashTester.Result result, List<Long> committedAfterRun,
      Path workDir) {
    /** Whether some kill came while part, but not all, of the output was committed. */
    boolean recoveryTested() {
      for (int run = 0; run < result.runs().size(); run++) {
        long committed = committedAfterRun.get(run);
        if (result.runs().get(run).killed() && committed > 0 && committed < report.records()) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Runs the crash test that {@code args} describe and checks the output, printing progress to
   * {@code err}.
   *
   * @throws AssertionError if a run of the child failed, hung or finished before all kills
   */
  static Outcome crashTest(String[] args, PrintStream err) {
    Flags flags = Flags.parse(args);
    checkArgument(flags.runner != null, "chaos needs --runner=MicroBatchRunner or --runner=ContinuousRunner");
    boolean direct = flags.runner.toLowerCase(Locale.ROOT).startsWith("direct");
    checkArgument(!direct || flags.kills == 0,
        "chaos --runner=%s: the DirectRunner keeps no checkpoint, so it cannot resume after a kill; use"
            + " --runner=MicroBatchRunner or --runner=ContinuousRunner, or --kills=0 for an uninterrupted run",
        flags.runner);
    Path work = flags.workDir();
    Path output = work.resolve("output").resolve("records");
    List<Long> committed = new ArrayList<>();
    CrashTester tester = tester(flags, child(flags, direct, work, output)).withAfterEachRun(run -> {
      committed.add(ChaosChecker.committedLines(output));
      err.println("chaos: " + run + "; " + committed.get(committed.size() - 1) + " lines committed by then"
          + lastLine(run));
    });
    err.println("chaos: seed " + flags.seed + ", work directory " + work + ", kill plan " + tester.plan());
    CrashTester.Result result;
    try {
      result = tester.run();
    } catch (AssertionError failed) {
      throw new AssertionError(failed.getMessage() + "\nchaos: the work directory is kept: " + work, failed);
    }
    ChaosChecker.Report report = ChaosChecker.check(output, flags.records, flags.keys);
    if (report.isExactlyOnce() && flags.workDirGiven == null) {
      deleteRecursively(work);
    }
    return new Outcome(line(flags.runner, result.kills(), report), report, result, committed, work);
  }

  /** The child JVM running the demonstration pipeline as {@code flags} say. */
  private static ChildJvm.Spec child(Flags flags, boolean direct, Path work, Path output) {
    List<String> args = new ArrayList<>(List.of("--runner=" + flags.runner, "--output=" + output,
        "--records=" + flags.records, "--keys=" + flags.keys, "--rate=" + flags.rate));
    if (!direct) {
      args.add("--checkpointDir=" + work.resolve("checkpoints"));
    }
    args.addAll(flags.passThrough);
    return ChildJvm.of(ChaosPipeline.class).withMaxHeap("512m").withArgs(args);
  }

  private static CrashTester tester(Flags flags, ChildJvm.Spec child) {
    return CrashTester.of(child)
        .withKills(flags.kills)
        .withSeed(flags.seed)
        .withKillSignal(flags.killSignal, flags.maxKillSignals)
        .withKillDelay(Duration.millis(flags.minKillDelayMillis), Duration.millis(flags.maxKillDelayMillis))
        .withTimeoutPerRun(Duration.standardSeconds(flags.timeoutSeconds));
  }

  private static String lastLine(CrashTester.Run run) {
    List<String> output = run.output();
    return output.isEmpty() ? "" : "; its last output line: " + output.get(output.size() - 1);
  }

  /** The command's result line. */
  static String line(String runner, int kills, ChaosChecker.Report report) {
    return "runner=" + runner + " kills=" + kills + " records=" + report.records() + " lost=" + report.lost()
        + " duplicated=" + report.duplicated() + " wrong=" + report.wrong();
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the work directory " + root, e);
    }
  }

  /** The flags of {@code chaos}; the rest go to the child's pipeline. */
  private static final class Flags {
    String runner;
    String workDirGiven;
    int kills;
    long seed;
    long records;
    int keys;
    long rate;
    long minKillDelayMillis;
    long maxKillDelayMillis;
    long timeoutSeconds;
    Pattern killSignal;
    int maxKillSignals;
    final List<String> passThrough = new ArrayList<>();

    static Flags parse(String[] args) {
      Map<String, String> values = new TreeMap<>(DEFAULTS);
      values.put("seed", Long.toString(System.nanoTime() & 0xFFFF_FFFFL));
      Flags flags = new Flags();
      for (String arg : args) {
        String name = arg.startsWith("--") && arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : "";
        if (name.equals("runner") || name.equals("workDir") || values.containsKey(name)) {
          values.put(name, arg.substring(arg.indexOf('=') + 1));
        } else {
          flags.passThrough.add(arg);
        }
      }
      flags.runner = values.get("runner");
      flags.workDirGiven = values.get("workDir");
      flags.kills = (int) number(values, "kills", 0, 1000);
      flags.seed = number(values, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
      flags.records = number(values, "records", 0, Integer.MAX_VALUE);
      flags.keys = (int) number(values, "keys", 1, 1_000_000);
      flags.rate = number(values, "rate", 0, Long.MAX_VALUE);
      flags.minKillDelayMillis = number(values, "minKillDelayMillis", 0, Long.MAX_VALUE);
      flags.maxKillDelayMillis = number(values, "maxKillDelayMillis", flags.minKillDelayMillis, Long.MAX_VALUE);
      flags.timeoutSeconds = number(values, "timeoutSeconds", 1, Long.MAX_VALUE);
      flags.maxKillSignals = (int) number(values, "maxKillSignals", 1, Integer.MAX_VALUE);
      try {
        flags.killSignal = Pattern.compile(values.get("killSignal"));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("chaos --killSignal needs a regular expression: " + e.getMessage(), e);
      }
      return flags;
    }

    private static long number(Map<String, String> values, String flag, long min, long max) {
      long value;
      try {
        value = Long.parseLong(values.get(flag));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("chaos --" + flag + " needs a whole number, got '" + values.get(flag) + "'");
      }
      checkArgument(value >= min && value <= max, "chaos --%s must be from %s to %s, got %s", flag, min, max, value);
      return value;
    }

    Path workDir() {
      try {
        if (workDirGiven == null) {
          return Files.createTempDirectory("weir-chaos-");
        }
        Path dir = Paths.get(workDirGiven).toAbsolutePath();
        Files.createDirectories(dir);
        try (Stream<Path> entries = Files.list(dir)) {
          checkArgument(entries.findAny().isEmpty(),
              "chaos --workDir=%s is not empty; give a new or empty directory, since a checkpoint left there"
                  + " would be resumed", workDirGiven);
        }
        return dir;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the work directory: " + e.getMessage(), e);
      }
    }
  }
}
