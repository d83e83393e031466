package dev.weir.sdk.state;

/**
 * State holding one value, or none: {@link #read()} returns null until a value is written and
 * after {@link #clear()}. Writing null is the same as clearing.
 *
 * @param <T> the type of the value
 */
public interface ValueState<T> extends ReadableState<T>, State {
  /** Replaces the value with {@code input}. */
  void write(T input);

  @Override
  ValueState<T> readLater();
}
