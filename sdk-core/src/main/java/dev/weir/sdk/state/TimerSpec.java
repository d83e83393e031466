package dev.weir.sdk.state;

import java.io.Serializable;

/**
 * The declaration of a {@link Timer}: a {@code DoFn} field annotated with {@code @TimerId}, made
 * with {@link TimerSpecs#timer}. Immutable and serializable.
 */
public interface TimerSpec extends Serializable {
  /** The time domain the timer is set in. */
  TimeDomain getTimeDomain();
}
