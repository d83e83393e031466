package dev.weir.sdk.coders;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.values.TypeDescriptor;
import dev.weir.sdk.values.TypeDescriptors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a {@link Map} as a varint entry count followed by each entry's key and value in the
 * map's iteration order; decodes to a {@link LinkedHashMap} that keeps the encoded order.
 *
 * <p>Not deterministic, as in Beam: equal maps may iterate, and so encode, in different orders.
 * For the same reason not consistent with equals; but the {@link #structuralValue structural
 * value} of a map is a map, so equal maps have equal structural values. A null map is rejected;
 * null keys or values only if their coder rejects them. Immutable and thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class MapCoder<K, V> extends StructuredCoder<Map<K, V>> {
  private static final long serialVersionUID = 1L;
  // A corrupt count must not make decoding allocate a huge table before any entry arrives.
  private static final int MAX_INITIAL_CAPACITY = 1024;

  private final Coder<K> keyCoder;
  private final Coder<V> valueCoder;

  private MapCoder(Coder<K> keyCoder, Coder<V> valueCoder) {
    this.keyCoder = keyCoder;
    this.valueCoder = valueCoder;
  }

  /** A coder for maps whose keys use {@code keyCoder} and values use {@code valueCoder}. */
  public static <K, V> MapCoder<K, V> of(Coder<K> keyCoder, Coder<V> valueCoder) {
    checkArgument(keyCoder != null, "the key coder of a MapCoder must not be null");
    checkArgument(valueCoder != null, "the value coder of a MapCoder must not be null");
    return new MapCoder<>(keyCoder, valueCoder);
  }

  public Coder<K> getKeyCoder() {
    return keyCoder;
  }

  public Coder<V> getValueCoder() {
    return valueCoder;
  }

  @Override
  public void encode(Map<K, V> map, OutputStream out) throws IOException {
    if (map == null) {
      throw CoderException.cannotEncodeNull("Map");
    }
    int size = map.size();
    VarInt.encode(size, out);
    int written = 0;
    for (Map.Entry<K, V> entry : map.entrySet()) {
      keyCoder.encode(entry.getKey(), out);
      valueCoder.encode(entry.getValue(), out);
      written++;
    }
    if (written != size) {
      throw new CoderException("the Map changed while it was encoded: it had " + size + " entries, then " + written);
    }
  }

  @Override
  public Map<K, V> decode(InputStream in) throws IOException {
    int size = VarInt.decodeLength(in, "Map entry count");
    Map<K, V> map = new LinkedHashMap<>(Math.min(size, MAX_INITIAL_CAPACITY));
    for (int i = 0; i < size; i++) {
      K key = keyCoder.decode(in);
      V value = valueCoder.decode(in);
      map.put(key, value);
    }
    return map;
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(keyCoder, valueCoder);
  }

  /** Always throws: a map's iteration order is not part of its identity. */
  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(
        this,
        "the iteration order of a Map is not part of its identity, so equal maps may encode"
            + " differently; use a List of KVs sorted by key with ListCoder and KvCoder");
  }

  /**
   * The map itself where keys and values are consistent with equals, else a map from the keys'
   * structural values to the values' structural values.
   */
  @Override
  public Object structuralValue(Map<K, V> map) {
    if (keyCoder.consistentWithEquals() && valueCoder.consistentWithEquals()) {
      return map;
    }
    Map<Object, Object> structural = new HashMap<>();
    for (Map.Entry<K, V> entry : map.entrySet()) {
      structural.put(keyCoder.structuralValue(entry.getKey()), valueCoder.structuralValue(entry.getValue()));
    }
    return structural;
  }

  @Override
  public TypeDescriptor<Map<K, V>> getEncodedTypeDescriptor() {
    return TypeDescriptors.maps(keyCoder.getEncodedTypeDescriptor(), valueCoder.getEncodedTypeDescriptor());
  }
}
