package dev.weir.sdk.values;

import com.google.common.reflect.TypeResolver;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link TypeDescriptor}s of common types, and of generic types built from other descriptors, for
 * declaring output types without anonymous subclasses, as in {@code
 * MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.integers()))}.
 *
 * <p>Every method returns a new, immutable descriptor equal to the one written out by hand, such
 * as {@code new TypeDescriptor<KV<String, Integer>>() {}}. Arguments must not be null.
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

  public static TypeDescriptor<Character> characters() {
    return TypeDescriptor.of(Character.class);
  }

  public static TypeDescriptor<BigDecimal> bigdecimals() {
    return TypeDescriptor.of(BigDecimal.class);
  }

  public static TypeDescriptor<BigInteger> bigintegers() {
    return TypeDescriptor.of(BigInteger.class);
  }

  public static TypeDescriptor<String> strings() {
    return TypeDescriptor.of(String.class);
  }

  /** The descriptor of {@link Void}, the type of elements that are always null. */
  public static TypeDescriptor<Void> nulls() {
    return TypeDescriptor.of(Void.class);
  }

  /** The same as {@link #nulls()}. */
  public static TypeDescriptor<Void> voids() {
    return TypeDescriptor.of(Void.class);
  }

  /** {@code KV<K, V>} for the given key and value types. */
  public static <K, V> TypeDescriptor<KV<K, V>> kvs(TypeDescriptor<K> key, TypeDescriptor<V> value) {
    return new TypeDescriptor<KV<K, V>>() {}.where(new TypeParameter<K>() {}, key).where(new TypeParameter<V>() {}, value);
  }

  /** {@code Set<T>} for the given element type. */
  public static <T> TypeDescriptor<Set<T>> sets(TypeDescriptor<T> element) {
    return new TypeDescriptor<Set<T>>() {}.where(new TypeParameter<T>() {}, element);
  }

  /** {@code Map<K, V>} for the given key and value types. */
  public static <K, V> TypeDescriptor<Map<K, V>> maps(TypeDescriptor<K> key, TypeDescriptor<V> value) {
    return new TypeDescriptor<Map<K, V>>() {}.where(new TypeParameter<K>() {}, key).where(new TypeParameter<V>() {}, value);
  }

  /** {@code List<T>} for the given element type. */
  public static <T> TypeDescriptor<List<T>> lists(TypeDescriptor<T> element) {
    return new TypeDescriptor<List<T>>() {}.where(new TypeParameter<T>() {}, element);
  }

  /** {@code Iterable<T>} for the given element type. */
  public static <T> TypeDescriptor<Iterable<T>> iterables(TypeDescriptor<T> element) {
    return new TypeDescriptor<Iterable<T>>() {}.where(new TypeParameter<T>() {}, element);
  }

  /**
   * Marks which type argument to extract in {@link #extractFromTypeParameters}: an anonymous
   * subclass such as {@code new TypeVariableExtractor<SerializableFunction<X, Y>, Y>() {}} asks for
   * the output type of a function.
   *
   * @param <InputT> the pattern to match against the analysed type's supertype
   * @param <OutputT> the part of the pattern to return
   */
  public interface TypeVariableExtractor<InputT, OutputT> {}

  /**
   * The type that {@code extractor} picks out of {@code instance}'s generic supertype {@code
   * klass}, or null if it is not known (for example for a lambda, whose class keeps no type
   * arguments).
   */
  @SuppressWarnings("unchecked")
  public static <T, V> TypeDescriptor<V> extractFromTypeParameters(
      T instance, Class<? super T> klass, TypeVariableExtractor<T, V> extractor) {
    return extractFromTypeParameters((TypeDescriptor<T>) TypeDescriptor.of(instance.getClass()), klass, extractor);
  }

  /**
   * The type that {@code extractor} picks out of {@code type}'s generic supertype {@code klass}, or
   * null if that type is not fully known.
   */
  @SuppressWarnings("unchecked")
  public static <T, V> TypeDescriptor<V> extractFromTypeParameters(
      TypeDescriptor<T> type, Class<? super T> klass, TypeVariableExtractor<T, V> extractor) {
    ParameterizedType declared =
        (ParameterizedType) TypeDescriptor.of(extractor.getClass()).getSupertype(TypeVariableExtractor.class).getType();
    Type pattern = declared.getActualTypeArguments()[0];
    Type wanted = declared.getActualTypeArguments()[1];
    Type actual = type.getSupertype(klass).getType();
    if (pattern instanceof ParameterizedType && !(actual instanceof ParameterizedType)) {
      // A raw supertype carries no type arguments to match the pattern against.
      return null;
    }
    TypeDescriptor<?> result = TypeDescriptor.of(new TypeResolver().where(pattern, actual).resolveType(wanted));
    return result.hasUnresolvedParameters() ? null : (TypeDescriptor<V>) result;
  }
}
