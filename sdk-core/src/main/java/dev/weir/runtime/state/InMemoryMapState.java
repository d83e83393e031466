package dev.weir.runtime.state;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.state.MapState;
import dev.weir.sdk.state.ReadableState;
import dev.weir.sdk.state.ReadableStates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link MapState} held in memory: entries by the structural value of their key, in the order
 * keys were first put (replacing a value keeps the key's place). Encoded as a count, then key and
 * value of each entry in that order.
 */
final class InMemoryMapState<K, V> implements MapState<K, V>, StateCell {
  private final Coder<K> keyCoder;
  private final Coder<V> valueCoder;
  private final Map<Object, Map.Entry<K, V>> contents = new LinkedHashMap<>();

  InMemoryMapState(Coder<K> keyCoder, Coder<V> valueCoder) {
    this.keyCoder = keyCoder;
    this.valueCoder = valueCoder;
  }

  @Override
  public void put(K key, V value) {
    contents.put(keyCoder.structuralValue(key), new SimpleImmutableEntry<>(key, value));
  }

  @Override
  public ReadableState<V> putIfAbsent(K key, V value) {
    Map.Entry<K, V> previous = contents.putIfAbsent(keyCoder.structuralValue(key), new SimpleImmutableEntry<>(key, value));
    return ReadableStates.immediate(previous == null ? null : previous.getValue());
  }

  @Override
  public ReadableState<V> computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
    Object structural = keyCoder.structuralValue(key);
    Map.Entry<K, V> previous = contents.get(structural);
    if (previous != null) {
      return ReadableStates.immediate(previous.getValue());
    }
    contents.put(structural, new SimpleImmutableEntry<>(key, mappingFunction.apply(key)));
    return ReadableStates.immediate(null);
  }

  @Override
  public void remove(K key) {
    contents.remove(keyCoder.structuralValue(key));
  }

  @Override
  public ReadableState<V> get(K key) {
    return getOrDefault(key, null);
  }

  @Override
  public ReadableState<V> getOrDefault(K key, V defaultValue) {
    Map.Entry<K, V> entry = contents.get(keyCoder.structuralValue(key));
    return ReadableStates.immediate(entry == null ? defaultValue : entry.getValue());
  }

  @Override
  public ReadableState<Iterable<K>> keys() {
    return LazyReads.of(() -> copy(Map.Entry::getKey));
  }

  @Override
  public ReadableState<Iterable<V>> values() {
    return LazyReads.of(() -> copy(Map.Entry::getValue));
  }

  @Override
  public ReadableState<Iterable<Map.Entry<K, V>>> entries() {
    return LazyReads.of(() -> copy(e -> e));
  }

  private <T> Iterable<T> copy(Function<Map.Entry<K, V>, T> part) {
    List<T> result = new ArrayList<>(contents.size());
    for (Map.Entry<K, V> entry : contents.values()) {
      result.add(part.apply(entry));
    }
    return Collections.unmodifiableList(result);
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
  public boolean hasNothingToSave() {
    return contents.isEmpty();
  }

  @Override
  public void encode(OutputStream out) throws IOException {
    VarIntCoder.of().encode(contents.size(), out);
    for (Map.Entry<K, V> entry : contents.values()) {
      keyCoder.encode(entry.getKey(), out);
      valueCoder.encode(entry.getValue(), out);
    }
  }

  @Override
  public void decode(InputStream in) throws IOException {
    contents.clear();
    int count = VarIntCoder.of().decode(in);
    for (int i = 0; i < count; i++) {
      put(keyCoder.decode(in), valueCoder.decode(in));
    }
  }

  @Override
  public String toString() {
    return "MapState" + contents.values();
  }
}
