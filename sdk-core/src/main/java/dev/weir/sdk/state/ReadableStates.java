package dev.weir.sdk.state;

/** Factories of {@link ReadableState}s that are not backed by state. */
public final class ReadableStates {
  private ReadableStates() {}

  /** A readable state that always reads {@code value} (which may be null). */
  public static <T> ReadableState<T> immediate(T value) {
    return new ReadableState<T>() {
      @Override
      public T read() {
        return value;
      }

      @Override
      public ReadableState<T> readLater() {
        return this;
      }

      @Override
      public String toString() {
        return "ReadableStates.immediate(" + value + ")";
      }
    };
  }
}
