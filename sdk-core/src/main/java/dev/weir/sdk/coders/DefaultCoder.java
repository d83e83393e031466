package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Names the coder class to use for the annotated class when none is registered, for example
 * {@code @DefaultCoder(EventCoder.class) class Event {...}}.
 *
 * <p>The coder class must have one of these static methods, tried in this order: {@code
 * getCoderProvider()} returning a {@link CoderProvider} (as {@link SerializableCoder} has); {@code
 * of(Class)}, called with the annotated class; or {@code of} with one {@link Coder} parameter per
 * type parameter of the coder class ({@code of()} for a plain {@link CustomCoder}). A coder class
 * with none of them makes the lookup fail with an {@link IllegalArgumentException} that says so.
 * The annotation is not inherited by subclasses.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DefaultCoder {
  /** The coder class. */
  @SuppressWarnings("rawtypes")
  Class<? extends Coder> value();

  /**
   * Contributes the provider that reads {@link DefaultCoder} annotations. {@link
   * CoderRegistry#createDefault()} always installs it, above any other registrar's providers.
   */
  final class DefaultCoderProviderRegistrar implements CoderProviderRegistrar {
    @Override
    public List<CoderProvider> getCoderProviders() {
      return List.of(new DefaultCoderProvider());
    }
  }

  /** Provides the coder named by the {@link DefaultCoder} annotation of a type's raw class. */
  final class DefaultCoderProvider extends CoderProvider {
    @Override
    public <T> Coder<T> coderFor(TypeDescriptor<T> type, List<? extends Coder<?>> componentCoders)
        throws CannotProvideCoderException {
      Class<?> annotated = type.getRawType();
      DefaultCoder annotation = annotated.getAnnotation(DefaultCoder.class);
      if (annotation == null) {
        throw new CannotProvideCoderException(annotated.getName() + " has no @DefaultCoder annotation");
      }
      return delegateFor(annotated, annotation.value()).coderFor(type, componentCoders);
    }

    private static CoderProvider delegateFor(Class<?> annotated, Class<?> coderClass) {
      Method method = staticMethod(coderClass, "getCoderProvider");
      if (method != null && CoderProvider.class.isAssignableFrom(method.getReturnType())) {
        return (CoderProvider) invoke(method, annotated, null);
      }
      Method ofClass = staticMethod(coderClass, "of", Class.class);
      if (ofClass != null && Coder.class.isAssignableFrom(ofClass.getReturnType())) {
        return new CoderProvider() {
          @Override
          public <T> Coder<T> coderFor(TypeDescriptor<T> type, List<? extends Coder<?>> componentCoders) {
            @SuppressWarnings("unchecked")
            Coder<T> coder = (Coder<T>) invoke(ofClass, annotated, annotated);
            return coder;
          }
        };
      }
      try {
        return CoderProviders.fromStaticMethods(annotated, coderClass);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "@DefaultCoder(" + coderClass.getSimpleName() + ".class) on " + annotated.getName() + " cannot be used: "
                + coderClass.getSimpleName() + " needs a static getCoderProvider(), of(Class) or of(Coder...)"
                + " method with one Coder per type parameter of " + coderClass.getSimpleName(),
            e);
      }
    }

    private static Method staticMethod(Class<?> owner, String name, Class<?>... parameterTypes) {
      try {
        Method method = owner.getDeclaredMethod(name, parameterTypes);
        if (!Modifier.isStatic(method.getModifiers())) {
          return null;
        }
        // A user's coder class is often a non-public nested class with a public factory.
        method.setAccessible(true);
        return method;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }

    private static Object invoke(Method method, Class<?> annotated, Object argument) {
      try {
        return argument == null ? method.invoke(null) : method.invoke(null, argument);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(
            "the @DefaultCoder factory " + method + " failed for " + annotated.getName(), e);
      }
    }

    @Override
    public String toString() {
      return "DefaultCoder.DefaultCoderProvider";
    }
  }
}
