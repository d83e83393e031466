package dev.weir.examples.complete.game;

import dev.weir.examples.complete.game.LeaderBoard.CalculateTeamScores;
import dev.weir.examples.complete.game.LeaderBoard.CalculateUserScores;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LeaderBoard's transforms with Beam's delays (early panes 5 minutes, late panes and user panes 10
 * minutes after a pane's first action), driven by a test stream that controls event time and
 * processing time. Each pane is described as {@code key=score TIMING}.
 */
@ValidatesRunner
class LeaderBoardTest {
  private static final Duration TEAM_WINDOW = Duration.standardMinutes(20);
  private static final Duration ALLOWED_LATENESS = Duration.standardHours(1);
  private static final Instant BASE = new Instant(0);

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static TimestampedValue<GameActionInfo> action(String user, String team, int score, Duration after) {
    Instant at = BASE.plus(after);
    return TimestampedValue.of(new GameActionInfo(user, team, score, at.getMillis()), at);
  }

  private static TestStream.Builder<GameActionInfo> stream() {
    return TestStream.create(GameActionInfo.GameActionInfoCoder.of()).advanceWatermarkTo(BASE);
  }

  private PCollection<String> teamPanes(TestStream<GameActionInfo> stream) {
    return p.apply(stream).apply(new CalculateTeamScores(TEAM_WINDOW, ALLOWED_LATENESS))
        .apply(ParDo.of(new DescribePaneFn()));
  }

  /** {@code key=score TIMING}: what a pane said, and when. */
  private static final class DescribePaneFn extends DoFn<KV<String, Integer>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, Integer> score, PaneInfo pane, OutputReceiver<String> out) {
      out.output(score.getKey() + "=" + score.getValue() + " " + pane.getTiming());
    }
  }

  @Test
  void teamScoresComeOnTimeWhenTheWatermarkPassesTheWindow() {
    TestStream<GameActionInfo> stream = stream()
        .addElements(action("blue1", "blue", 3, Duration.standardSeconds(3)),
            action("blue2", "blue", 2, Duration.standardMinutes(1)),
            action("red1", "red", 5, Duration.standardMinutes(3)))
        .advanceWatermarkTo(BASE.plus(TEAM_WINDOW))
        .advanceWatermarkToInfinity();

    PAssert.that(teamPanes(stream)).containsInAnyOrder("blue=5 ON_TIME", "red=5 ON_TIME");
    p.run();
  }

  @Test
  void teamScoresAreSpeculativeOnProcessingTimeAndAccumulate() {
    TestStream<GameActionInfo> stream = stream()
        .addElements(action("blue1", "blue", 3, Duration.standardSeconds(3)),
            action("blue2", "blue", 2, Duration.standardMinutes(1)))
        .advanceProcessingTime(Duration.standardMinutes(6))
        .addElements(action("red1", "red", 5, Duration.standardMinutes(3)),
            action("blue1", "blue", 4, Duration.standardMinutes(4)))
        .advanceProcessingTime(Duration.standardMinutes(6))
        .advanceWatermarkToInfinity();

    PAssert.that(teamPanes(stream)).containsInAnyOrder(
        "blue=5 EARLY", "blue=9 EARLY", "red=5 EARLY", "blue=9 ON_TIME", "red=5 ON_TIME");
    p.run();
  }

  @Test
  void lateActionsWithinTheAllowedLatenessGiveLatePanesWithTheWholeTotal() {
    TestStream<GameActionInfo> stream = stream()
        .addElements(action("blue1", "blue", 3, Duration.standardMinutes(1)))
        .advanceWatermarkTo(BASE.plus(TEAM_WINDOW).plus(Duration.standardMinutes(5)))
        .addElements(action("blue2", "blue", 7, Duration.standardMinutes(2)))
        .advanceProcessingTime(Duration.standardMinutes(11))
        .advanceWatermarkToInfinity();

    PAssert.that(teamPanes(stream)).containsInAnyOrder("blue=3 ON_TIME", "blue=10 LATE");
    p.run();
  }

  @Test
  void actionsLaterThanTheAllowedLatenessChangeNoScore() {
    TestStream<GameActionInfo> stream = stream()
        .addElements(action("blue1", "blue", 3, Duration.standardMinutes(1)))
        .advanceWatermarkTo(BASE.plus(TEAM_WINDOW).plus(ALLOWED_LATENESS).plus(Duration.standardMinutes(1)))
        .addElements(action("blue2", "blue", 100, Duration.standardMinutes(2)))
        .advanceProcessingTime(Duration.standardMinutes(11))
        .advanceWatermarkToInfinity();

    PAssert.that(teamPanes(stream)).containsInAnyOrder("blue=3 ON_TIME");
    p.run();
  }

  @Test
  void userScoresRunInTheGlobalWindowRefreshedOnProcessingTime() {
    TestStream<GameActionInfo> stream = stream()
        .addElements(action("blue1", "blue", 3, Duration.standardMinutes(1)),
            action("red1", "red", 4, Duration.standardMinutes(2)))
        .advanceProcessingTime(Duration.standardMinutes(11))
        .addElements(action("blue1", "blue", 6, Duration.standardHours(5)))
        .advanceProcessingTime(Duration.standardMinutes(11))
        .advanceWatermarkToInfinity();

    PCollection<KV<String, Integer>> scores = p.apply(stream).apply(new CalculateUserScores(ALLOWED_LATENESS));

    PAssert.that(scores).inEarlyGlobalWindowPanes()
        .containsInAnyOrder(KV.of("blue1", 3), KV.of("red1", 4), KV.of("blue1", 9));
    p.run();
  }
}
