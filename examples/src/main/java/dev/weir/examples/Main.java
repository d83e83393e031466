package dev.weir.examples;

import dev.weir.examples.bench.Bench;
import dev.weir.examples.bench.KafkaBench;
import dev.weir.examples.bench.Latency;
import dev.weir.examples.chaos.Chaos;
import dev.weir.examples.compare.Compare;
import dev.weir.examples.complete.game.LeaderBoard;
import dev.weir.sdk.Pipeline;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The entry point of the examples jar: lists the examples, or runs one by name with the remaining
 * arguments.
 *
 * <pre>
 * java -jar examples/target/weir-examples.jar                      # lists the examples
 * java -jar examples/target/weir-examples.jar WordCount --output=/tmp/counts [--runner=direct]
 * java -jar examples/target/weir-examples.jar bench --workload=W1 --n=1000000 --verify
 * java -jar examples/target/weir-examples.jar chaos --runner=MicroBatchRunner --kills=3 --seed=42
 * </pre>
 *
 * <p>Example names match ignoring case. An unknown name prints the list and exits with status 2;
 * so do invalid flags and invalid pipelines (a missing input file, say), with their message. A
 * pipeline that fails while running prints the failure and its cause and exits with status 1, as
 * does an example that reports a failure of its own (a {@code bench --verify} that found a
 * difference, a {@code chaos} run that found a lost, duplicated or wrong record).
 */
public final class Main {
  private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

  static {
    EXAMPLES.put("WordCount", new Example(
        "Counts the words of a text file (--inputFile, default: a bundled sample) into files --output",
        withoutStatus(WordCount::main)));
    EXAMPLES.put("WindowedWordCount", new Example(
        "Counts words per fixed event-time window (--windowSize minutes) into files --output",
        withoutStatus(WindowedWordCount::main)));
    EXAMPLES.put("EarlyAndLateFirings", new Example(
        "A stream with early, on-time and late panes printed as they fire (--rate, --seconds, --windowSeconds)",
        withoutStatus(EarlyAndLateFirings::main)));
    EXAMPLES.put("LeaderBoard", new Example(
        "Beam's mobile-gaming LeaderBoard: team scores with early/late panes, user scores in the global window",
        withoutStatus(LeaderBoard::main)));
    EXAMPLES.put("MinimalWordCount", new Example(
        "WordCount in one chain of lambdas; reads the bundled sample, writes ./wordcounts-*",
        withoutStatus(MinimalWordCount::main)));
    EXAMPLES.put("KafkaWindowedWordCount", new Example(
        "Counts words per event-time window from Kafka topic --inputTopic into --outputTopic, exactly once",
        KafkaWindowedWordCount::run));
    EXAMPLES.put("StreamingJsonFilter", new Example(
        "Streams JSON readings from --inputDir: signal > 15 and per-device 1-minute averages to --output,"
            + " exactly once; stops after --idleTimeout without new files",
        StreamingJsonFilter::run));
    EXAMPLES.put("bench", new Example(
        "Runs a benchmark workload of WORKLOADS.md (--workload=W0..W3, --n, --verify) and prints its line",
        Bench::run));
    EXAMPLES.put("kafka-bench", new Example(
        "Runs a benchmark workload reading the events from Kafka (--bootstrapServers, --produce) and writing"
            + " its rows to Kafka exactly once; prints the bench line (--verify)",
        KafkaBench::run));
    EXAMPLES.put("latency", new Example(
        "Runs a latency workload of WORKLOADS.md (--workload=L0|L1, --rate, --seconds) and prints its latencies",
        Latency::run));
    EXAMPLES.put("compare", new Example(
        "Runs the same pipelines on every runner and setting, checks the answers agree, writes report.html",
        Compare::run));
    EXAMPLES.put("chaos", new Example(
        "Kills the exactly-once demo pipeline in a child JVM --kills times and checks its output (--runner, --seed)",
        Chaos::run));
  }

  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Lists the examples ({@code args} empty or a help flag) or runs one; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      printExamples(out);
      return 0;
    }
    Map.Entry<String, Example> example = find(args[0]);
    if (example == null) {
      err.println("Unknown example '" + args[0] + "'.");
      printExamples(err);
      return 2;
    }
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    try {
      return example.getValue().main().run(rest, out, err);
    } catch (IllegalArgumentException e) {
      // Bad flags and bad pipeline configurations: the message names the problem and the fix.
      err.println("Error: " + e.getMessage());
      return 2;
    } catch (Pipeline.PipelineExecutionException e) {
      err.println("The pipeline failed: " + e.getMessage());
      if (e.getCause() != null) {
        e.getCause().printStackTrace(err);
      }
      return 1;
    }
  }

  private static Map.Entry<String, Example> find(String name) {
    for (Map.Entry<String, Example> entry : EXAMPLES.entrySet()) {
      if (entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return entry;
      }
    }
    return null;
  }

  private static void printExamples(PrintStream out) {
    out.println("Usage: java -jar weir-examples.jar <example> [--flag=value ...]");
    out.println();
    out.println("Examples:");
    int width = EXAMPLES.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, Example> entry : EXAMPLES.entrySet()) {
      out.printf("  %-" + width + "s  %s%n", entry.getKey(), entry.getValue().description());
    }
    out.println();
    out.println("Every example takes pipeline options such as --runner=direct; --help after its name lists them.");
  }

  private static ExampleMain withoutStatus(Consumer<String[]> main) {
    return (args, out, err) -> {
      main.accept(args);
      return 0;
    };
  }

  /** How an example runs: with its arguments and output streams, returning its exit status. */
  private interface ExampleMain {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  /** One runnable example: a one-line description and how it runs. */
  private record Example(String description, ExampleMain main) {}
}
