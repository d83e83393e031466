package dev.weir.examples.bench;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.examples.EarlyAndLateFirings;
import dev.weir.io.synthetic.Checksum;
import dev.weir.io.synthetic.SyntheticEvents;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.io.TransactionalWrite;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.ParDo;
import java.io.PrintStream;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import org.joda.time.Duration;

/**
 * The {@code latency} command: drives the generator at a fixed rate through a latency workload of
 * {@code WORKLOADS.md} into a {@link MeasuringSink} and prints the spec's line.
 *
 * <pre>
 * java -jar examples/target/weir-examples.jar latency --workload=L0 --rate=100000 --seconds=10 [--runner=direct] [--verify]
 * </pre>
 *
 * <p>Output, three lines:
 *
 * <pre>
 * workload=L0 system=weir runner=direct rate=100000 sustained=99998 p50_ms=0.4 p99_ms=2.1 p999_ms=5.0 max_ms=9.3 rows=499848
 * committed p50_ms=... p99_ms=... p999_ms=... max_ms=... rows=...
 * source events=1000000 max_lag_ms=... max_backlog_events=... kept_up=true
 * </pre>
 *
 * <p>The first line's latencies are measured when the sink received each row (the emit time); the
 * second's when the row's transaction committed and it became visible, which is what a reader of
 * an exactly-once sink waits for. The stream is finite, {@code rate * seconds} events, so the run
 * ends and every window closes; a row closed by the end of the stream rather than by an event has
 * no due event and no latency ({@code rows} on the first line counts every row, the second line's
 * only those measured). The third line is the generator's side: the largest lag of an event's
 * arrival behind its due time and the events that were due but not yet taken in then. A run that
 * took in fewer than 95% of the rate, or did not finish within {@code 2 * seconds + 30} s (then it
 * is cancelled), prints {@code kept_up=false} and a warning, and exits with status 1.
 *
 * <p>{@code --verify} compares rows and checksum with the reference loop of the throughput workload
 * over the same events, as {@code bench --verify} does.
 */
public final class Latency {
  /** The flags of {@code latency}; any runner's flags may be given alongside them. */
  public interface LatencyOptions extends PipelineOptions {
    @Description("The latency workload of WORKLOADS.md to run: L0 (W0 at a rate) or L1 (W1 at a rate)")
    String getWorkload();

    void setWorkload(String value);

    @Description("Events per second the generator produces")
    @Default.Long(10_000L)
    Long getRate();

    void setRate(Long value);

    @Description("How long the generator runs, in seconds; the stream has rate * seconds events")
    @Default.Long(10L)
    Long getSeconds();

    void setSeconds(Long value);

    @Description("Also check rows and checksum against the plain loop of the throughput workload")
    @Default.Boolean(false)
    Boolean getVerify();

    void setVerify(Boolean value);
  }

  private Latency() {}

