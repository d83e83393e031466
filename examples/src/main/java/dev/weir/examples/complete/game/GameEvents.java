package dev.weir.examples.complete.game;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.io.synthetic.Event;
import dev.weir.sdk.io.GenerateSequence;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * An endless stream of game actions, in place of Beam's Pub/Sub injector: {@code rate} actions per
 * second with event times that follow the wall clock, except that every {@code lateEvery}-th action
 * is stamped {@code lateBy} in the past, as a phone that was offline would report it. The source's
 * watermark follows the latest event time, so those actions arrive late.
 *
 * <p>Action {@code n} is derived from {@code n} alone (a hash picks the team, the user among the
 * team's {@code usersPerTeam} and a score from 1 to 20), so two runs started at the same instant
 * produce the same actions. Teams are named after colours, users after their team and number.
 */
public final class GameEvents extends PTransform<PBegin, PCollection<GameActionInfo>> {
  private static final long serialVersionUID = 1L;
  private static final String[] TEAMS = {"Amaranth", "Cerulean", "Saffron", "Viridian", "Magenta", "Ochre"};

  private final long rate;
  private final int teams;
  private final int usersPerTeam;
  private final long lateEvery;
  private final Duration lateBy;

  private GameEvents(long rate, int teams, int usersPerTeam, long lateEvery, Duration lateBy) {
    this.rate = rate;
    this.teams = teams;
    this.usersPerTeam = usersPerTeam;
    this.lateEvery = lateEvery;
    this.lateBy = lateBy;
  }

  /**
   * Actions at {@code rate} per second from {@code teams} teams of {@code usersPerTeam} users, every
   * {@code lateEvery}-th one {@code lateBy} late.
   *
   * @throws IllegalArgumentException if a count is not positive, or there are more teams than names
   */
  public static GameEvents of(long rate, int teams, int usersPerTeam, long lateEvery, Duration lateBy) {
    checkArgument(rate > 0 && usersPerTeam > 0 && lateEvery > 0,
        "GameEvents needs a positive rate, users per team and lateEvery, got %s, %s, %s", rate, usersPerTeam, lateEvery);
    checkArgument(teams > 0 && teams <= TEAMS.length, "GameEvents has 1 to %s teams, got %s", TEAMS.length, teams);
    return new GameEvents(rate, teams, usersPerTeam, lateEvery, lateBy);
  }

  /** Action {@code n} at event time {@code timestamp}. */
  GameActionInfo action(long n, Instant timestamp) {
    long h = Event.mix(n);
    int team = (int) Math.floorMod(h, (long) teams);
    int user = (int) Math.floorMod(h >>> 16, (long) usersPerTeam);
    int score = 1 + (int) Math.floorMod(h >>> 32, 20L);
    return new GameActionInfo("user" + user + "_" + TEAMS[team], TEAMS[team], score, timestamp.getMillis());
  }

  @Override
  public PCollection<GameActionInfo> expand(PBegin input) {
    long start = Instant.now().getMillis();
    long lateMillis = lateBy.getMillis();
    long every = lateEvery;
    long perSecond = rate;
    return input
        .apply("Generate", GenerateSequence.from(0).withRate(rate, Duration.standardSeconds(1))
            .withTimestampFn(n -> new Instant(start + n * 1000 / perSecond - (n % every == every - 1 ? lateMillis : 0))))
        .apply("ToAction", ParDo.of(new ToActionFn(this)))
        .setCoder(GameActionInfo.GameActionInfoCoder.of());
  }

  /** Turns a number of the sequence into the action it stands for, at the number's timestamp. */
  private static final class ToActionFn extends DoFn<Long, GameActionInfo> {
    private static final long serialVersionUID = 1L;

    private final GameEvents events;

    ToActionFn(GameEvents events) {
      this.events = events;
    }

    @ProcessElement
    public void processElement(@Element Long n, @Timestamp Instant timestamp, OutputReceiver<GameActionInfo> out) {
      out.output(events.action(n, timestamp));
    }
  }
}
