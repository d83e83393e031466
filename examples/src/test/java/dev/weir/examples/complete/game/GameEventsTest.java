package dev.weir.examples.complete.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import java.util.HashSet;
import java.util.Set;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class GameEventsTest {
  private final GameEvents events = GameEvents.of(10, 4, 3, 10, Duration.standardSeconds(5));

  @Test
  void anActionIsDerivedFromItsNumberAlone() {
    assertEquals(events.action(17, new Instant(5)), events.action(17, new Instant(5)));
  }

  @Test
  void actionsSpreadOverTheTeamsAndTheirUsersWithScoresFromOneToTwenty() {
    Set<String> users = new HashSet<>();
    Set<String> teams = new HashSet<>();
    for (long n = 0; n < 1000; n++) {
      GameActionInfo action = events.action(n, new Instant(n));
      users.add(action.user());
      teams.add(action.team());
      assertTrue(action.score() >= 1 && action.score() <= 20, action.toString());
      assertTrue(action.user().endsWith("_" + action.team()), action.toString());
      assertEquals(n, action.timestamp());
    }
    assertEquals(4, teams.size());
    assertEquals(12, users.size());
  }

  @Test
  void moreTeamsThanNamesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GameEvents.of(10, 7, 3, 10, Duration.ZERO));

    assertEquals("GameEvents has 1 to 6 teams, got 7", e.getMessage());
  }

  @Test
  void theCoderRoundTripsAnAction() throws Exception {
    GameActionInfo action = new GameActionInfo("user1_Ochre", "Ochre", 12, 1_700_000_000_000L);
    GameActionInfo.GameActionInfoCoder coder = GameActionInfo.GameActionInfoCoder.of();

    assertEquals(action, CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, action)));
  }

  @Test
  void anUnknownKeyFieldNamesTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GameActionInfo("u", "t", 1, 0L).getKey("score"));

    assertEquals("GameActionInfo has no key field 'score'; use \"user\" or \"team\"", e.getMessage());
  }

  @Test
  void teamScoreLinesCarryBeamsLeaderBoardColumns() {
    String line = LeaderBoard.formatTeamScore(KV.of("Ochre", 42), new IntervalWindow(new Instant(0), new Instant(10_000)),
        PaneInfo.createPane(true, false, PaneInfo.Timing.EARLY), new Instant(3_000));

    assertEquals("team=Ochre total_score=42 window_start=1970-01-01T00:00:00.000Z"
        + " processing_time=1970-01-01T00:00:03.000Z timing=EARLY", line);
  }
}
