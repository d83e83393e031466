package dev.weir.examples.bench;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Verify.verify;

import dev.weir.io.TextIO;
import dev.weir.io.synthetic.Checksum;
import dev.weir.io.synthetic.SyntheticEvents;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.Combine;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptors;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The {@code bench} command: runs a throughput workload of {@code WORKLOADS.md} on the generator's
 * bounded source and prints the spec's one line.
 *
 * <pre>
 * java -jar examples/target/weir-examples.jar bench --workload=W1 [--n=1000000] [--runner=direct] [--verify]
 * </pre>
 *
 * <p>The line is {@code workload=W1 system=weir runner=direct n=1000000 rows=... checksum=...
 * seconds=1.234 events_per_sec=810372}: {@code seconds} is the time from {@code run()} to the end of
 * {@code waitUntilFinish()}, with 3 decimals; {@code events_per_sec} is {@code n / seconds} rounded
 * down to an integer. The rows and checksum are computed by the pipeline itself (a global combine)
 * and written to a temporary file, so they reach this command from any runner that shares its file
 * system. With {@code --verify} the answer is computed again by a plain loop ({@link ReferenceLoop})
 * in a JVM of its own ({@link ReferenceLoopJvm}) and compared: {@code verify=ok} is printed with the
 * loop's time cold ({@code reference_loop_seconds}, the baseline of the performance targets) and
 * warm ({@code reference_loop_warm_seconds}), or the differences, with exit status 1.
 */
public final class Bench {
  /** The flags of {@code bench}; any runner's flags may be given alongside them. */
  public interface BenchOptions extends PipelineOptions {
    @Description("The workload of WORKLOADS.md to run: W0, W1, W2 or W3")
    String getWorkload();

    void setWorkload(String value);

    @Description("Number of events (default: 10,000,000 for W0 to W2, 2,000,000 for W3)")
    Long getN();

    void setN(Long value);

    @Description("Also compute the answer with a plain single-threaded loop and fail if it differs")
    @Default.Boolean(false)
    Boolean getVerify();

    void setVerify(Boolean value);
  }

  private Bench() {}

  /**
   * Runs {@code bench} with {@code args}, checking with the real reference loop in a JVM of its own
   * ({@link ReferenceLoopJvm}); returns the exit status.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, ReferenceLoopJvm::run);
  }

  /**
   * Runs {@code bench}, checking {@code --verify} against {@code reference} run in this JVM (tests
   * pass a wrong one to see a failed check); returns 0, or 1 when verification failed.
   *
   * @throws IllegalArgumentException for a missing or unknown workload or a negative {@code --n}
   */
  static int run(String[] args, PrintStream out, PrintStream err, BiFunction<Workload, Long, Checksum> reference) {
    return run(args, out, err, inThisJvm(reference));
  }

  private static int run(String[] args, PrintStream out, PrintStream err, Reference reference) {
    BenchOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(BenchOptions.class);
    Workload workload = workload(options.getWorkload());
    long n = options.getN() == null ? workload.defaultEvents() : options.getN();
    checkArgument(n >= 0, "bench --n must be a number of events >= 0, got %s", n);

    ReferenceLoopJvm.Run loop = options.getVerify() ? reference.run(workload, n) : null;
    Measurement measured = measure(options, workload, n);
    return printAndVerify(options, workload, n, measured, out, err, loop);
  }

  /**
   * Runs {@code p}, whose workload {@code rows} are built over {@code n} events from any source,
   * then prints the bench line and, with {@code --verify}, checks it against the plain loop; for
   * the commands that run the workloads elsewhere (kafka-bench). Returns the exit status.
   */
  static int report(Pipeline p, BenchOptions options, Workload workload, long n, PCollection<Long> rows,
      PrintStream out, PrintStream err) {
    ReferenceLoopJvm.Run loop = options.getVerify() ? ReferenceLoopJvm.run(workload, n) : null;
    Measurement measured = runAndMeasure(p, rows);
    return printAndVerify(options, workload, n, measured, out, err, loop);
  }

  /** Computes the plain loop's answer for a workload, with its time cold and warm. */
  @FunctionalInterface
  private interface Reference {
    ReferenceLoopJvm.Run run(Workload workload, long n);
  }

  /** {@code loop} run twice in this JVM, for tests: the first run's time stands for the cold one. */
  private static Reference inThisJvm(BiFunction<Workload, Long, Checksum> loop) {
    return (workload, n) -> {
      long start = System.nanoTime();
      Checksum checksum = loop.apply(workload, n);
      long middle = System.nanoTime();
      loop.apply(workload, n);
      return new ReferenceLoopJvm.Run(Answer.of(checksum), (middle - start) / 1e9, (System.nanoTime() - middle) / 1e9);
    };
  }

