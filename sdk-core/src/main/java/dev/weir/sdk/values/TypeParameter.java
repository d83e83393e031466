package dev.weir.sdk.values;

import static com.google.common.base.Preconditions.checkArgument;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/**
 * Names a type variable in scope, captured by an anonymous subclass ({@code new TypeParameter<K>()
 * {}}), so that it can be substituted with {@link TypeDescriptor#where(TypeParameter,
 * TypeDescriptor)}; this is how generic methods build descriptors such as {@code KV<K, V>} for the
 * actual {@code K} and {@code V}.
 *
 * <p>Immutable. Two parameters are equal when they capture the same type variable. Constructing
 * one whose type argument is not a type variable (such as {@code new TypeParameter<String>() {}})
 * fails with an {@link IllegalArgumentException}.
 *
 * @param <T> the type variable captured
 */
public abstract class TypeParameter<T> {
  final TypeVariable<?> typeVariable;

  protected TypeParameter() {
    Type superclass = getClass().getGenericSuperclass();
    checkArgument(
        superclass instanceof ParameterizedType,
        "%s must be created as an anonymous subclass with a type argument, e.g. new TypeParameter<T>() {}",
        getClass().getName());
    Type argument = ((ParameterizedType) superclass).getActualTypeArguments()[0];
    checkArgument(
        argument instanceof TypeVariable,
        "a TypeParameter must capture a type variable, e.g. new TypeParameter<T>() {}, not %s",
        argument.getTypeName());
    typeVariable = (TypeVariable<?>) argument;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TypeParameter && typeVariable.equals(((TypeParameter<?>) o).typeVariable);
  }

  @Override
  public int hashCode() {
    return typeVariable.hashCode();
  }

  @Override
  public String toString() {
    return typeVariable.toString();
  }
}
