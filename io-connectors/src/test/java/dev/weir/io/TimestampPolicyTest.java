package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The watermark and timestamp rules of {@link TimestampPolicy}, each at its boundary. */
class TimestampPolicyTest {
  private static final Instant T0 = new Instant(1_700_000_000_000L);
  private static final Duration BOUND = Duration.standardSeconds(5);
  private static final Duration IDLE = Duration.standardSeconds(30);

  /** Records are their own event time, in millis. */
  private static TimestampPolicy<Long> eventTime() {
    return TimestampPolicy.eventTime(Instant::new, BOUND);
  }

  private static Instant at(long offsetMillis) {
    return T0.plus(Duration.millis(offsetMillis));
  }

  /** Stamps and observes {@code record} read at {@code now}. */
  private static TimestampPolicy.State read(
      TimestampPolicy<Long> policy, TimestampPolicy.State state, long record, Instant now) {
    return policy.observe(state, policy.timestampOf(record, now), now);
  }

  @Test
  void processingTimeStampsWithTheReadTimeAndWatermarksWithTheClock() {
    TimestampPolicy<String> policy = TimestampPolicy.processingTime();
    TimestampPolicy.State state = policy.initialState(T0);

    assertEquals(at(10), policy.timestampOf("a", at(10)));
    assertEquals(at(25), policy.advance(state, at(25)).watermark());
  }

  @Test
  void processingTimeWatermarkDoesNotGoBackWhenTheClockDoes() {
    TimestampPolicy<String> policy = TimestampPolicy.processingTime();
    TimestampPolicy.State state = policy.advance(policy.initialState(T0), at(100));

    assertEquals(at(100), policy.advance(state, at(40)).watermark());
  }

  @Test
  void eventTimeWatermarkIsTheBeginningOfTimeBeforeAnyRecord() {
    TimestampPolicy<Long> policy = eventTime();

    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE,
        policy.advance(policy.initialState(T0), at(1_000_000)).watermark());
  }

  @Test
  void eventTimeWatermarkIsTheLargestEventTimeSeenMinusTheBound() {
    TimestampPolicy<Long> policy = eventTime();
    TimestampPolicy.State state = policy.initialState(T0);
    state = read(policy, state, at(9_000).getMillis(), T0);
    state = read(policy, state, at(7_000).getMillis(), T0);

    assertEquals(at(4_000), state.watermark());
    assertEquals(at(7_000), policy.timestampOf(at(7_000).getMillis(), T0));
  }

  @Test
  void eventTimeWatermarkNeverGoesBackForAnEarlierRecord() {
    TimestampPolicy<Long> policy = eventTime();
    TimestampPolicy.State state = read(policy, policy.initialState(T0), at(9_000).getMillis(), T0);
    state = read(policy, state, at(1_000).getMillis(), T0);

    assertEquals(at(4_000), state.watermark());
    assertEquals(at(9_000), state.maxEventTime());
  }

  @Test
  void withoutIdlenessTheWatermarkStallsWhenRecordsStop() {
    TimestampPolicy<Long> policy = eventTime();
    TimestampPolicy.State state = read(policy, policy.initialState(T0), T0.getMillis(), T0);

    assertEquals(at(-5_000), policy.advance(state, at(3_600_000)).watermark());
  }

  @Test
  void idlenessDoesNotApplyOneMillisecondBeforeIdleAfter() {
    TimestampPolicy<Long> policy = eventTime().withIdleness(IDLE);
    TimestampPolicy.State state = read(policy, policy.initialState(T0), T0.getMillis(), T0);

    assertEquals(at(-5_000), policy.advance(state, at(29_999)).watermark());
  }

  @Test
  void idleSourceWatermarkFollowsWallTimeMinusTheBoundFromIdleAfterOn() {
    TimestampPolicy<Long> policy = eventTime().withIdleness(IDLE);
    TimestampPolicy.State state = read(policy, policy.initialState(T0), T0.getMillis(), T0);

    assertEquals(at(25_000), policy.advance(state, at(30_000)).watermark());
    assertEquals(at(95_000), policy.advance(state, at(100_000)).watermark());
  }

  @Test
  void idlenessCountsFromTheStartWhenNoRecordWasEverRead() {
    TimestampPolicy<Long> policy = eventTime().withIdleness(IDLE);
    TimestampPolicy.State state = policy.initialState(T0);

    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, policy.advance(state, at(29_999)).watermark());
    assertEquals(at(25_000), policy.advance(state, at(30_000)).watermark());
  }

  @Test
  void idleWatermarkDoesNotGoBackWhenAnOlderRecordEndsTheIdleSpell() {
    TimestampPolicy<Long> policy = eventTime().withIdleness(IDLE);
    TimestampPolicy.State state = read(policy, policy.initialState(T0), T0.getMillis(), T0);
    state = policy.advance(state, at(100_000));
    state = read(policy, state, at(1_000).getMillis(), at(100_001));

    assertEquals(at(95_000), state.watermark());
    assertEquals(at(95_000), policy.advance(state, at(100_002)).watermark());
  }

  @Test
  void aRecordMakesAnIdleSourceActiveAgain() {
    TimestampPolicy<Long> policy = eventTime().withIdleness(IDLE);
    TimestampPolicy.State state = read(policy, policy.initialState(T0), T0.getMillis(), T0);
    state = read(policy, state, T0.getMillis(), at(50_000));

    // Active again: the watermark waits for event time, or for the next idle spell.
    assertEquals(at(-5_000), policy.advance(state, at(79_999)).watermark());
    assertEquals(at(75_000), policy.advance(state, at(80_000)).watermark());
  }

  @Test
  void stateSurvivesACoderRoundTripAndGivesTheSameWatermark() throws Exception {
    TimestampPolicy<Long> policy = eventTime().withIdleness(IDLE);
    TimestampPolicy.State state = read(policy, policy.initialState(T0), at(9_000).getMillis(), at(1));
    TimestampPolicy.StateCoder coder = TimestampPolicy.StateCoder.of();

    TimestampPolicy.State restored = CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, state));

    assertEquals(state, restored);
    assertEquals(policy.advance(state, at(40_000)), policy.advance(restored, at(40_000)));
  }

  @Test
  void idlenessOnProcessingTimeIsRefusedWithTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TimestampPolicy.<String>processingTime().withIdleness(IDLE));

    assertTrue(e.getMessage().contains("use TimestampPolicy.eventTime(fn, bound).withIdleness"), e.getMessage());
  }

  @Test
  void negativeBoundIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TimestampPolicy.eventTime((Long r) -> T0, Duration.millis(-1)));

    assertTrue(e.getMessage().contains("must not be negative"), e.getMessage());
  }

  @Test
  void nullEventTimeNamesTheRecord() {
    TimestampPolicy<String> policy = TimestampPolicy.eventTime((String r) -> null, BOUND);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> policy.timestampOf("rec-7", T0));

    assertTrue(e.getMessage().contains("returned null for record rec-7"), e.getMessage());
  }
}
