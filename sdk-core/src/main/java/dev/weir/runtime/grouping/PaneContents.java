package dev.weir.runtime.grouping;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import java.io.Serializable;
import java.util.List;

/**
 * What a window keeps between panes and what a pane holds: the values themselves for a
 * {@code GroupByKey} ({@link #buffering}), or a combiner's accumulator for a lifted
 * {@code Combine.perKey} ({@link #combining}), or such accumulators merged as they come from a
 * map-side combine ({@link #mergingAccumulators}).
 * The grouping core calls it; it never sees keys, windows or time.
 *
 * <p>An accumulator passed to {@link #add} or {@link #merge} belongs to the callee, which may
 * mutate and return it; the core never uses it again. {@link #extract} must not hand out anything
 * that a later {@link #add} would change, because in accumulating mode the core keeps adding to
 * the accumulator after a pane is emitted. Implementations are immutable and thread-safe, except
 * that {@link #combining} contents are only as thread-safe as their CombineFn.
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

  /**
   * The contents of the last pane fired with {@code accumulator}, which the caller then drops (a
   * discarding pane, a window's final pane, a bounded group): unlike {@link #extract} it may hand
   * out or change the accumulator itself. By default {@link #extract}.
   */
  default OutputT extractLast(AccumT accumulator) {
    return extract(accumulator);
  }

  /** Encodes accumulators, for snapshots. */
  Coder<AccumT> accumulatorCoder();

  /** Keeps every value, in arrival order; a pane holds them as an unmodifiable iterable. */
  static <V> PaneContents<V, List<V>, Iterable<V>> buffering(Coder<V> valueCoder) {
    return new BufferingPaneContents<>(valueCoder);
  }

  /**
   * Keeps one accumulator of {@code fn}: values are added with {@link CombineFn#addInput}, windows
   * merge with {@link CombineFn#mergeAccumulators}, a pane holds {@link CombineFn#extractOutput}.
   * The same panes as {@link #buffering} followed by {@code fn.apply} on each pane's values, for a
   * {@code fn} that keeps the CombineFn contract, while holding one accumulator per window.
   *
   * @param accumulatorCoder encodes {@code fn}'s accumulators; also used to copy the accumulator
   *     before {@link #extract}, so that a pane never shares state that later values change
   */
  static <InputT, AccumT, OutputT> PaneContents<InputT, AccumT, OutputT> combining(
      CombineFn<InputT, AccumT, OutputT> fn, Coder<AccumT> accumulatorCoder) {
    return new CombiningPaneContents<>(fn, accumulatorCoder);
  }

  /**
   * Keeps one accumulator of {@code fn} and takes accumulators of it as inputs, merging each in: the
   * contents of a lifted combine that a runner combined map-side before the exchange. Its panes
   * equal those of {@link #combining} over the values the accumulators were made of.
   */
  static <InputT, AccumT, OutputT> AccumulatorPaneContents<InputT, AccumT, OutputT> mergingAccumulators(
      CombineFn<InputT, AccumT, OutputT> fn, Coder<AccumT> accumulatorCoder) {
    return new AccumulatorPaneContents<>(fn, accumulatorCoder);
  }
}
