package dev.weir.runtime.grouping;

import dev.weir.sdk.coders.Coder;
import java.io.Serializable;
import java.util.List;

/**
 * What a window keeps between panes and what a pane holds: the values themselves for a
 * {@code GroupByKey} ({@link #buffering}), or a combiner's accumulator for a combining grouping.
 * The grouping core calls it; it never sees keys, windows or time.
 *
 * <p>An accumulator passed to {@link #add} or {@link #merge} belongs to the callee, which may
 * mutate and return it; the core never uses it again. {@link #extract} must not hand out anything
 * that a later {@link #add} would change, because in accumulating mode the core keeps adding to
 * the accumulator after a pane is emitted. Implementations are immutable and thread-safe.
 *
 * @param <InputT> the type of the values grouped
 * @param <AccumT> the type of what a window keeps
 * @param <OutputT> the type of a pane's contents
 */
public interface PaneContents<InputT, AccumT, OutputT> extends Serializable {

  /** What a window that has seen nothing keeps. */
  AccumT createEmpty();

  /** {@code accumulator} with {@code value} added. */
  AccumT add(AccumT accumulator, InputT value);

  /** One accumulator holding everything in {@code accumulators} (at least one), in their order. */
  AccumT merge(List<AccumT> accumulators);

  /** The contents of a pane fired with {@code accumulator}. */
  OutputT extract(AccumT accumulator);

  /** Encodes accumulators, for snapshots. */
  Coder<AccumT> accumulatorCoder();

  /** Keeps every value, in arrival order; a pane holds them as an unmodifiable iterable. */
  static <V> PaneContents<V, List<V>, Iterable<V>> buffering(Coder<V> valueCoder) {
    return new BufferingPaneContents<>(valueCoder);
  }
}
