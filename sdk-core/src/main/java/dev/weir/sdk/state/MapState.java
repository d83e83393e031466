package dev.weir.sdk.state;

import java.util.Map;
import java.util.function.Function;

/**
 * State holding a map. Keys are compared by their encodings (their coder's structural value), not
 * by {@code equals}; iteration follows the order in which keys were first put.
 *
 * <p>Results of {@link #get}, {@link #putIfAbsent} and {@link #computeIfAbsent} are read as of
 * the call; results of {@link #keys}, {@link #values}, {@link #entries} and {@link #isEmpty} are
 * evaluated when read.
 *
 * @param <K> the type of the keys
 * @param <V> the type of the values
 */
public interface MapState<K, V> extends State {
  /** Associates {@code value} with {@code key}, replacing any previous value. */
  void put(K key, V value);

  /**
   * Associates {@code value} with {@code key} unless the key already has a value; the result
   * reads the previous value, or null when there was none (and {@code value} was put).
   */
  ReadableState<V> putIfAbsent(K key, V value);

  /**
   * Associates {@code mappingFunction.apply(key)} with {@code key} unless the key already has a
   * value; the result reads the previous value, or null when there was none.
   */
  ReadableState<V> computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction);

  /** Removes the value of {@code key}, if any. */
  void remove(K key);

  /** The value of {@code key}, or null. */
  ReadableState<V> get(K key);

  /** The value of {@code key}, or {@code defaultValue} when it has none. */
  ReadableState<V> getOrDefault(K key, V defaultValue);

  /** The keys. */
  ReadableState<Iterable<K>> keys();

  /** The values, in key order. */
  ReadableState<Iterable<V>> values();

  /** The entries, each an immutable copy. */
  ReadableState<Iterable<Map.Entry<K, V>>> entries();

  /** Whether the map has no keys. */
  ReadableState<Boolean> isEmpty();
}