  /** Runs {@code latency} with {@code args}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, ReferenceLoop::checksum);
  }

  static int run(String[] args, PrintStream out, PrintStream err, BiFunction<Workload, Long, Checksum> reference) {
    LatencyOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(LatencyOptions.class);
    LatencyWorkload workload = workload(options.getWorkload());
    LatencyResult result = measure(options, workload, options.getRate(), options.getSeconds());
    for (String line : lines(result)) {
      out.println(line);
    }
    int status = 0;
    if (!result.keptUp()) {
      err.println(notKeptUp(result));
      status = 1;
    }
    if (options.getVerify()) {
      Bench.Answer expected = Bench.Answer.of(reference.apply(workload.workload(), result.events()));
      Bench.Answer actual = new Bench.Answer(result.rows(), result.checksum());
      if (expected.equals(actual)) {
        out.println("verify=ok");
      } else {
        err.println("verify=failed for " + workload + " at rate=" + result.rate() + " events=" + result.events()
            + ": pipeline " + actual + ", reference loop of " + workload.throughputWorkload() + " " + expected);
        status = 1;
      }
    }
    return status;
  }

  static LatencyWorkload workload(String name) {
    checkArgument(name != null, "latency needs --workload=L0 or L1");
    for (LatencyWorkload workload : LatencyWorkload.values()) {
      if (workload.name().equalsIgnoreCase(name)) {
        return workload;
      }
    }
    throw new IllegalArgumentException(
        "latency --workload=" + name + " is not a latency workload; use L0 or L1 (see WORKLOADS.md)");
  }

  /**
   * Runs {@code workload} on the runner of {@code options} with the generator at {@code rate} events
   * per second for {@code seconds}, and measures it.
   *
   * @throws IllegalArgumentException for a rate or duration that is not positive
   */
  public static LatencyResult measure(PipelineOptions options, LatencyWorkload workload, long rate, long seconds) {
    checkArgument(rate > 0, "latency --rate must be a positive number of events per second, got %s", rate);
    checkArgument(seconds > 0, "latency --seconds must be positive, got %s", seconds);
    long events = Math.multiplyExact(rate, seconds);
    String runId = UUID.randomUUID().toString();
    LatencyRecorder recorder = LatencyRecorder.start(runId, rate);
    try {
      Pipeline p = Pipeline.create(options);
      workload.rows(p.apply("Events", SyntheticEvents.unbounded().withRate(rate).withMaxEvents(events))
              .apply("Arrival", ParDo.of(new ArrivalStampFn(runId))))
          .apply("Measure", TransactionalWrite.to(new MeasuringSink(runId)));
      // The run is watched from here, so that one that cannot finish is cancelled, not waited for.
      options.as(EarlyAndLateFirings.BlockOnRunOption.class).setBlockOnRun(false);
      PipelineResult result = p.run();
      PipelineResult.State state = result.waitUntilFinish(Duration.standardSeconds(2 * seconds + 30));
      if (state == null) {
        result.cancel();
      }
      return LatencyAnalysis.of(workload, Bench.runnerName(options), rate, events,
          state == PipelineResult.State.DONE, recorder);
    } finally {
      recorder.stop();
    }
  }

  /** The three lines {@code latency} prints for {@code result}. */
  static String[] lines(LatencyResult result) {
    LatencySummary received = result.received();
    LatencySummary visible = result.visible();
    return new String[] {
        String.format(Locale.ROOT,
            "workload=%s system=weir runner=%s rate=%d sustained=%d p50_ms=%.1f p99_ms=%.1f p999_ms=%.1f"
                + " max_ms=%.1f rows=%d",
            result.workload(), result.runner(), result.rate(), Math.round(result.sustained()), received.p50(),
            received.p99(), received.p999(), received.max(), result.rows()),
        String.format(Locale.ROOT, "committed p50_ms=%.1f p99_ms=%.1f p999_ms=%.1f max_ms=%.1f rows=%d",
            visible.p50(), visible.p99(), visible.p999(), visible.max(), visible.count()),
        String.format(Locale.ROOT, "source events=%d max_lag_ms=%.1f max_backlog_events=%d kept_up=%s",
            result.events(), result.maxLagMs(), result.maxBacklogEvents(), result.keptUp())
    };
  }

  private static String notKeptUp(LatencyResult result) {
    if (!result.finished()) {
      return String.format(Locale.ROOT, "The %s run on %s did not finish within the grace period and was"
          + " cancelled; its figures cover what it did until then. Try a lower --rate.",
          result.workload(), result.runner());
    }
    return String.format(Locale.ROOT, "The %s run on %s did not keep up with %d events/s: it took in %d events/s,"
        + " and was up to %.0f ms (%d events) behind the generator. Its latencies include that backlog;"
        + " try a lower --rate.", result.workload(), result.runner(), result.rate(),
        Math.round(result.sustained()), result.maxLagMs(), result.maxBacklogEvents());
  }
}
