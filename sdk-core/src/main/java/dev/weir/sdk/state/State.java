package dev.weir.sdk.state;

/**
 * One cell of the state a stateful {@code DoFn} keeps per key and window, declared with
 * {@code @StateId} on a {@link StateSpec} field and received as a {@code @StateId} parameter.
 *
 * <p>A state object is valid only during the DoFn method it was passed to, and only for the key
 * and window of that call; it is not thread-safe. State is kept until the window expires (its end
 * plus the allowed lateness has passed the watermark), then cleared by the runner.
 */
public interface State {
  /** Removes everything this state holds; reading it afterwards sees it empty. */
  void clear();
}
