package dev.weir.sdk.values;

import com.google.common.reflect.TypeParameter;
import com.google.common.reflect.TypeToken;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ready-made {@link TypeDescriptor}s for common types, to pass to {@code MapElements.into(...)}
 * and friends: {@code TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs())}.
 *
 * <p>All methods return new immutable descriptors; arguments must not be null.
 */
public final class TypeDescriptors {
  private TypeDescriptors() {}

  public static TypeDescriptor<Boolean> booleans() {
    return TypeDescriptor.of(Boolean.class);
  }

  public static TypeDescriptor<Double> doubles() {
    return TypeDescriptor.of(Double.class);
  }

  public static TypeDescriptor<Float> floats() {
    return TypeDescriptor.of(Float.class);
  }

  public static TypeDescriptor<Integer> integers() {
    return TypeDescriptor.of(Integer.class);
  }

  public static TypeDescriptor<Long> longs() {
    return TypeDescriptor.of(Long.class);
  }

  public static TypeDescriptor<Short> shorts() {
    return TypeDescriptor.of(Short.class);
  }

  public static TypeDescriptor<Byte> bytes() {
    return TypeDescriptor.of(Byte.class);
  }

  public static TypeDescriptor<Character> characters() {
    return TypeDescriptor.of(Character.class);
  }

  public static TypeDescriptor<String> strings() {
    return TypeDescriptor.of(String.class);
  }

  public static TypeDescriptor<BigDecimal> bigdecimals() {
    return TypeDescriptor.of(BigDecimal.class);
  }

  public static TypeDescriptor<BigInteger> bigintegers() {
    return TypeDescriptor.of(BigInteger.class);
  }

  /** The type of {@code null}-only values, such as the keys of a global combine. */
  public static TypeDescriptor<Void> voids() {
    return TypeDescriptor.of(Void.class);
  }

  /** {@code KV<K, V>}. */
  public static <K, V> TypeDescriptor<KV<K, V>> kvs(TypeDescriptor<K> key, TypeDescriptor<V> value) {
    TypeToken<KV<K, V>> type = new TypeToken<KV<K, V>>() {}
        .where(new TypeParameter<K>() {}, token(key))
        .where(new TypeParameter<V>() {}, token(value));
    return descriptor(type);
  }

  /** {@code List<T>}. */
  public static <T> TypeDescriptor<List<T>> lists(TypeDescriptor<T> element) {
    return descriptor(new TypeToken<List<T>>() {}.where(new TypeParameter<T>() {}, token(element)));
  }

  /** {@code Set<T>}. */
  public static <T> TypeDescriptor<Set<T>> sets(TypeDescriptor<T> element) {
    return descriptor(new TypeToken<Set<T>>() {}.where(new TypeParameter<T>() {}, token(element)));
  }

  /** {@code Iterable<T>}. */
  public static <T> TypeDescriptor<Iterable<T>> iterables(TypeDescriptor<T> element) {
    return descriptor(new TypeToken<Iterable<T>>() {}.where(new TypeParameter<T>() {}, token(element)));
  }

  /** {@code Map<K, V>}. */
  public static <K, V> TypeDescriptor<Map<K, V>> maps(TypeDescriptor<K> key, TypeDescriptor<V> value) {
    TypeToken<Map<K, V>> type = new TypeToken<Map<K, V>>() {}
        .where(new TypeParameter<K>() {}, token(key))
        .where(new TypeParameter<V>() {}, token(value));
    return descriptor(type);
  }

  @SuppressWarnings("unchecked")
  private static <T> TypeToken<T> token(TypeDescriptor<T> type) {
    return (TypeToken<T>) TypeToken.of(type.getType());
  }

  @SuppressWarnings("unchecked")
  private static <T> TypeDescriptor<T> descriptor(TypeToken<T> token) {
    return (TypeDescriptor<T>) TypeDescriptor.of(token.getType());
  }
}
