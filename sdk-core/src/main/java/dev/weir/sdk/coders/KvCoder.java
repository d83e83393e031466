package dev.weir.sdk.coders;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptor;
import dev.weir.sdk.values.TypeDescriptors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Encodes a {@link KV} as its key followed by its value, each with its own coder and no framing of
 * its own (both encodings are self-delimiting).
 *
 * <p>Deterministic, and consistent with equals, when both component coders are. A null {@code KV}
 * is rejected; a null key or value only if its coder rejects it. Immutable and thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KvCoder<K, V> extends StructuredCoder<KV<K, V>> {
  private static final long serialVersionUID = 1L;

  private final Coder<K> keyCoder;
  private final Coder<V> valueCoder;

  private KvCoder(Coder<K> keyCoder, Coder<V> valueCoder) {
    this.keyCoder = keyCoder;
    this.valueCoder = valueCoder;
  }

  /** A coder for pairs whose keys use {@code keyCoder} and values use {@code valueCoder}. */
  public static <K, V> KvCoder<K, V> of(Coder<K> keyCoder, Coder<V> valueCoder) {
    checkArgument(keyCoder != null, "the key coder of a KvCoder must not be null");
    checkArgument(valueCoder != null, "the value coder of a KvCoder must not be null");
    return new KvCoder<>(keyCoder, valueCoder);
  }

  public Coder<K> getKeyCoder() {
    return keyCoder;
  }

  public Coder<V> getValueCoder() {
    return valueCoder;
  }

  @Override
  public void encode(KV<K, V> kv, OutputStream out) throws IOException {
    if (kv == null) {
      throw CoderException.cannotEncodeNull("KV");
    }
    keyCoder.encode(kv.getKey(), out);
    valueCoder.encode(kv.getValue(), out);
  }

  @Override
  public KV<K, V> decode(InputStream in) throws IOException {
    K key = keyCoder.decode(in);
    V value = valueCoder.decode(in);
    return KV.of(key, value);
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(keyCoder, valueCoder);
  }

  /** Deterministic when both the key and the value coder are; the message names the one that is not. */
  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "the key coder must be deterministic", keyCoder);
    verifyDeterministic(this, "the value coder must be deterministic", valueCoder);
  }

  @Override
  public boolean consistentWithEquals() {
    return keyCoder.consistentWithEquals() && valueCoder.consistentWithEquals();
  }

  /** The pair itself where consistent with equals, else the pair of its parts' structural values. */
  @Override
  public Object structuralValue(KV<K, V> kv) {
    if (consistentWithEquals()) {
      return kv;
    }
    return KV.of(keyCoder.structuralValue(kv.getKey()), valueCoder.structuralValue(kv.getValue()));
  }

  @Override
  public TypeDescriptor<KV<K, V>> getEncodedTypeDescriptor() {
    return TypeDescriptors.kvs(keyCoder.getEncodedTypeDescriptor(), valueCoder.getEncodedTypeDescriptor());
  }
}
