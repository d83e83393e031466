package dev.weir.sdk.coders;

import dev.weir.sdk.values.KV;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** INTERIM (replaced by the coders branch). */
public final class KvCoder<K, V> extends Coder<KV<K, V>> {
  private static final long serialVersionUID = 1L;
  private final Coder<K> keyCoder;
  private final Coder<V> valueCoder;

  private KvCoder(Coder<K> keyCoder, Coder<V> valueCoder) {
    this.keyCoder = keyCoder;
    this.valueCoder = valueCoder;
  }

  public static <K, V> KvCoder<K, V> of(Coder<K> keyCoder, Coder<V> valueCoder) {
    return new KvCoder<>(keyCoder, valueCoder);
  }

  public Coder<K> getKeyCoder() {
    return keyCoder;
  }

  public Coder<V> getValueCoder() {
    return valueCoder;
  }

  @Override
  public void encode(KV<K, V> value, OutputStream out) throws IOException {
    keyCoder.encode(value.getKey(), out);
    valueCoder.encode(value.getValue(), out);
  }

  @Override
  public KV<K, V> decode(InputStream in) throws IOException {
    return KV.of(keyCoder.decode(in), valueCoder.decode(in));
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(keyCoder, valueCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    keyCoder.verifyDeterministic();
    valueCoder.verifyDeterministic();
  }
}
