package dev.weir.sdk.values;

import com.google.common.reflect.TypeResolver;
import com.google.common.reflect.TypeToken;
import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/**
 * A Java type, including its generic arguments, kept at run time so that coders can be
 * inferred (for example {@code new TypeDescriptor<KV<String, Long>>() {}}).
 *
 * <p>Immutable and serializable. Equality is equality of the underlying {@link Type}.
 *
 * @param <T> the type described
 */
public abstract class TypeDescriptor<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TypeToken<T> token;

  /** Captures the type argument of an anonymous subclass: {@code new TypeDescriptor<X>() {}}. */
  protected TypeDescriptor() {
    token = new TypeToken<T>(getClass()) {};
  }

  /**
   * Captures {@code T} as resolved against the class of {@code instance}, for generic classes
   * that know their type arguments only through a subclass (a {@code DoFn<String, Integer>}).
   */
  protected TypeDescriptor(Object instance) {
    TypeToken<?> unresolved = new TypeToken<T>(getClass()) {};
    @SuppressWarnings("unchecked")
    TypeToken<T> resolved = (TypeToken<T>) TypeToken.of(instance.getClass()).resolveType(unresolved.getType());
    token = resolved;
  }

  /** Like {@link #TypeDescriptor(Object)}, resolving against a class rather than an instance. */
  protected TypeDescriptor(Class<?> clazz) {
    TypeToken<?> unresolved = new TypeToken<T>(getClass()) {};
    @SuppressWarnings("unchecked")
    TypeToken<T> resolved = (TypeToken<T>) TypeToken.of(clazz).resolveType(unresolved.getType());
    token = resolved;
  }

  private TypeDescriptor(TypeToken<T> token) {
    this.token = token;
  }

  /** The descriptor of a plain class. */
  public static <T> TypeDescriptor<T> of(Class<T> type) {
    return new SimpleTypeDescriptor<>(TypeToken.of(type));
  }

  /** The descriptor of any reflected type. */
  @SuppressWarnings("unchecked")
  public static TypeDescriptor<?> of(Type type) {
    return new SimpleTypeDescriptor<>((TypeToken<Object>) TypeToken.of(type));
  }

  /** The underlying reflected type. */
  public Type getType() {
    return token.getType();
  }

  /** The erased class of this type. */
  @SuppressWarnings("unchecked")
  public Class<? super T> getRawType() {
    return token.getRawType();
  }

  /** Whether this type still contains unresolved type variables (then no coder can be inferred). */
  public boolean hasUnresolvedParameters() {
    return hasUnresolved(token.getType());
  }

  private static boolean hasUnresolved(Type type) {
    if (type instanceof TypeVariable) {
      return true;
    }
    if (type instanceof ParameterizedType) {
      for (Type arg : ((ParameterizedType) type).getActualTypeArguments()) {
        if (hasUnresolved(arg)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether values of {@code other} can be assigned to this type. */
  public boolean isSupertypeOf(TypeDescriptor<?> other) {
    return token.isSupertypeOf(other.token);
  }

  /** Whether values of this type can be assigned to {@code other}. */
  public boolean isSubtypeOf(TypeDescriptor<?> other) {
    return token.isSubtypeOf(other.token);
  }

  /** Whether this is an array type. */
  public boolean isArray() {
    return token.isArray();
  }

  /** The component type of an array type, or null. */
  public TypeDescriptor<?> getComponentType() {
    TypeToken<?> component = token.getComponentType();
    return component == null ? null : new SimpleTypeDescriptor<>(component);
  }

  /** This type viewed as its generic supertype {@code superclass} (resolving its arguments). */
  @SuppressWarnings("unchecked")
  public TypeDescriptor<? super T> getSupertype(Class<? super T> superclass) {
    return new SimpleTypeDescriptor<>((TypeToken<Object>) (TypeToken<?>) token.getSupertype(superclass));
  }

  /** {@code type} (for example a type variable of a supertype) as resolved within this type. */
  public TypeDescriptor<?> resolveType(Type type) {
    return new SimpleTypeDescriptor<>(token.resolveType(type));
  }

  /**
   * This type with the type variable of {@code parameter} replaced by {@code actual} wherever it
   * occurs, for example {@code new TypeDescriptor<List<T>>() {}.where(new TypeParameter<T>() {},
   * strings)} is {@code List<String>}. Returns an equal descriptor if the variable does not occur.
   */
  public <X> TypeDescriptor<T> where(TypeParameter<X> parameter, TypeDescriptor<X> actual) {
    return where(parameter.typeVariable, actual.getType());
  }

  /**
   * This type with {@code formal} (a type variable, or a type containing type variables) matched
   * against {@code actual} and every variable so bound replaced by its binding. Fails with an
   * {@link IllegalArgumentException} if the two types cannot be matched.
   */
  @SuppressWarnings("unchecked")
  public TypeDescriptor<T> where(Type formal, Type actual) {
    TypeResolver resolver = new TypeResolver().where(formal, actual);
    return (TypeDescriptor<T>) of(resolver.resolveType(token.getType()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TypeDescriptor && token.equals(((TypeDescriptor<?>) o).token);
  }

  @Override
  public int hashCode() {
    return token.hashCode();
  }

  @Override
  public String toString() {
    return token.toString();
  }

  private static final class SimpleTypeDescriptor<T> extends TypeDescriptor<T> {
    private static final long serialVersionUID = 1L;

    SimpleTypeDescriptor(TypeToken<T> token) {
      super(token);
    }
  }
}
