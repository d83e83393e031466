package dev.weir.sdk.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** INTERIM (replaced by the coders branch). */
public final class IterableCoder<T> extends Coder<Iterable<T>> {
  private static final long serialVersionUID = 1L;
  private final Coder<T> elemCoder;

  private IterableCoder(Coder<T> elemCoder) {
    this.elemCoder = elemCoder;
  }

  public static <T> IterableCoder<T> of(Coder<T> elemCoder) {
    return new IterableCoder<>(elemCoder);
  }

  public Coder<T> getElemCoder() {
    return elemCoder;
  }

  @Override
  public void encode(Iterable<T> value, OutputStream out) throws IOException {
    List<T> list = new ArrayList<>();
    value.forEach(list::add);
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(list.size());
    data.flush();
    for (T t : list) {
      elemCoder.encode(t, out);
    }
  }

  @Override
  public Iterable<T> decode(InputStream in) throws IOException {
    int n = new DataInputStream(in).readInt();
    List<T> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(elemCoder.decode(in));
    }
    return list;
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(elemCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    elemCoder.verifyDeterministic();
  }
}
