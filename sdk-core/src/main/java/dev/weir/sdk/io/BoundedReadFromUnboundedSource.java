package dev.weir.sdk.io;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import java.util.Objects;
import org.joda.time.Duration;

/**
 * Reads a bounded amount of an {@link UnboundedSource} into a bounded collection: at most
 * {@link #withMaxNumRecords} records, or for at most {@link #withMaxReadTime}, or both, whichever
 * ends first. Made by {@link Read.Unbounded#withMaxNumRecords} and
 * {@link Read.Unbounded#withMaxReadTime}.
 *
 * <p>As in Beam, the source is split into one part per 10,000 records (at most 100 parts) and the
 * records are shared evenly among the parts; each part reads its share, for at most the read time
 * measured from when it starts, and also ends when its watermark reaches the end of time. Elements
 * keep the timestamps the source gives them, in the global window. For a source that
 * {@link UnboundedSource#requiresDeduping() requires deduping}, each part drops the records whose
 * id it has already delivered. Immutable; each {@code withX} returns a copy.
 *
 * @param <T> the type of elements read
 */
public final class BoundedReadFromUnboundedSource<T> extends PTransform<PBegin, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private final UnboundedSource<T, ?> source;
  private final long maxNumRecords;
  private final Duration maxReadTime;

  private BoundedReadFromUnboundedSource(UnboundedSource<T, ?> source, long maxNumRecords, Duration maxReadTime) {
    this.source = source;
    this.maxNumRecords = maxNumRecords;
    this.maxReadTime = maxReadTime;
  }

  static <T> BoundedReadFromUnboundedSource<T> of(UnboundedSource<T, ?> source) {
    return new BoundedReadFromUnboundedSource<>(Objects.requireNonNull(source, "source"), Long.MAX_VALUE, null);
  }

  /** This read, ending after {@code maxNumRecords} records in total. */
  public BoundedReadFromUnboundedSource<T> withMaxNumRecords(long maxNumRecords) {
    checkArgument(maxNumRecords >= 0,
        "withMaxNumRecords: the number of records to read must not be negative, got %s", maxNumRecords);
    return new BoundedReadFromUnboundedSource<>(source, maxNumRecords, maxReadTime);
  }

  /** This read, each part ending {@code maxReadTime} after it started. */
  public BoundedReadFromUnboundedSource<T> withMaxReadTime(Duration maxReadTime) {
    Objects.requireNonNull(maxReadTime, "maxReadTime");
    checkArgument(!maxReadTime.isShorterThan(Duration.ZERO),
        "withMaxReadTime: the read time must not be negative, got %s", maxReadTime);
    return new BoundedReadFromUnboundedSource<>(source, maxNumRecords, maxReadTime);
  }

  public UnboundedSource<T, ?> getSource() {
    return source;
  }

  /** The most records read, {@link Long#MAX_VALUE} when unlimited. */
  public long getMaxNumRecords() {
    return maxNumRecords;
  }

  /** The longest a part reads, or null when unlimited. */
  public Duration getMaxReadTime() {
    return maxReadTime;
  }

  @Override
  public PCollection<T> expand(PBegin input) {
    return input.apply("Read", Read.from(UnboundedReadAsBoundedSource.of(source, maxNumRecords, maxReadTime)));
  }

  @Override
  protected String getKindString() {
    return "Read(" + source.getClass().getSimpleName() + ")";
  }
}
