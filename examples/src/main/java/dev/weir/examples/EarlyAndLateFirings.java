package dev.weir.examples;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.io.GenerateSequence;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * A streaming pipeline on an endless source, printing every pane a trigger fires: early panes
 * while a window is open, the ON_TIME pane when the watermark passes its end, and late panes for
 * data that arrives after that.
 *
 * <pre>
 * java -jar examples/target/weir-examples.jar EarlyAndLateFirings [--rate=100] [--seconds=10] [--windowSeconds=2]
 * </pre>
 *
 * <p>The source emits {@code --rate} numbers per second; number {@code n} belongs to sensor
 * {@code n % 3} and its event time advances with {@code n}, except that every
 * {@code --lateEvery}-th number is stamped {@code --lateSeconds} in the past. The source's
 * watermark follows the latest event time, so those stragglers arrive after their window's ON_TIME
 * pane: within the allowed lateness of {@code 2 * lateSeconds} they produce LATE panes. Panes
 * accumulate, so each pane's count includes the earlier panes of its window. The pipeline is
 * cancelled after {@code --seconds}; windows still open then never fire.
 */
public class EarlyAndLateFirings {
  /** The options of this example. */
  public interface Options extends PipelineOptions {
    @Description("Events per second produced by the source")
    @Default.Integer(100)
    Integer getRate();

    void setRate(Integer value);

    @Description("How long to run before cancelling the pipeline, in seconds")
    @Default.Integer(10)
    Integer getSeconds();

    void setSeconds(Integer value);

    @Description("Size of the fixed event-time windows, in seconds")
    @Default.Integer(2)
    Integer getWindowSeconds();

    void setWindowSeconds(Integer value);

    @Description("Every how many events one arrives late")
    @Default.Integer(20)
    Integer getLateEvery();

    void setLateEvery(Integer value);

    @Description("How far in the past a late event is stamped, in seconds")
    @Default.Integer(3)
    Integer getLateSeconds();

    void setLateSeconds(Integer value);
  }

  /** Prints one line per pane: the window, the sensor, the count so far and the pane's timing. */
  static class PrintPaneFn extends DoFn<KV<String, Long>, Void> {
    @ProcessElement
    public void processElement(@Element KV<String, Long> count, BoundedWindow window, PaneInfo pane) {
      IntervalWindow w = (IntervalWindow) window;
      System.out.println(describe(w, count, pane));
    }
  }

  static String describe(IntervalWindow window, KV<String, Long> count, PaneInfo pane) {
    return "window=[" + window.start() + ".." + window.end() + ") " + count.getKey() + " count=" + count.getValue()
        + " pane=" + pane.getTiming() + "#" + pane.getIndex() + (pane.isLast() ? " last" : "");
  }

  static Pipeline build(Options options) {
    long start = Instant.now().getMillis();
    long rate = options.getRate();
    long lateEvery = options.getLateEvery();
    long lateMillis = options.getLateSeconds() * 1000L;
    Pipeline p = Pipeline.create(options);
    p.apply(GenerateSequence.from(0)
            .withRate(rate, Duration.standardSeconds(1))
            .withTimestampFn(n -> new Instant(start + n * 1000 / rate - (n % lateEvery == lateEvery - 1 ? lateMillis : 0))))
        .apply(MapElements.into(TypeDescriptors.strings()).via(n -> "sensor-" + (n % 3)))
        .apply(Window.<String>into(FixedWindows.of(Duration.standardSeconds(options.getWindowSeconds())))
            .triggering(AfterWatermark.pastEndOfWindow()
                .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(500)))
                .withLateFirings(AfterPane.elementCountAtLeast(1)))
            .withAllowedLateness(Duration.millis(2 * lateMillis))
            .accumulatingFiredPanes())
        .apply(Count.perElement())
        .apply(ParDo.of(new PrintPaneFn()));
    return p;
  }

  public static void main(String[] args) {
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    // The source never ends: start the run in the background, let it go for a while, cancel it.
    options.as(BlockOnRunOption.class).setBlockOnRun(false);
    PipelineResult result = build(options).run();
    PipelineResult.State state = result.waitUntilFinish(Duration.standardSeconds(options.getSeconds()));
    if (state == null) {
      result.cancel();
    }
  }

  /**
   * The direct runner's switch for a non-blocking {@code run()}, declared here with the same type
   * and default so that the example does not depend on one runner's options.
   */
  public interface BlockOnRunOption extends PipelineOptions {
    @Description("Whether run() waits for the pipeline to finish")
    @Default.Boolean(true)
    boolean isBlockOnRun();

    void setBlockOnRun(boolean value);
  }
}
