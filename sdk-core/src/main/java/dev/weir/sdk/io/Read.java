package dev.weir.sdk.io;

import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.Objects;
import org.joda.time.Duration;

/**
 * Reads a {@link Source} into a {@link PCollection}: {@code p.apply(Read.from(source))}. A bounded
 * source gives a bounded collection; an unbounded one an unbounded collection, unless
 * {@link Unbounded#withMaxNumRecords} or {@link Unbounded#withMaxReadTime} bound the read.
 */
public final class Read {
  private Read() {}

  /** Reads all elements of a bounded source. */
  public static <T> Bounded<T> from(BoundedSource<T> source) {
    return new Bounded<>(Objects.requireNonNull(source, "source"));
  }

  /** Reads the elements of an unbounded source as they arrive, in the global window. */
  public static <T> Unbounded<T> from(UnboundedSource<T, ?> source) {
    return new Unbounded<>(Objects.requireNonNull(source, "source"));
  }

  /**
   * The primitive that reads a bounded source. Runners execute it.
   *
   * @param <T> the type of elements read
   */
  public static final class Bounded<T> extends PTransform<PBegin, PCollection<T>> {
    private static final long serialVersionUID = 1L;

    private final BoundedSource<T> source;

    private Bounded(BoundedSource<T> source) {
      this.source = source;
    }

    public BoundedSource<T> getSource() {
      return source;
    }

    @Override
    public PCollection<T> expand(PBegin input) {
      source.validate();
      return PCollection.createPrimitiveOutputInternal(
          input.getPipeline(), WindowingStrategy.globalDefault(), PCollection.IsBounded.BOUNDED,
          source.getOutputCoder());
    }

    @Override
    protected String getKindString() {
      return "Read(" + source.getClass().getSimpleName() + ")";
    }
  }

  /**
   * The primitive that reads an unbounded source into an unbounded collection, at the timestamps
   * its readers give, with the watermark they report. Runners execute it.
   *
   * @param <T> the type of elements read
   */
  public static final class Unbounded<T> extends PTransform<PBegin, PCollection<T>> {
    private static final long serialVersionUID = 1L;

    private final UnboundedSource<T, ?> source;

    private Unbounded(UnboundedSource<T, ?> source) {
      this.source = source;
    }

    public UnboundedSource<T, ?> getSource() {
      return source;
    }

    /**
     * Reads at most {@code maxNumRecords} records, making the result bounded: the read ends when
     * that many were read, or when the source is done (its watermark reached the end of time).
     *
     * @throws IllegalArgumentException if {@code maxNumRecords} is negative
     */
    public BoundedReadFromUnboundedSource<T> withMaxNumRecords(long maxNumRecords) {
      return BoundedReadFromUnboundedSource.of(source).withMaxNumRecords(maxNumRecords);
    }

    /**
     * Reads for at most {@code maxReadTime} (each part of the source, measured from when it starts
     * reading), making the result bounded.
     *
     * @throws IllegalArgumentException if {@code maxReadTime} is negative
     */
    public BoundedReadFromUnboundedSource<T> withMaxReadTime(Duration maxReadTime) {
      return BoundedReadFromUnboundedSource.of(source).withMaxReadTime(maxReadTime);
    }

    @Override
    public PCollection<T> expand(PBegin input) {
      source.validate();
      return PCollection.createPrimitiveOutputInternal(
          input.getPipeline(), WindowingStrategy.globalDefault(), PCollection.IsBounded.UNBOUNDED,
          source.getOutputCoder());
    }

    @Override
    protected String getKindString() {
      return "Read(" + source.getClass().getSimpleName() + ")";
    }
  }
}
