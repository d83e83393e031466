package dev.weir.sdk.io;

import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.Objects;

/** Reads a {@link Source} into a {@link PCollection}: {@code p.apply(Read.from(source))}. */
public final class Read {
  private Read() {}

  /** Reads all elements of a bounded source. */
  public static <T> Bounded<T> from(BoundedSource<T> source) {
    return new Bounded<>(Objects.requireNonNull(source, "source"));
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
}
