package dev.weir.io;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.transforms.SerializableFunction;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Objects;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * How a source gives its records timestamps and computes its watermark: by arrival time, or by an
 * event time taken from each record with a bounded out-of-orderness, optionally with idleness.
 *
 * <p>The rules, where {@code now} is the wall-clock time the source passes in:
 *
 * <ul>
 *   <li>{@link #processingTime()} (the default of Weir's sources): a record's timestamp is
 *       {@code now} when it is read; the watermark is {@code now}.
 *   <li>{@link #eventTime eventTime(fn, bound)}: a record's timestamp is {@code fn(record)}; the
 *       watermark is {@code maxEventTime - bound}, where {@code maxEventTime} is the largest
 *       timestamp seen so far (the beginning of time before the first record). A record earlier
 *       than the watermark is still delivered, as late data.
 *   <li>{@link #withIdleness withIdleness(idleAfter)} on an event-time policy: once
 *       {@code now - lastRecordAt >= idleAfter} (the source has had no record for {@code idleAfter}
 *       of wall time; {@code lastRecordAt} is when the source started if it never had one), the
 *       watermark is {@code max(maxEventTime - bound, now - bound)}: it follows wall time, as if a
 *       record stamped {@code now} had arrived, instead of stalling. This assumes event time runs
 *       close to wall time, as Flink's idleness and Beam's {@code CustomTimestampPolicyWithLimitedDelay}
 *       do.
 * </ul>
 *
 * <p>In every case the reported watermark never goes back: it is the maximum of every value the
 * rules gave so far, which matters when records resume after an idle spell. It never exceeds
 * {@link BoundedWindow#TIMESTAMP_MAX_VALUE} minus one millisecond, since reaching the end of time
 * means the source is done, which only the source may decide.
 *
 * <p>The policy itself is an immutable serializable value without a clock; everything it
 * remembers is in an immutable {@link State}, which a source keeps per reader and stores in its
 * checkpoint marks with {@link StateCoder}, so the watermark survives restarts. Call order: {@link
 * #initialState} once per fresh reader, then {@link #timestampOf} and {@link #observe} for each
 * record, and {@link #advance} whenever the watermark is wanted.
 *
 * @param <T> the type of records stamped
 */
public final class TimestampPolicy<T> implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Instant LATEST_WATERMARK = BoundedWindow.TIMESTAMP_MAX_VALUE.minus(Duration.millis(1));

  /** The event time of a record, or null for processing time. */
  private final SerializableFunction<T, Instant> eventTimeFn;
  private final Duration maxOutOfOrderness;
  /** How long without a record makes the source idle, or null for never. */
  private final Duration idleAfter;

  private TimestampPolicy(
      SerializableFunction<T, Instant> eventTimeFn, Duration maxOutOfOrderness, Duration idleAfter) {
    this.eventTimeFn = eventTimeFn;
    this.maxOutOfOrderness = maxOutOfOrderness;
    this.idleAfter = idleAfter;
  }

  /** Stamps each record with the wall-clock time it is read at; the watermark is that clock. */
  public static <T> TimestampPolicy<T> processingTime() {
    return new TimestampPolicy<>(null, Duration.ZERO, null);
  }

  /**
   * Stamps each record with {@code eventTimeFn(record)}; the watermark is the largest event time
   * seen minus {@code maxOutOfOrderness}.
   *
   * @throws IllegalArgumentException if {@code maxOutOfOrderness} is negative
   */
  public static <T> TimestampPolicy<T> eventTime(
      SerializableFunction<T, Instant> eventTimeFn, Duration maxOutOfOrderness) {
    Objects.requireNonNull(eventTimeFn, "eventTimeFn");
    Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
    checkArgument(!maxOutOfOrderness.isShorterThan(Duration.ZERO),
        "TimestampPolicy.eventTime(fn, %s): the out-of-orderness bound must not be negative", maxOutOfOrderness);
    return new TimestampPolicy<>(eventTimeFn, maxOutOfOrderness, null);
  }

  /**
   * This event-time policy, letting the watermark follow wall time minus the bound once the source
   * has had no record for {@code idleAfter}; see the class comment for the exact rule.
   *
   * @throws IllegalArgumentException if {@code idleAfter} is not positive, or this policy is
   *     {@link #processingTime()}, whose watermark never stalls
   */
  public TimestampPolicy<T> withIdleness(Duration idleAfter) {
    Objects.requireNonNull(idleAfter, "idleAfter");
    checkArgument(eventTimeFn != null,
        "TimestampPolicy.processingTime().withIdleness(%s): a processing-time watermark follows the clock"
            + " and never stalls. Fix: use TimestampPolicy.eventTime(fn, bound).withIdleness(...)", idleAfter);
    checkArgument(idleAfter.isLongerThan(Duration.ZERO),
        "TimestampPolicy.withIdleness(%s): the idle time must be positive", idleAfter);
    return new TimestampPolicy<>(eventTimeFn, maxOutOfOrderness, idleAfter);
  }

  /** Whether records are stamped with their arrival time. */
  public boolean isProcessingTime() {
    return eventTimeFn == null;
  }

  /** The state of a reader that starts fresh at {@code now}: nothing seen, watermark at the beginning. */
  public State initialState(Instant now) {
    return new State(BoundedWindow.TIMESTAMP_MIN_VALUE, now, BoundedWindow.TIMESTAMP_MIN_VALUE);
  }

  /**
   * The timestamp of {@code record}, read at {@code now}.
   *
   * @throws IllegalArgumentException if the event-time function returned null or a time outside
   *     the timestamps Weir allows
   */
  public Instant timestampOf(T record, Instant now) {
    if (eventTimeFn == null) {
      return now;
    }
    Instant timestamp = eventTimeFn.apply(record);
    checkArgument(timestamp != null,
        "TimestampPolicy.eventTime: the event-time function returned null for record %s. Fix: return a time"
            + " for every record, or filter such records out before they reach the source", record);
    checkArgument(!timestamp.isBefore(BoundedWindow.TIMESTAMP_MIN_VALUE) && timestamp.isBefore(LATEST_WATERMARK),
        "TimestampPolicy.eventTime: the event time %s of record %s is outside [%s, %s)",
        timestamp, record, BoundedWindow.TIMESTAMP_MIN_VALUE, LATEST_WATERMARK);
    return timestamp;
  }

  /** {@code state} after a record stamped {@code timestamp} was read at {@code now}. */
  public State observe(State state, Instant timestamp, Instant now) {
    Instant max = timestamp.isAfter(state.maxEventTime()) ? timestamp : state.maxEventTime();
    return advance(new State(max, now, state.watermark()), now);
  }

  /** {@code state} with its watermark brought up to {@code now}; read it with {@link State#watermark()}. */
  public State advance(State state, Instant now) {
    Instant candidate = watermarkCandidate(state, now);
    if (!candidate.isAfter(state.watermark())) {
      return state;
    }
    return new State(state.maxEventTime(), state.lastRecordAt(), candidate);
  }

  private Instant watermarkCandidate(State state, Instant now) {
    if (eventTimeFn == null) {
      return latest(now, BoundedWindow.TIMESTAMP_MIN_VALUE);
    }
    Instant candidate = minusBound(state.maxEventTime());
    if (idleAfter != null && !now.isBefore(state.lastRecordAt().plus(idleAfter))) {
      candidate = latest(candidate, minusBound(now));
    }
    return candidate;
  }

  private Instant minusBound(Instant time) {
    Instant lowered = time.minus(maxOutOfOrderness);
    return lowered.isBefore(BoundedWindow.TIMESTAMP_MIN_VALUE) ? BoundedWindow.TIMESTAMP_MIN_VALUE : lowered;
  }

  private static Instant latest(Instant a, Instant b) {
    Instant later = a.isAfter(b) ? a : b;
    return later.isAfter(LATEST_WATERMARK) ? LATEST_WATERMARK : later;
  }

  @Override
  public String toString() {
    if (eventTimeFn == null) {
      return "TimestampPolicy.processingTime()";
    }
    return "TimestampPolicy.eventTime(maxOutOfOrderness=" + maxOutOfOrderness
        + (idleAfter == null ? "" : ", idleAfter=" + idleAfter) + ")";
  }

  /**
   * What a policy remembers for one reader. Immutable; every field is non-null.
   *
   * @param maxEventTime the largest timestamp seen, the beginning of time if none
   * @param lastRecordAt the wall-clock time of the last record, or of the reader's start if none
   * @param watermark the largest watermark reported so far
   */
  public record State(Instant maxEventTime, Instant lastRecordAt, Instant watermark) {
    public State {
      Objects.requireNonNull(maxEventTime, "maxEventTime");
      Objects.requireNonNull(lastRecordAt, "lastRecordAt");
      Objects.requireNonNull(watermark, "watermark");
    }
  }

  /** Encodes a {@link State} as its three instants, in field order; deterministic. */
  public static final class StateCoder extends AtomicCoder<State> {
    private static final long serialVersionUID = 1L;
    private static final StateCoder INSTANCE = new StateCoder();

    private StateCoder() {}

    public static StateCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(State state, OutputStream out) throws IOException {
      InstantCoder.of().encode(state.maxEventTime(), out);
      InstantCoder.of().encode(state.lastRecordAt(), out);
      InstantCoder.of().encode(state.watermark(), out);
    }

    @Override
    public State decode(InputStream in) throws IOException {
      return new State(InstantCoder.of().decode(in), InstantCoder.of().decode(in), InstantCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