  /**
   * Prints the bench line and, if {@code loop} is not null (with {@code --verify}; the loop runs
   * before the pipeline, so that neither JVM's work, such as this one's compiler finishing its
   * queue, runs during the other's measurement), checks the answer against it.
   */
  private static int printAndVerify(BenchOptions options, Workload workload, long n, Measurement measured,
      PrintStream out, PrintStream err, ReferenceLoopJvm.Run loop) {
    out.println(line(workload, runnerName(options), n, measured));
    if (loop == null) {
      return 0;
    }
    String differences = differences(measured.answer(), loop.answer());
    if (differences.isEmpty()) {
      out.println("verify=ok");
      // The plain loop's times: cold (the baseline of the performance targets, as cold as the
      // pipeline's run) and warm (its second run in the same JVM).
      out.printf(Locale.ROOT, "reference_loop_seconds=%.3f%n", loop.coldSeconds());
      out.printf(Locale.ROOT, "reference_loop_warm_seconds=%.3f%n", loop.warmSeconds());
      return 0;
    }
    err.println("verify=failed for " + workload + " at n=" + n + ": " + differences);
    return 1;
  }

  static Workload workload(String name) {
    checkArgument(name != null, "bench needs --workload=W0, W1, W2 or W3");
    for (Workload workload : Workload.values()) {
      if (workload.name().equalsIgnoreCase(name)) {
        return workload;
      }
    }
    throw new IllegalArgumentException(
        "bench --workload=" + name + " is not a workload; use W0, W1, W2 or W3 (see WORKLOADS.md)");
  }

  /** The answer of one pipeline run, and how long the run took. */
  record Measurement(Answer answer, long nanos) {}

  static Measurement measure(PipelineOptions options, Workload workload, long n) {
    Pipeline p = Pipeline.create(options);
    return runAndMeasure(p, workload.rows(p.apply("Events", SyntheticEvents.bounded(n))));
  }

  /** Adds the checksum of {@code rows} to {@code p}, runs it and reads the answer back. */
  private static Measurement runAndMeasure(Pipeline p, PCollection<Long> rows) {
    Path dir = temporaryDirectory();
    try {
      rows.apply("Checksum", Combine.globally(new ChecksumFn()))
          .apply("Format", MapElements.into(TypeDescriptors.strings())
              .via(answer -> answer.getKey() + "," + answer.getValue()))
          .apply("WriteAnswer", TextIO.write().to(dir.resolve("answer").toString()).withoutSharding());
      long start = System.nanoTime();
      PipelineResult result = p.run();
      result.waitUntilFinish();
      long nanos = System.nanoTime() - start;
      return new Measurement(readAnswer(dir.resolve("answer")), nanos);
    } finally {
      deleteRecursively(dir);
    }
  }


  /** The spec's line for one run. */
  static String line(Workload workload, String runner, long n, Measurement measured) {
    double seconds = measured.nanos() / 1e9;
    long eventsPerSecond = measured.nanos() == 0 ? 0 : (long) (n * 1e9 / measured.nanos());
    return String.format(Locale.ROOT,
        "workload=%s system=weir runner=%s n=%d rows=%d checksum=%d seconds=%.3f events_per_sec=%d",
        workload, runner, n, measured.answer().rows(), measured.answer().checksum(), seconds, eventsPerSecond);
  }

  private static String differences(Answer actual, Answer expected) {
    StringBuilder differences = new StringBuilder();
    if (actual.rows() != expected.rows()) {
      differences.append("rows differ (pipeline ").append(actual.rows())
          .append(", reference loop ").append(expected.rows()).append(')');
    }
    if (actual.checksum() != expected.checksum()) {
      differences.append(differences.length() == 0 ? "" : "; ").append("checksum differs (pipeline ")
          .append(actual.checksum()).append(", reference loop ").append(expected.checksum()).append(')');
    }
    return differences.toString();
  }

  /** The runner's name as {@code --runner} takes it: {@code DirectRunner} is {@code direct}. */
  static String runnerName(PipelineOptions options) {
    String name = options.getRunner().getSimpleName();
    if (name.endsWith("Runner") && name.length() > "Runner".length()) {
      name = name.substring(0, name.length() - "Runner".length());
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private static Answer readAnswer(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("bench could not read the pipeline's answer from " + file, e);
    }
    verify(lines.size() == 1, "the pipeline wrote %s answer lines to %s, expected one", lines.size(), file);
    String[] fields = lines.get(0).split(",");
    return new Answer(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("weir-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("bench could not create a temporary directory for the answer", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bench could not delete its temporary directory " + dir, e);
    }
  }

  /**
   * Runs throughput workload {@code workloadName} ({@code W0} to {@code W3}) over {@code n} events on
   * the runner of {@code options}; for the compare command.
   *
   * @return the answer and the run's time in seconds, from {@code run()} to the end of
   *     {@code waitUntilFinish()}
   * @throws IllegalArgumentException for an unknown workload or a negative {@code n}
   */
  public static Throughput throughput(PipelineOptions options, String workloadName, long n) {
    checkArgument(n >= 0, "bench --n must be a number of events >= 0, got %s", n);
    Measurement measured = measure(options, workload(workloadName), n);
    return new Throughput(measured.answer(), measured.nanos() / 1e9);
  }

  /** The answer of throughput workload {@code workloadName} over {@code n} events, by the plain loop. */
  public static Answer reference(String workloadName, long n) {
    return Answer.of(ReferenceLoop.checksum(workload(workloadName), n));
  }

  /** The answer of a throughput run and its time in seconds. */
  public record Throughput(Answer answer, double seconds) {}

  /** A workload's answer: the number of rows and the checksum of their hashes. */
  public record Answer(long rows, long checksum) {
    static Answer of(Checksum checksum) {
      return new Answer(checksum.rows(), checksum.value());
    }
  }
}
