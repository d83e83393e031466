package dev.weir.examples.complete.game;

import dev.weir.examples.EarlyAndLateFirings;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Beam's mobile-gaming {@code LeaderBoard}, ported: a stream of game actions gives team scores per
 * fixed window, with speculative (early) results while the window is open, the on-time result when
 * the watermark passes it, and late results for actions that arrive after that; and running user
 * scores in the global window, refreshed on processing time.
 *
 * <pre>
 * java -jar examples/target/weir-examples.jar LeaderBoard [--runner=direct] [--seconds=30] [--rate=20]
 * </pre>
 *
 * <p>The pipeline is Beam's, imports changed, with two differences: actions come from
 * {@link GameEvents} instead of Pub/Sub, and results are printed instead of written to BigQuery (one
 * line per team pane: team, total score, window start, processing time, timing; one per user
 * pane). Beam's windows and delays are an hour, two hours and minutes; so that a run of half a
 * minute shows every kind of pane, this example's defaults are seconds (mapping: {@code
 * --teamWindowSeconds} is Beam's {@code --teamWindowDuration}, {@code --allowedLatenessSeconds} its
 * {@code --allowedLateness}, {@code --earlyFiringSeconds} its five minutes, {@code
 * --lateFiringSeconds} its ten). The transforms' two-argument constructors keep Beam's delays.
 * The run is cancelled after {@code --seconds}.
 */
public class LeaderBoard {
  static final Duration FIVE_MINUTES = Duration.standardMinutes(5);
  static final Duration TEN_MINUTES = Duration.standardMinutes(10);

  /** The options of this example. */
  public interface Options extends PipelineOptions {
    @Description("Size of the fixed windows of team scores, in seconds")
    @Default.Integer(10)
    Integer getTeamWindowSeconds();

    void setTeamWindowSeconds(Integer value);

    @Description("How long after its window actions still count for a team, in seconds")
    @Default.Integer(20)
    Integer getAllowedLatenessSeconds();

    void setAllowedLatenessSeconds(Integer value);

    @Description("Processing time after a pane's first action until its early team score, in seconds")
    @Default.Integer(2)
    Integer getEarlyFiringSeconds();

    void setEarlyFiringSeconds(Integer value);

    @Description("Processing time after a pane's first action until a late team score or a user score, in seconds")
    @Default.Integer(4)
    Integer getLateFiringSeconds();

    void setLateFiringSeconds(Integer value);

    @Description("Game actions per second")
    @Default.Integer(20)
    Integer getRate();

    void setRate(Integer value);

    @Description("Every how many actions one arrives late")
    @Default.Integer(10)
    Integer getLateEvery();

    void setLateEvery(Integer value);

    @Description("How late a late action is, in seconds")
    @Default.Integer(12)
    Integer getLateSeconds();

    void setLateSeconds(Integer value);

    @Description("How long to run before cancelling the pipeline, in seconds")
    @Default.Integer(30)
    Integer getSeconds();

    void setSeconds(Integer value);
  }

