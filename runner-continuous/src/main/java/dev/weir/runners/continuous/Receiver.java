package dev.weir.runners.continuous;

import dev.weir.runtime.values.WindowedValue;

/**
 * Takes the elements of one collection inside a subtask's thread: a chained operator, a channel
 * writer, or a fan-out to several of them. Called only by the thread that owns it, and only
 * through {@link Handoff#to}, which says why.
 */
@FunctionalInterface
interface Receiver {
  /** Takes one element; what it causes downstream happens before this returns (or is buffered). */
  void accept(WindowedValue<?> element);
}
