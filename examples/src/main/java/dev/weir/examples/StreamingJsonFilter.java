package dev.weir.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.io.DeadLetter;
import dev.weir.io.JsonCoder;
import dev.weir.io.JsonIO;
import dev.weir.io.TimestampPolicy;
import dev.weir.io.Watch;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.DefaultValueFactory;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.options.Validation.Required;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.Filter;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.Mean;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.SerializableFunction;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptor;
import dev.weir.sdk.values.TypeDescriptors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.Locale;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Reads a directory of JSON device readings as a stream and writes, exactly once, a filter and a
 * windowed average to files: the Spark Structured Streaming "same code for batch and streaming"
 * example in Weir.
 *
 * <pre>
 * java -jar examples/target/weir-examples.jar StreamingJsonFilter --inputDir=/data/in --output=/data/out \
 *     --checkpointDir=/data/checkpoint [--runner=R] [--idleTimeout=10s] [--pollInterval=1s]
 * </pre>
 *
 * <p>Input: every {@code *.json} and {@code *.json.gz} file in {@code --inputDir}, one reading per
 * line, {@code {"device": "d1", "signal": 17, "ts": 1700000000000}} ({@code ts} in ms since the
 * epoch is the event time). Files are taken once they stopped changing for a poll (see
 * {@code TextIO.read().watchForNewFiles}); write them elsewhere and move them in to be safe.
 *
 * <p>Output, under the directory {@code --output}, in files named by window and pane
 * ({@code TextIO.write().withWindowedWrites()}), one JSON object per line:
 * <ul>
 *   <li>{@code filtered-*.json}: {@code select device, signal where signal > 15}, as
 *       {@code {"device":"d1","signal":17}};
 *   <li>{@code averages-*.json}: the mean signal per device per one-minute event-time window, as
 *       {@code {"device":"d1","windowStart":…,"windowEnd":…,"average":16.5}}, written when the
 *       watermark (largest event time seen minus {@code --maxOutOfOrderness}) passes the window;
 *   <li>{@code deadletters-*.json}: each malformed line with its file, line number and error.
 * </ul>
 *
 * <p>It stops by itself once {@code --idleTimeout} passed without a new file (also when none ever
 * came): the watch ends, the watermark reaches the end of time, the last windows fire, and the run
 * finishes. {@code --checkpointDir} is where a streaming runner keeps its progress, so that a
 * restart with the same directory after a kill neither loses nor repeats output; the direct runner
 * does not recover and ignores it (a rerun starts over).
 */
public final class StreamingJsonFilter {
  private StreamingJsonFilter() {}

  /** The options of this example. */
  public interface Options extends PipelineOptions {
    @Description("Directory whose *.json and *.json.gz files are read as they appear")
    @Required
    String getInputDir();

    void setInputDir(String value);

    @Description("Directory the filtered rows, averages and dead letters are written to")
    @Required
    String getOutput();

    void setOutput(String value);

    @Description("Directory a streaming runner keeps its checkpoints in; restarting with the same one resumes"
        + " without losing or repeating output (the direct runner does not recover and ignores it)")
    String getCheckpointDir();

    void setCheckpointDir(String value);

    @Description("Stop once this long passed without a new file, e.g. 10s or 500ms")
    @Default.InstanceFactory(TenSeconds.class)
    Duration getIdleTimeout();

    void setIdleTimeout(Duration value);

    @Description("How often the input directory is listed, e.g. 1s")
    @Default.InstanceFactory(OneSecond.class)
    Duration getPollInterval();

    void setPollInterval(Duration value);

    @Description("How far event time may run out of order; the watermark trails the largest ts by this")
    @Default.InstanceFactory(FiveSeconds.class)
    Duration getMaxOutOfOrderness();

    void setMaxOutOfOrderness(Duration value);
  }

  /** The default {@code --idleTimeout}. */
  public static final class TenSeconds implements DefaultValueFactory<Duration> {
    @Override
    public Duration create(PipelineOptions options) {
      return Duration.standardSeconds(10);
    }
  }

