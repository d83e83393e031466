package dev.weir.sdk.values;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * An immutable key/value pair, the element type of every keyed {@link PCollection}.
 *
 * <p>Either part may be null. Equality compares arrays by content, as keys often are byte
 * arrays.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KV<K, V> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final K key;
  private final V value;

  private KV(K key, V value) {
    this.key = key;
    this.value = value;
  }

  /** A pair of {@code key} and {@code value}. */
  public static <K, V> KV<K, V> of(K key, V value) {
    return new KV<>(key, value);
  }

  public K getKey() {
    return key;
  }

  public V getValue() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof KV)) {
      return false;
    }
    KV<?, ?> other = (KV<?, ?>) o;
    return Objects.deepEquals(key, other.key) && Objects.deepEquals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(new Object[] {key, value});
  }

  @Override
  public String toString() {
    return "KV{" + key + ", " + value + "}";
  }

  /** Orders pairs by key. */
  public static class OrderByKey<K extends Comparable<? super K>, V> implements Comparator<KV<K, V>>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(KV<K, V> a, KV<K, V> b) {
      return a.key.compareTo(b.key);
    }
  }

  /** Orders pairs by value. */
  public static class OrderByValue<K, V extends Comparable<? super V>> implements Comparator<KV<K, V>>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(KV<K, V> a, KV<K, V> b) {
      return a.value.compareTo(b.value);
    }
  }
}
