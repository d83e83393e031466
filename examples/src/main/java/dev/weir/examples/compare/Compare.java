package dev.weir.examples.compare;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Splitter;
import dev.weir.examples.bench.Bench;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code compare} command: runs the same pipelines on every chosen runner and setting, each run
 * in a JVM of its own, checks that all answers are identical (and equal to the plain loop's), and
 * writes a self-contained {@code report.html}.
 *
 * <pre>
 * java -jar examples/target/weir-examples.jar compare [--pipeline=W1,L1] [--runners=direct,microbatch,...]
 *     [--out=target/compare] [--n=500000] [--rate=60000] [--seconds=5] [--heap=512m]
 * </pre>
 *
 * <p>By default every runner on the classpath runs, the streaming runners at the settings of
 * {@link RunnerSettings#PRESETS}; {@code W1} (bounded, {@code --n} events) gives the throughput
 * table, {@code L1} ({@code --rate} events/s for {@code --seconds}) the latency charts and the pane
 * timeline. The terminal shows each run as it starts, a dot every two seconds while it runs, and
 * its figures when it ends; then a summary table and where the report is. Exit status 1 if a run failed or an answer differed.
 */
public final class Compare {
  /** The flags of {@code compare}. */
  public interface CompareOptions extends PipelineOptions {
    @Description("Pipelines to compare, comma-separated: W0..W3 (throughput, --n events) and L0, L1 (latency)")
    @Default.String("W1,L1")
    String getPipeline();

    void setPipeline(String value);

    @Description("Runners and settings, comma-separated: a name (its preset settings) or name(--flag=value ...)."
        + " Default: every runner on the classpath")
    String getRunners();

    void setRunners(String value);

    @Description("Directory for report.html and the runs' logs")
    @Default.String("target/compare")
    String getOut();

    void setOut(String value);

    @Description("Events of a throughput run")
    @Default.Long(500_000L)
    Long getN();

    void setN(Long value);

    @Description("Events per second of a latency run")
    @Default.Long(60_000L)
    Long getRate();

    void setRate(Long value);

    @Description("Seconds of a latency run")
    @Default.Long(5L)
    Long getSeconds();

    void setSeconds(Long value);

    @Description("Maximum heap of each run's JVM (-Xmx)")
    @Default.String("512m")
    String getHeap();

    void setHeap(String value);
  }

  private Compare() {}

  /** Runs {@code compare} with {@code args}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CompareOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(CompareOptions.class);
    List<RunPlan> plans = plan(pipelines(options.getPipeline()),
        RunnerSettings.resolve(options.getRunners(), RunnerSettings.available()));
    Path outDir = Paths.get(options.getOut()).toAbsolutePath();
    ChildLauncher launcher = new ChildLauncher(outDir.resolve("runs"), options);
    out.printf(Locale.ROOT, "compare: %d runs (%s on %s), each in its own JVM (-Xmx%s)%n", plans.size(),
        String.join(", ", pipelines(options.getPipeline())), runnersLine(plans), options.getHeap());
    List<RunResult> results = new ArrayList<>();
    for (RunPlan plan : plans) {
      out.printf(Locale.ROOT, "[%d/%d] %s on %s .", plan.number(), plans.size(), describe(plan, options),
          plan.setting());
      out.flush();
      RunResult result = launcher.run(plan, () -> {
        out.print('.');
        out.flush();
      });
      out.println(" " + SummaryTable.brief(result));
      results.add(result);
    }
    out.println("checking answers against the plain loop ...");
    Map<String, String> checks = AnswerCheck.verdicts(results, AnswerCheck.references(results, Bench::reference));
    Path report = writeReport(outDir, results, checks, context(options, args));
    out.println();
    out.print(SummaryTable.of(results));
    checks.forEach((pipeline, verdict) -> out.println(pipeline + ": " + verdict));
    out.println();
    out.println("Report: " + report);
    boolean allGood = results.stream().noneMatch(RunResult::failed)
        && checks.values().stream().allMatch(v -> v.startsWith("identical"));
    if (!allGood) {
      err.println("compare: some runs failed or gave different answers; see " + report);
    }
    return allGood ? 0 : 1;
  }

  static List<String> pipelines(String spec) {
    List<String> pipelines = new ArrayList<>();
    for (String name : Splitter.on(',').trimResults().omitEmptyStrings().split(spec)) {
      String upper = name.toUpperCase(Locale.ROOT);
      checkArgument(upper.matches("W[0-3]|L[01]"),
          "compare --pipeline names '%s'; use W0, W1, W2, W3 (throughput) or L0, L1 (latency), comma-separated", name);
      pipelines.add(upper);
    }
    checkArgument(!pipelines.isEmpty(), "compare --pipeline is empty; use for example --pipeline=W1,L1");
    return pipelines;
  }

  /** One run per pipeline and setting, pipeline by pipeline. */
  static List<RunPlan> plan(List<String> pipelines, List<Map.Entry<String, List<String>>> settings) {
    List<RunPlan> plans = new ArrayList<>();
    for (String pipeline : pipelines) {
      for (Map.Entry<String, List<String>> setting : settings) {
        plans.add(new RunPlan(plans.size() + 1, pipeline, setting.getKey(), setting.getValue()));
      }
    }
    return plans;
  }

  /** {@code direct, microbatch at 2 settings, ...}. */
  private static String runnersLine(List<RunPlan> plans) {
    Map<String, Integer> settings = new LinkedHashMap<>();
    plans.stream().filter(p -> p.pipeline().equals(plans.get(0).pipeline()))
        .forEach(p -> settings.merge(p.runner(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    settings.forEach((runner, count) -> parts.add(count == 1 ? runner : runner + " at " + count + " settings"));
    return String.join(", ", parts);
  }

  private static String describe(RunPlan plan, CompareOptions options) {
    return plan.isLatency()
        ? String.format(Locale.ROOT, "%s at %d events/s for %d s", plan.pipeline(), options.getRate(), options.getSeconds())
        : String.format(Locale.ROOT, "%s over %d events", plan.pipeline(), options.getN());
  }

  private static Map<String, String> context(CompareOptions options, String[] args) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("when", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
    context.put("machine", Runtime.getRuntime().availableProcessors() + " processors, " + System.getProperty("os.name")
        + " " + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version"));
    context.put("command", "compare " + String.join(" ", args));
    context.put("each run", "a JVM of its own with -Xmx" + options.getHeap());
    return context;
  }

  private static Path writeReport(Path outDir, List<RunResult> results, Map<String, String> checks,
      Map<String, String> context) {
    Path report = outDir.resolve("report.html");
    try {
      Files.createDirectories(outDir);
      Files.writeString(report, ReportPage.render(results, checks, context), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("compare could not write its report to " + report + "; check --out", e);
    }
    return report;
  }
}
