package dev.weir.runtime.dofn;

import dev.weir.runtime.values.WindowedValue;

/**
 * Runs one {@code DoFn} instance over bundles of elements: the one place that calls user
 * {@code @StartBundle}, {@code @ProcessElement} and {@code @FinishBundle} methods.
 *
 * <p>Call order: {@code startBundle}, any number of {@code processElement}, {@code finishBundle};
 * repeat. Not thread-safe: one thread drives a runner at a time. A user exception is rethrown
 * wrapped in {@link UserCodeException} naming the step.
 *
 * @param <InputT> the input element type
 */
public interface DoFnRunner<InputT> {
  /** Starts a bundle. */
  void startBundle();

  /** Processes one element, once per window it is in when the DoFn observes its window. */
  void processElement(WindowedValue<InputT> element);

  /** Finishes the bundle; outputs made in {@code @FinishBundle} go to the output manager. */
  void finishBundle();
}
