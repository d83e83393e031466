package dev.weir.sdk.io;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.SerializableFunction;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import java.util.Objects;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Generates the longs {@code from} (inclusive) to {@code to} (exclusive):
 * {@code p.apply(GenerateSequence.from(0).to(1000))}, read through a source that splits into
 * sub-ranges so parts can be read in parallel.
 *
 * <p>Without {@link #to} the sequence is endless and the collection unbounded, read as fast as
 * the pipeline takes it or at most {@link #withRate} numbers per period; {@link #withMaxReadTime}
 * bounds it again by time. A bounded range read at a rate or for a time is read the same way and
 * stops after {@code to - from} numbers (as in Beam). In a bounded range, elements sit at the
 * minimum timestamp unless {@link #withTimestampFn} gives each its own; in an unbounded read they
 * sit at the wall-clock time they are generated at, unless the function gives them a timestamp,
 * and the watermark follows the last number generated. Immutable; each {@code withX} returns a
 * copy.
 */
public final class GenerateSequence extends PTransform<PBegin, PCollection<Long>> {
  private static final long serialVersionUID = 1L;

  private final long from;
  private final long to;
  private final SerializableFunction<Long, Instant> timestampFn;
  private final long elementsPerPeriod;
  private final Duration period;
  private final Duration maxReadTime;

  private GenerateSequence(long from, long to, SerializableFunction<Long, Instant> timestampFn) {
    this(from, to, timestampFn, 0, null, null);
  }

  private GenerateSequence(long from, long to, SerializableFunction<Long, Instant> timestampFn,
      long elementsPerPeriod, Duration period, Duration maxReadTime) {
    this.from = from;
    this.to = to;
    this.timestampFn = timestampFn;
    this.elementsPerPeriod = elementsPerPeriod;
    this.period = period;
    this.maxReadTime = maxReadTime;
  }

  /** A sequence starting at {@code from} (inclusive, at least 0). */
  public static GenerateSequence from(long from) {
    checkArgument(from >= 0, "GenerateSequence.from: the value of from must be non-negative, but was %s", from);
    return new GenerateSequence(from, -1, null);
  }

  /** This sequence ending before {@code to}, which must not be less than {@code from}. */
  public GenerateSequence to(long to) {
    checkArgument(to >= from, "GenerateSequence: degenerate range [%s, %s): to must be >= from", from, to);
    return new GenerateSequence(from, to, timestampFn, elementsPerPeriod, period, maxReadTime);
  }

  /** This sequence with each number {@code n} at timestamp {@code timestampFn(n)}. */
  public GenerateSequence withTimestampFn(SerializableFunction<Long, Instant> timestampFn) {
    return new GenerateSequence(
        from, to, Objects.requireNonNull(timestampFn, "timestampFn"), elementsPerPeriod, period, maxReadTime);
  }

  /**
   * This sequence generating at most {@code numElements} numbers per {@code periodLength}, which
   * makes it an unbounded read (bounded again by {@link #to} or {@link #withMaxReadTime}).
   *
   * @throws IllegalArgumentException if either is not positive
   */
  public GenerateSequence withRate(long numElements, Duration periodLength) {
    checkArgument(numElements > 0,
        "GenerateSequence.withRate: the number of elements must be positive, but was %s", numElements);
    Objects.requireNonNull(periodLength, "periodLength");
    checkArgument(periodLength.isLongerThan(Duration.ZERO),
        "GenerateSequence.withRate: the period must be positive, but was %s", periodLength);
    return new GenerateSequence(from, to, timestampFn, numElements, periodLength, maxReadTime);
  }

  /**
   * This sequence read for at most {@code maxReadTime}, which makes the collection bounded.
   *
   * @throws IllegalArgumentException if it is negative
   */
  public GenerateSequence withMaxReadTime(Duration maxReadTime) {
    Objects.requireNonNull(maxReadTime, "maxReadTime");
    checkArgument(!maxReadTime.isShorterThan(Duration.ZERO),
        "GenerateSequence.withMaxReadTime: the read time must not be negative, but was %s", maxReadTime);
    return new GenerateSequence(from, to, timestampFn, elementsPerPeriod, period, maxReadTime);
  }

  public long getFrom() {
    return from;
  }

  /** The exclusive end, or -1 when none was given. */
  public long getTo() {
    return to;
  }

  /** The most numbers generated per {@link #getPeriod()}, or 0 when not rate-limited. */
  public long getElementsPerPeriod() {
    return elementsPerPeriod;
  }

  /** The period of the rate, or null when not rate-limited. */
  public Duration getPeriod() {
    return period;
  }

  /** The longest the sequence is read, or null when not limited. */
  public Duration getMaxReadTime() {
    return maxReadTime;
  }

  @Override
  public PCollection<Long> expand(PBegin input) {
    boolean endless = to < 0;
    if (!endless && elementsPerPeriod == 0 && maxReadTime == null) {
      return input.apply(Read.from(CountingSource.createSourceForSubrange(from, to, timestampFn)));
    }
    UnboundedCountingSource source = UnboundedCountingSource.from(from);
    if (timestampFn != null) {
      source = source.withTimestampFn(timestampFn);
    }
    if (elementsPerPeriod > 0) {
      source = source.withRate(elementsPerPeriod, period);
    }
    Read.Unbounded<Long> read = Read.from(source);
    if (endless && maxReadTime == null) {
      return input.apply(read);
    }
    BoundedReadFromUnboundedSource<Long> bounded = maxReadTime == null
        ? read.withMaxNumRecords(to - from)
        : read.withMaxReadTime(maxReadTime);
    if (!endless && maxReadTime != null) {
      bounded = bounded.withMaxNumRecords(to - from);
    }
    return input.apply(bounded);
  }
}
