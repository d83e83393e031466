package dev.weir.sdk.state;

/**
 * State, or a view of state, whose current value can be read.
 *
 * <p>{@link #readLater()} is a hint that the value will be read soon, so a runner that fetches
 * state remotely may prefetch it; in-memory runners ignore it. Neither method is thread-safe.
 *
 * @param <T> the type of the value read
 */
public interface ReadableState<T> {
  /**
   * The current value. Collections returned are snapshots: later changes to the state do not
   * show in them, and they cannot be modified.
   */
  T read();

  /** Says that {@link #read()} will be called soon; returns this. */
  ReadableState<T> readLater();
}
