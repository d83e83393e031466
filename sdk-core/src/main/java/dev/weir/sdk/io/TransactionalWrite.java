package dev.weir.sdk.io;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PDone;

/**
 * Writes a collection through a {@link TransactionalSink}: a primitive transform, which each
 * runner executes by driving the sink's transactions (see the sink's protocol). It is what makes
 * a connector's output exactly-once on the streaming runners.
 *
 * <p>Immutable.
 *
 * @param <T> the type of the elements written
 */
public final class TransactionalWrite<T> extends PTransform<PCollection<T>, PDone> {
  private static final long serialVersionUID = 1L;

  private final TransactionalSink<T, ?> sink;

  private TransactionalWrite(TransactionalSink<T, ?> sink) {
    this.sink = sink;
  }

  /** Writes to {@code sink}. */
  public static <T> TransactionalWrite<T> to(TransactionalSink<T, ?> sink) {
    return new TransactionalWrite<>(checkNotNull(sink, "sink"));
  }

  /** The sink written to. */
  public TransactionalSink<T, ?> getSink() {
    return sink;
  }

  @Override
  public PDone expand(PCollection<T> input) {
    return PDone.in(input.getPipeline());
  }

  @Override
  protected String getKindString() {
    return "TransactionalWrite(" + sink.getClass().getSimpleName() + ")";
  }
}
