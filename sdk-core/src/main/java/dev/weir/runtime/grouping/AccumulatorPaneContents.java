package dev.weir.runtime.grouping;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link PaneContents} of a lifted combine whose values a runner already combined per key and
 * window before the exchange (map-side combining): what the grouping core receives are
 * accumulators of the CombineFn, each merged into the window's with
 * {@link CombineFn#mergeAccumulators}. A window keeps one accumulator and a pane holds its
 * {@link CombineFn#extractOutput}, exactly what {@link PaneContents#combining} keeps and emits for
 * the same values.
 *
 * <p>Immutable; as thread-safe as its CombineFn, so each partition and each map-side task uses its
 * own copy ({@link GroupAlsoByWindowSpec#withOwnContents}).
 *
 * @param <InputT> the type of the values before combining
 * @param <AccumT> the accumulator type, which is also what the core receives
 * @param <OutputT> a pane's contents
 */
public final class AccumulatorPaneContents<InputT, AccumT, OutputT> implements PaneContents<AccumT, AccumT, OutputT> {
  private static final long serialVersionUID = 1L;

  /** The same CombineFn's contents, for everything but taking an accumulator in. */
  private final CombiningPaneContents<InputT, AccumT, OutputT> combining;

  AccumulatorPaneContents(CombineFn<InputT, AccumT, OutputT> fn, Coder<AccumT> accumulatorCoder) {
    this.combining = new CombiningPaneContents<>(fn, accumulatorCoder);
  }

  /** The CombineFn of this copy, for the map side's {@code addInput}. */
  public CombineFn<InputT, AccumT, OutputT> fn() {
    return combining.fn();
  }

  @Override
  public AccumT createEmpty() {
    return combining.createEmpty();
  }

  @Override
  public AccumT add(AccumT accumulator, AccumT partial) {
    // Arrays.asList: a CombineFn may use null as an accumulator, which List.of rejects.
    return fn().mergeAccumulators(Arrays.asList(accumulator, partial));
  }

  @Override
  public AccumT merge(List<AccumT> accumulators) {
    return combining.merge(accumulators);
  }

  @Override
  public OutputT extract(AccumT accumulator) {
    return combining.extract(accumulator);
  }

  @Override
  public OutputT extractLast(AccumT accumulator) {
    return combining.extractLast(accumulator);
  }

  @Override
  public Coder<AccumT> accumulatorCoder() {
    return combining.accumulatorCoder();
  }

  @Override
  public String toString() {
    return "accumulators(" + fn().getClass().getName() + ")";
  }
}
