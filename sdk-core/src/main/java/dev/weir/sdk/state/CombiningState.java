package dev.weir.sdk.state;

/**
 * State that combines the values added to it with a {@code CombineFn}, keeping only the
 * accumulator: reading gives {@code extractOutput} of it. Before anything is added (and after
 * {@link #clear()}) the accumulator is a fresh {@code createAccumulator()}, and the state
 * {@link #isEmpty() is empty}.
 *
 * @param <InputT> the type of the values added
 * @param <AccumT> the type of the accumulator
 * @param <OutputT> the type of the combined result
 */
public interface CombiningState<InputT, AccumT, OutputT> extends GroupingState<InputT, OutputT> {
  /** The current accumulator; modifying it modifies the state. */
  AccumT getAccum();

  /** Merges {@code accumulator} into the current accumulator. */
  void addAccum(AccumT accumulator);

  /** Merges {@code accumulators} with this state's {@code CombineFn}, without touching the state. */
  AccumT mergeAccumulators(Iterable<AccumT> accumulators);

  @Override
  CombiningState<InputT, AccumT, OutputT> readLater();
}
