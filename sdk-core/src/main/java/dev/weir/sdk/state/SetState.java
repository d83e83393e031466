package dev.weir.sdk.state;

/**
 * State holding a set of values: adding a value already present changes nothing. Values are
 * compared by their encodings (their coder's structural value), not by {@code equals}. Reading
 * gives the values in the order they were first added.
 *
 * @param <T> the type of the values
 */
public interface SetState<T> extends GroupingState<T, Iterable<T>> {
  /** Whether {@code value} is in the set, as of this call. */
  ReadableState<Boolean> contains(T value);

  /** Adds {@code value} if absent; the result says whether it was absent (and so was added). */
  ReadableState<Boolean> addIfAbsent(T value);

  /** Removes {@code value}, if present. */
  void remove(T value);

  @Override
  SetState<T> readLater();
}
