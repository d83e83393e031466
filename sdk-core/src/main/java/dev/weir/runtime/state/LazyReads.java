package dev.weir.runtime.state;

import dev.weir.sdk.state.ReadableState;
import java.util.function.Supplier;

/** {@link ReadableState}s evaluated when read, for views such as {@code isEmpty()} and {@code keys()}. */
final class LazyReads {
  private LazyReads() {}

  /** A readable state whose every read calls {@code reader}. */
  static <T> ReadableState<T> of(Supplier<T> reader) {
    return new ReadableState<T>() {
      @Override
      public T read() {
        return reader.get();
      }

      @Override
      public ReadableState<T> readLater() {
        return this;
      }
    };
  }
}
