package dev.weir.sdk.coders;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.values.TypeDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/** Factories for the common kinds of {@link CoderProvider}. */
public final class CoderProviders {
  private CoderProviders() {}

  /**
   * A provider for {@code rawType} (with any type arguments) that calls the static factory {@code
   * of} of {@code coderClass}, passing one coder per type parameter of {@code coderClass}: {@code
   * of()} for {@code StringUtf8Coder}, {@code of(Coder, Coder)} for {@code KvCoder}.
   *
   * @throws IllegalArgumentException if {@code coderClass} is not a coder or has no such static
   *     method returning a {@code coderClass}
   */
  public static CoderProvider fromStaticMethods(Class<?> rawType, Class<?> coderClass) {
    checkArgument(
        Coder.class.isAssignableFrom(coderClass), "%s is not a subclass of Coder", coderClass.getName());
    return new StaticMethodCoderProvider(rawType, coderClass);
  }

  /** A provider of {@code coder} for exactly {@code type} (and no subtype). */
  public static CoderProvider forCoder(TypeDescriptor<?> type, Coder<?> coder) {
    checkArgument(type != null && coder != null, "forCoder needs a type and a coder, got %s and %s", type, coder);
    return new SingleCoderProvider(type, coder);
  }

  private static final class StaticMethodCoderProvider extends CoderProvider {
    private final Class<?> rawType;
    private final Method factory;

    StaticMethodCoderProvider(Class<?> rawType, Class<?> coderClass) {
      this.rawType = rawType;
      this.factory = findFactory(coderClass);
    }

    private static Method findFactory(Class<?> coderClass) {
      int arity = coderClass.getTypeParameters().length;
      Class<?>[] parameterTypes = new Class<?>[arity];
      Arrays.fill(parameterTypes, Coder.class);
      String wanted = "static method " + coderClass.getSimpleName() + ".of with " + arity + " Coder parameter(s)";
      Method method;
      try {
        method = coderClass.getDeclaredMethod("of", parameterTypes);
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("cannot use " + coderClass.getName() + " as a coder factory: it has no " + wanted, e);
      }
      checkArgument(
          Modifier.isStatic(method.getModifiers()) && coderClass.isAssignableFrom(method.getReturnType()),
          "cannot use %s as a coder factory: %s must be static and return a %s",
          coderClass.getName(),
          method,
          coderClass.getSimpleName());
      // The coder class may be non-public (a user's nested class) even though the method is public.
      method.setAccessible(true);
      return method;
    }

    @Override
    public <T> Coder<T> coderFor(TypeDescriptor<T> type, List<? extends Coder<?>> componentCoders)
        throws CannotProvideCoderException {
      if (!rawType.equals(type.getRawType())) {
        throw new CannotProvideCoderException(this + " provides coders only for " + rawType.getName() + ", not " + type);
      }
      int arity = factory.getParameterCount();
      if (componentCoders.size() != arity) {
        throw new CannotProvideCoderException(
            "cannot build a coder for " + type + " with " + factory.getDeclaringClass().getSimpleName() + ".of: it needs "
                + arity + " coder(s) for the type arguments of " + rawType.getSimpleName() + " but got "
                + componentCoders.size() + (componentCoders.isEmpty() ? " (the type arguments are unknown)" : ""),
            componentCoders.isEmpty() ? CannotProvideCoderException.ReasonCode.TYPE_ERASURE
                : CannotProvideCoderException.ReasonCode.UNKNOWN);
      }
      try {
        @SuppressWarnings("unchecked")
        Coder<T> coder = (Coder<T>) factory.invoke(null, componentCoders.toArray());
        return coder;
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("the coder factory " + factory + " failed for " + type, e);
      }
    }

    @Override
    public String toString() {
      return "CoderProviders.fromStaticMethods(" + rawType.getSimpleName() + ", "
          + factory.getDeclaringClass().getSimpleName() + ")";
    }
  }

  private static final class SingleCoderProvider extends CoderProvider {
    private final TypeDescriptor<?> type;
    private final Coder<?> coder;

    SingleCoderProvider(TypeDescriptor<?> type, Coder<?> coder) {
      this.type = type;
      this.coder = coder;
    }

    @Override
    public <T> Coder<T> coderFor(TypeDescriptor<T> requested, List<? extends Coder<?>> componentCoders)
        throws CannotProvideCoderException {
      if (!type.equals(requested) && !isAutoValueOf(requested)) {
        throw new CannotProvideCoderException(this + " provides a coder only for " + type + ", not " + requested);
      }
      @SuppressWarnings("unchecked")
      Coder<T> result = (Coder<T>) coder;
      return result;
    }

    // AutoValue generates a subclass of the registered class; its values are values of that class.
    private boolean isAutoValueOf(TypeDescriptor<?> requested) {
      return requested.getRawType().getSimpleName().startsWith("AutoValue_")
          && type.getRawType().isAssignableFrom(requested.getRawType());
    }

    @Override
    public String toString() {
      return "CoderProviders.forCoder(" + type + ", " + coder + ")";
    }
  }
}
