package dev.weir.runtime.grouping;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.ListCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The {@link PaneContents} of a {@code GroupByKey}: all values, in arrival order; nulls allowed. */
final class BufferingPaneContents<V> implements PaneContents<V, List<V>, Iterable<V>> {
  private static final long serialVersionUID = 1L;

  private final Coder<List<V>> coder;

  BufferingPaneContents(Coder<V> valueCoder) {
    this.coder = new GrowableListCoder<>(ListCoder.of(Objects.requireNonNull(valueCoder, "valueCoder")));
  }

  @Override
  public List<V> createEmpty() {
    return new ArrayList<>();
  }

  @Override
  public List<V> add(List<V> accumulator, V value) {
    accumulator.add(value);
    return accumulator;
  }

  @Override
  public List<V> merge(List<List<V>> accumulators) {
    List<V> merged = new ArrayList<>();
    for (List<V> accumulator : accumulators) {
      merged.addAll(accumulator);
    }
    return merged;
  }

  @Override
  public Iterable<V> extract(List<V> accumulator) {
    // A copy: in accumulating mode the window keeps adding to the accumulator after this pane.
    return Collections.unmodifiableList(new ArrayList<>(accumulator));
  }

  @Override
  public Iterable<V> extractLast(List<V> accumulator) {
    return Collections.unmodifiableList(accumulator);
  }

  @Override
  public Coder<List<V>> accumulatorCoder() {
    return coder;
  }

  /** A list coder whose decoded lists can grow, since {@link #add} appends to restored buffers. */
  private static final class GrowableListCoder<V> extends Coder<List<V>> {
    private static final long serialVersionUID = 1L;
    private final ListCoder<V> lists;

    GrowableListCoder(ListCoder<V> lists) {
      this.lists = lists;
    }

    @Override
    public void encode(List<V> value, OutputStream out) throws IOException {
      lists.encode(value, out);
    }

    @Override
    public List<V> decode(InputStream in) throws IOException {
      return new ArrayList<>(lists.decode(in));
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      lists.verifyDeterministic();
    }
  }
}
