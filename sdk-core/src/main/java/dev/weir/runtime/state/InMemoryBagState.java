package dev.weir.runtime.state;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.state.BagState;
import dev.weir.sdk.state.ReadableState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@link BagState} held in memory as a list, in the order of adding. Encoded as a count, then the elements. */
final class InMemoryBagState<T> implements BagState<T>, StateCell {
  private final Coder<T> coder;
  private final List<T> contents = new ArrayList<>();

  InMemoryBagState(Coder<T> coder) {
    this.coder = coder;
  }

  @Override
  public void add(T value) {
    contents.add(value);
  }

  @Override
  public Iterable<T> read() {
    return Collections.unmodifiableList(new ArrayList<>(contents));
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
  public InMemoryBagState<T> readLater() {
    return this;
  }

  @Override
  public boolean hasNothingToSave() {
    return contents.isEmpty();
  }

  @Override
  public void encode(OutputStream out) throws IOException {
    VarIntCoder.of().encode(contents.size(), out);
    for (T element : contents) {
      coder.encode(element, out);
    }
  }

  @Override
  public void decode(InputStream in) throws IOException {
    contents.clear();
    int count = VarIntCoder.of().decode(in);
    for (int i = 0; i < count; i++) {
      contents.add(coder.decode(in));
    }
  }

  @Override
  public String toString() {
    return "BagState" + contents;
  }
}
