package dev.weir.runtime.grouping;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.transforms.Combine.CombineFn;
import java.util.List;
import java.util.Objects;

/**
 * The {@link PaneContents} of a lifted {@code Combine.perKey}: one accumulator of a
 * {@link CombineFn} per window instead of its values. Immutable; thread-safe as far as the CombineFn
 * is, so a runner that groups in parallel gives each grouping its own (deserialized) copy.
 */
final class CombiningPaneContents<InputT, AccumT, OutputT> implements PaneContents<InputT, AccumT, OutputT> {
  private static final long serialVersionUID = 1L;

  private final CombineFn<InputT, AccumT, OutputT> fn;
  private final Coder<AccumT> accumulatorCoder;

  CombiningPaneContents(CombineFn<InputT, AccumT, OutputT> fn, Coder<AccumT> accumulatorCoder) {
    this.fn = Objects.requireNonNull(fn, "fn");
    this.accumulatorCoder = Objects.requireNonNull(accumulatorCoder, "accumulatorCoder");
  }

  CombineFn<InputT, AccumT, OutputT> fn() {
    return fn;
  }

  @Override
  public AccumT createEmpty() {
    return fn.createAccumulator();
  }

  @Override
  public AccumT add(AccumT accumulator, InputT value) {
    return fn.addInput(accumulator, value);
  }

  @Override
  public AccumT merge(List<AccumT> accumulators) {
    return fn.mergeAccumulators(accumulators);
  }

  /**
   * The output of a copy of {@code accumulator}: in accumulating mode the window keeps adding to the
   * accumulator after this pane, and a CombineFn may return (part of) its accumulator as output.
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
    return "combining(" + fn.getClass().getName() + ")";
  }
}
