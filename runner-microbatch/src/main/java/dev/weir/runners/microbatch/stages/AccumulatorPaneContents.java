package dev.weir.runners.microbatch.stages;

import dev.weir.runtime.grouping.PaneContents;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.transforms.Combine.CombineFn;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The {@link PaneContents} of a lifted combine whose values were already combined per key and
 * window before the shuffle (see {@link PartialCombine}): what the grouping core receives are
 * accumulators of the CombineFn, each merged into the window's with
 * {@link CombineFn#mergeAccumulators}; a window keeps one accumulator and a pane holds its
 * {@link CombineFn#extractOutput}, exactly what the core's own combining contents keep and emit.
 *
 * <p>Immutable; as thread-safe as its CombineFn, so each partition and each map-side task uses its
 * own copy ({@code GroupAlsoByWindowSpec.withOwnContents}).
 *
 * @param <InputT> the type of the values before combining
 * @param <AccumT> the accumulator type, which is also what the core receives
 * @param <OutputT> a pane's contents
 */
final class AccumulatorPaneContents<InputT, AccumT, OutputT> implements PaneContents<AccumT, AccumT, OutputT> {
  private static final long serialVersionUID = 1L;

  private final CombineFn<InputT, AccumT, OutputT> fn;
  private final Coder<AccumT> accumulatorCoder;

  AccumulatorPaneContents(CombineFn<InputT, AccumT, OutputT> fn, Coder<AccumT> accumulatorCoder) {
    this.fn = Objects.requireNonNull(fn, "fn");
    this.accumulatorCoder = Objects.requireNonNull(accumulatorCoder, "accumulatorCoder");
  }

  /** The CombineFn of this copy, for the map side's {@code addInput}. */
  CombineFn<InputT, AccumT, OutputT> fn() {
    return fn;
  }

  @Override
  public AccumT createEmpty() {
    return fn.createAccumulator();
  }

  @Override
  public AccumT add(AccumT accumulator, AccumT partial) {
    // Arrays.asList: a CombineFn may use null as an accumulator, which List.of rejects.
    return fn.mergeAccumulators(Arrays.asList(accumulator, partial));
  }

  @Override
  public AccumT merge(List<AccumT> accumulators) {
    return fn.mergeAccumulators(accumulators);
  }

  /**
   * The output of a copy of {@code accumulator}: in accumulating mode the window keeps merging into
   * the accumulator after this pane, and a CombineFn may return (part of) its accumulator as output.
   */
  @Override
  public OutputT extract(AccumT accumulator) {
    AccumT copy;
    try {
      copy = CoderUtils.clone(accumulatorCoder, accumulator);
    } catch (CoderException e) {
      throw new IllegalStateException("The accumulator coder " + accumulatorCoder + " of " + fn.getClass().getName()
          + " cannot copy the accumulator " + accumulator + ". Fix: make getAccumulatorCoder return a coder that"
          + " encodes every accumulator the CombineFn makes.", e);
    }
    return fn.extractOutput(copy);
  }

  @Override
  public OutputT extractLast(AccumT accumulator) {
    return fn.extractOutput(accumulator);
  }

  @Override
  public Coder<AccumT> accumulatorCoder() {
    return accumulatorCoder;
  }

  @Override
  public String toString() {
    return "accumulators(" + fn.getClass().getName() + ")";
  }
}
