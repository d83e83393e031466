package dev.weir.examples;

import dev.weir.io.TextIO;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Counts words per fixed event-time window: Beam's WindowedWordCount, ported by changing imports.
 *
 * <pre>
 * java -jar examples/target/weir-examples.jar WindowedWordCount --output=/tmp/windowed [--windowSize=10]
 * </pre>
 *
 * <p>Each line gets an event timestamp within an hour of {@code --minTimestampMillis}; words are
 * counted per window of {@code --windowSize} minutes, one {@code [start..end) word: count} line per
 * word and window. Two deliberate differences from Beam: the timestamp of a line is derived from
 * its content rather than drawn at random, so runs are reproducible; and the window is written into
 * each line rather than into per-window file names (windowed file writes come with the connectors'
 * streaming work).
 */
public class WindowedWordCount {
  /** The options of this example: WordCount's plus the window size and the timestamp range. */
  public interface Options extends WordCount.WordCountOptions {
    @Description("Fixed window duration, in minutes")
    @Default.Integer(10)
    Integer getWindowSize();

    void setWindowSize(Integer value);

    @Description("Smallest event timestamp given to a line, in milliseconds since the epoch")
    @Default.Long(1_700_000_000_000L)
    Long getMinTimestampMillis();

    void setMinTimestampMillis(Long value);

    @Description("Largest event timestamp given to a line, in milliseconds since the epoch"
        + " (default: one hour after the smallest)")
    @Default.Long(1_700_003_600_000L)
    Long getMaxTimestampMillis();

    void setMaxTimestampMillis(Long value);
  }

  /** Gives each line an event timestamp in {@code [min, max)}, derived from the line's content. */
  static class AddTimestampFn extends DoFn<String, String> {
    private final long min;
    private final long max;

    AddTimestampFn(long min, long max) {
      this.min = min;
      this.max = max;
    }

    @ProcessElement
    public void processElement(@Element String line, OutputReceiver<String> out) {
      // A content hash instead of Beam's Random keeps the example's output reproducible.
      long offset = Math.floorMod((long) line.hashCode() * 0x9E3779B97F4A7C15L, max - min);
      out.outputWithTimestamp(line, new Instant(min + offset));
    }
  }

  /** Formats a count with the window it belongs to. */
  static class FormatWithWindowFn extends DoFn<KV<String, Long>, String> {
    @ProcessElement
    public void processElement(@Element KV<String, Long> count, BoundedWindow window, OutputReceiver<String> out) {
      IntervalWindow w = (IntervalWindow) window;
      out.output("[" + w.start() + ".." + w.end() + ") " + count.getKey() + ": " + count.getValue());
    }
  }

  static void runWindowedWordCount(Options options) {
    Pipeline p = Pipeline.create(options);
    PCollection<String> lines = p.apply("ReadLines", TextIO.read().from(options.getInputFile()));
    lines
        .apply(ParDo.of(new AddTimestampFn(options.getMinTimestampMillis(), options.getMaxTimestampMillis())))
        .apply(Window.into(FixedWindows.of(Duration.standardMinutes(options.getWindowSize()))))
        .apply(new WordCount.CountWords())
        .apply(ParDo.of(new FormatWithWindowFn()))
        .apply("WriteCounts", TextIO.write().to(options.getOutput()));
    p.run().waitUntilFinish();
  }

  public static void main(String[] args) {
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    runWindowedWordCount(options);
  }
}