  /** The default {@code --pollInterval}. */
  public static final class OneSecond implements DefaultValueFactory<Duration> {
    @Override
    public Duration create(PipelineOptions options) {
      return Duration.standardSeconds(1);
    }
  }

  /** The default {@code --maxOutOfOrderness}. */
  public static final class FiveSeconds implements DefaultValueFactory<Duration> {
    @Override
    public Duration create(PipelineOptions options) {
      return Duration.standardSeconds(5);
    }
  }

  /** One input line. */
  public record Reading(String device, int signal, long ts) {}

  /** One row of {@code select device, signal where signal > 15}. */
  public record Selected(String device, int signal) {}

  /** The mean signal of one device in one window. */
  public record Average(String device, long windowStart, long windowEnd, double average) {}

  /**
   * The event time of a line: its {@code ts} field. A line without one (malformed, it will be a
   * dead letter) gets the epoch, so it never moves the watermark.
   */
  static final class EventTimeOfLine implements SerializableFunction<String, Instant> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Instant apply(String line) {
      try {
        JsonNode ts = MAPPER.readTree(line).get("ts");
        return ts != null && ts.canConvertToLong() ? new Instant(ts.asLong()) : new Instant(0);
      } catch (IOException | RuntimeException e) {
        return new Instant(0);
      }
    }
  }

  /** Formats a device's mean with the window it was computed in. */
  static final class FormatAverageFn extends DoFn<KV<String, Double>, Average> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Double> mean, IntervalWindow window, OutputReceiver<Average> out) {
      out.output(new Average(mean.getKey(), window.start().getMillis(), window.end().getMillis(), mean.getValue()));
    }
  }

  /** Builds the pipeline on {@code p}. */
  static void build(Pipeline p, Options options) {
    String output = Paths.get(options.getOutput()).toAbsolutePath() + "/";
    JsonIO.ReadResult<Reading> readings = p.apply("ReadReadings", JsonIO.read(Reading.class)
        .from(Paths.get(options.getInputDir()).toAbsolutePath() + "/{*.json,*.json.gz}")
        .watchForNewFiles(options.getPollInterval(),
            Watch.Growth.afterTimeSinceNewOutputOrStart(options.getIdleTimeout()))
        .withTimestampPolicy(TimestampPolicy.eventTime(new EventTimeOfLine(), options.getMaxOutOfOrderness())));

    readings.output()
        .apply("SignalAbove15", Filter.by((Reading r) -> r.signal() > 15))
        .apply("SelectDeviceAndSignal", MapElements.into(TypeDescriptor.of(Selected.class))
            .via((Reading r) -> new Selected(r.device(), r.signal())))
        .setCoder(JsonCoder.of(Selected.class))
        .apply("WriteFiltered", JsonIO.<Selected>write().to(output + "filtered").withSuffix(".json")
            .withWindowedWrites());

    readings.output()
        .apply("OneMinuteWindows", Window.into(FixedWindows.of(Duration.standardMinutes(1))))
        .apply("SignalPerDevice", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.integers()))
            .via((Reading r) -> KV.of(r.device(), r.signal())))
        .apply("MeanPerDevice", Mean.perKey())
        .apply("FormatAverages", ParDo.of(new FormatAverageFn()))
        .setCoder(JsonCoder.of(Average.class))
        .apply("WriteAverages", JsonIO.<Average>write().to(output + "averages").withSuffix(".json")
            .withWindowedWrites());

    readings.deadLetters()
        .apply("WriteDeadLetters", JsonIO.<DeadLetter>write().to(output + "deadletters").withSuffix(".json")
            .withWindowedWrites());
  }

  /** Runs the example with {@code args}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    Pipeline p = Pipeline.create(options);
    build(p, options);
    PipelineResult.State state = p.run().waitUntilFinish();
    out.println("StreamingJsonFilter " + state.toString().toLowerCase(Locale.ROOT) + ": output in "
        + options.getOutput());
    return state == PipelineResult.State.DONE ? 0 : 1;
  }

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }
}
