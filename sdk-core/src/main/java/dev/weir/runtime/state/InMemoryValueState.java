package dev.weir.runtime.state;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.state.ValueState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A {@link ValueState} held in memory; null stands for "no value". */
final class InMemoryValueState<T> implements ValueState<T>, StateCell {
  private final Coder<T> coder;
  private T value;

  InMemoryValueState(Coder<T> coder) {
    this.coder = coder;
  }

  @Override
  public T read() {
    return value;
  }

  @Override
  public void write(T input) {
    value = input;
  }

  @Override
  public void clear() {
    value = null;
  }

  @Override
  public InMemoryValueState<T> readLater() {
    return this;
  }

  @Override
  public boolean hasNothingToSave() {
    return value == null;
  }

  @Override
  public void encode(OutputStream out) throws IOException {
    coder.encode(value, out);
  }

  @Override
  public void decode(InputStream in) throws IOException {
    value = coder.decode(in);
  }

  @Override
  public String toString() {
    return "ValueState(" + value + ")";
  }
}
