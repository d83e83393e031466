package dev.weir.runtime.state;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.state.ReadableState;
import dev.weir.sdk.state.ReadableStates;
import dev.weir.sdk.state.SetState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link SetState} held in memory: elements by their coder's structural value, in the order
 * first added. Encoded as a count, then the elements in that order.
 */
final class InMemorySetState<T> implements SetState<T>, StateCell {
  private final Coder<T> coder;
  private final Map<Object, T> contents = new LinkedHashMap<>();

  InMemorySetState(Coder<T> coder) {
    this.coder = coder;
  }

  @Override
  public void add(T value) {
    contents.putIfAbsent(coder.structuralValue(value), value);
  }

  @Override
  public ReadableState<Boolean> contains(T value) {
    return ReadableStates.immediate(contents.containsKey(coder.structuralValue(value)));
  }

  @Override
  public ReadableState<Boolean> addIfAbsent(T value) {
    Object structural = coder.structuralValue(value);
    boolean absent = !contents.containsKey(structural);
    if (absent) {
      contents.put(structural, value);
    }
    return ReadableStates.immediate(absent);
  }

  @Override
  public void remove(T value) {
    contents.remove(coder.structuralValue(value));
  }

  @Override
  public Iterable<T> read() {
    return Collections.unmodifiableList(new ArrayList<>(contents.values()));
  }

  @Override
  public ReadableState<Boolean> isEmpty() {
    return LazyReads.of(contents::isEmpty);
  }

  @Override
  public void clear() {
    contents.clear();
  }

  @Override
  public InMemorySetState<T> readLater() {
    return this;
  }

  @Override
  public boolean hasNothingToSave() {
    return contents.isEmpty();
  }

  @Override
  public void encode(OutputStream out) throws IOException {
    VarIntCoder.of().encode(contents.size(), out);
    for (T element : contents.values()) {
      coder.encode(element, out);
    }
  }

  @Override
  public void decode(InputStream in) throws IOException {
    contents.clear();
    int count = VarIntCoder.of().decode(in);
    for (int i = 0; i < count; i++) {
      add(coder.decode(in));
    }
  }

  @Override
  public String toString() {
    return "SetState" + contents.values();
  }
}