  /**
   * Team scores per fixed window: early panes on processing time while the window is open, the
   * on-time pane at the watermark, late panes on processing time after it; panes accumulate.
   */
  public static class CalculateTeamScores
      extends PTransform<PCollection<GameActionInfo>, PCollection<KV<String, Integer>>> {
    private static final long serialVersionUID = 1L;

    private final Duration teamWindowDuration;
    private final Duration allowedLateness;
    private final Duration earlyDelay;
    private final Duration lateDelay;

    /** Beam's: early panes five minutes, late panes ten minutes after a pane's first action. */
    public CalculateTeamScores(Duration teamWindowDuration, Duration allowedLateness) {
      this(teamWindowDuration, allowedLateness, FIVE_MINUTES, TEN_MINUTES);
    }

    /** Early panes {@code earlyDelay}, late panes {@code lateDelay} after a pane's first action. */
    public CalculateTeamScores(Duration teamWindowDuration, Duration allowedLateness, Duration earlyDelay,
        Duration lateDelay) {
      this.teamWindowDuration = teamWindowDuration;
      this.allowedLateness = allowedLateness;
      this.earlyDelay = earlyDelay;
      this.lateDelay = lateDelay;
    }

    @Override
    public PCollection<KV<String, Integer>> expand(PCollection<GameActionInfo> infos) {
      return infos
          .apply("LeaderboardTeamFixedWindows", Window.<GameActionInfo>into(FixedWindows.of(teamWindowDuration))
              .triggering(AfterWatermark.pastEndOfWindow()
                  .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(earlyDelay))
                  .withLateFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(lateDelay)))
              .withAllowedLateness(allowedLateness)
              .accumulatingFiredPanes())
          .apply("ExtractTeamScore", new ExtractAndSumScore("team"));
    }
  }

  /** Running user scores in the global window, a pane each time processing time passes the delay after new actions. */
  public static class CalculateUserScores
      extends PTransform<PCollection<GameActionInfo>, PCollection<KV<String, Integer>>> {
    private static final long serialVersionUID = 1L;

    private final Duration allowedLateness;
    private final Duration delay;

    /** Beam's: a pane ten minutes after a pane's first action. */
    public CalculateUserScores(Duration allowedLateness) {
      this(allowedLateness, TEN_MINUTES);
    }

    /** A pane {@code delay} after a pane's first action. */
    public CalculateUserScores(Duration allowedLateness, Duration delay) {
      this.allowedLateness = allowedLateness;
      this.delay = delay;
    }

    @Override
    public PCollection<KV<String, Integer>> expand(PCollection<GameActionInfo> input) {
      return input
          .apply("LeaderboardUserGlobalWindow", Window.<GameActionInfo>into(new GlobalWindows())
              .triggering(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(delay)))
              .accumulatingFiredPanes()
              .withAllowedLateness(allowedLateness))
          .apply("ExtractUserScore", new ExtractAndSumScore("user"));
    }
  }

  /** Formats a team score pane as Beam's BigQuery row would hold it, and prints it. */
  static class PrintTeamScoreFn extends DoFn<KV<String, Integer>, Void> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, Integer> score, BoundedWindow window, PaneInfo pane) {
      System.out.println(formatTeamScore(score, (IntervalWindow) window, pane, Instant.now()));
    }
  }

  /** Formats a user score pane, and prints it. */
  static class PrintUserScoreFn extends DoFn<KV<String, Integer>, Void> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, Integer> score) {
      System.out.println(formatUserScore(score, Instant.now()));
    }
  }

  static String formatTeamScore(KV<String, Integer> score, IntervalWindow window, PaneInfo pane, Instant now) {
    return "team=" + score.getKey() + " total_score=" + score.getValue() + " window_start=" + window.start()
        + " processing_time=" + now + " timing=" + pane.getTiming();
  }

  static String formatUserScore(KV<String, Integer> score, Instant now) {
    return "user=" + score.getKey() + " total_score=" + score.getValue() + " processing_time=" + now;
  }

  static Pipeline build(Options options) {
    Pipeline pipeline = Pipeline.create(options);
    PCollection<GameActionInfo> gameEvents = pipeline.apply("GameEvents", GameEvents.of(options.getRate(), 4, 3,
        options.getLateEvery(), Duration.standardSeconds(options.getLateSeconds())));
    gameEvents
        .apply("CalculateTeamScores", new CalculateTeamScores(
            Duration.standardSeconds(options.getTeamWindowSeconds()),
            Duration.standardSeconds(options.getAllowedLatenessSeconds()),
            Duration.standardSeconds(options.getEarlyFiringSeconds()),
            Duration.standardSeconds(options.getLateFiringSeconds())))
        .apply("PrintTeamScores", ParDo.of(new PrintTeamScoreFn()));
    gameEvents
        .apply("CalculateUserScores", new CalculateUserScores(
            Duration.standardSeconds(options.getAllowedLatenessSeconds()),
            Duration.standardSeconds(options.getLateFiringSeconds())))
        .apply("PrintUserScores", ParDo.of(new PrintUserScoreFn()));
    return pipeline;
  }

  public static void main(String[] args) {
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    // The stream never ends: run in the background, let it go for a while, cancel it.
    options.as(EarlyAndLateFirings.BlockOnRunOption.class).setBlockOnRun(false);
    PipelineResult result = build(options).run();
    if (result.waitUntilFinish(Duration.standardSeconds(options.getSeconds())) == null) {
      result.cancel();
    }
  }
}
