package dev.weir.sdk.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.SerializableFunction;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * Generates the longs {@code from} (inclusive) to {@code to} (exclusive):
 * {@code p.apply(GenerateSequence.from(0).to(1000))}, read through a source that splits into
 * sub-ranges so parts can be read in parallel.
 *
 * <p>Elements sit at the minimum timestamp unless {@link #withTimestampFn} gives each its own. Only
 * bounded sequences are supported so far: applying one without {@link #to} fails, saying so.
 * Immutable; each {@code withX} returns a copy.
 */
public final class GenerateSequence extends PTransform<PBegin, PCollection<Long>> {
  private static final long serialVersionUID = 1L;

  private final long from;
  private final long to;
  private final SerializableFunction<Long, Instant> timestampFn;

  private GenerateSequence(long from, long to, SerializableFunction<Long, Instant> timestampFn) {
    this.from = from;
    this.to = to;
    this.timestampFn = timestampFn;
  }

  /** A sequence starting at {@code from} (inclusive, at least 0). */
  public static GenerateSequence from(long from) {
    checkArgument(from >= 0, "GenerateSequence.from: the value of from must be non-negative, but was %s", from);
    return new GenerateSequence(from, -1, null);
  }

  /** This sequence ending before {@code to}, which must not be less than {@code from}. */
  public GenerateSequence to(long to) {
    checkArgument(to >= from, "GenerateSequence: degenerate range [%s, %s): to must be >= from", from, to);
    return new GenerateSequence(from, to, timestampFn);
  }

  /** This sequence with each number {@code n} at timestamp {@code timestampFn(n)}. */
  public GenerateSequence withTimestampFn(SerializableFunction<Long, Instant> timestampFn) {
    return new GenerateSequence(from, to, Objects.requireNonNull(timestampFn, "timestampFn"));
  }

  public long getFrom() {
    return from;
  }

  /** The exclusive end, or -1 when none was given. */
  public long getTo() {
    return to;
  }

  @Override
  public PCollection<Long> expand(PBegin input) {
    checkState(to >= 0, "GenerateSequence.from(%s) has no end (.to(...)), which makes it unbounded; Weir supports only"
        + " bounded sequences so far. Fix: add .to(end).", from);
    return input.apply(Read.from(CountingSource.createSourceForSubrange(from, to, timestampFn)));
  }
}
