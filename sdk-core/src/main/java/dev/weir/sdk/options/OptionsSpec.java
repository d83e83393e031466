package dev.weir.sdk.options;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.reflect.TypeToken;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The checked shape of one options interface: its options by name, and which option each getter
 * and setter belongs to.
 *
 * <p>{@link #of} checks an interface once per class and caches the result: every abstract method
 * (its own and inherited) must be a getter ({@code getX()}, or {@code isX()} returning a boolean)
 * or a setter ({@code setX(value)} returning void); every getter needs a setter of the same type
 * and the other way round; annotations belong on getters. A violation throws {@link
 * IllegalArgumentException} naming the interface and the method. Default methods and static
 * methods are left alone. Immutable and thread-safe.
 */
final class OptionsSpec {

  private static final ClassValue<OptionsSpec> CACHE =
      new ClassValue<>() {
        @Override
        protected OptionsSpec computeValue(Class<?> type) {
          return new OptionsSpec(type);
        }
      };

  private static final List<Class<? extends Annotation>> GETTER_ONLY_ANNOTATIONS =
      List.of(Description.class, Hidden.class, Validation.Required.class);

  private final Class<? extends PipelineOptions> iface;
  private final ImmutableSortedMap<String, PropertySpec> properties;
  private final ImmutableMap<Method, PropertySpec> byMethod;

  private OptionsSpec(Class<?> type) {
    checkArgument(
        type.isInterface() && PipelineOptions.class.isAssignableFrom(type),
        "%s is not an options interface: declare options in an interface that extends %s.",
        type.getName(), PipelineOptions.class.getName());
    this.iface = type.asSubclass(PipelineOptions.class);
    Map<String, List<Method>> getters = new LinkedHashMap<>();
    Map<String, List<Method>> setters = new LinkedHashMap<>();
    for (Method method : type.getMethods()) {
      if (isPropertyMethodCandidate(method)) {
        classify(method, getters, setters);
      }
    }
    ImmutableSortedMap.Builder<String, PropertySpec> props = ImmutableSortedMap.naturalOrder();
    ImmutableMap.Builder<Method, PropertySpec> methods = ImmutableMap.builder();
    for (Map.Entry<String, List<Method>> entry : getters.entrySet()) {
      List<Method> setterList = setters.remove(entry.getKey());
      PropertySpec property = pair(entry.getKey(), entry.getValue(), setterList);
      props.put(property.name(), property);
      entry.getValue().forEach(getter -> methods.put(getter, property));
      setterList.forEach(setter -> methods.put(setter, property));
    }
    for (List<Method> orphans : setters.values()) {
      Method setter = orphans.get(0);
      throw new IllegalArgumentException(
          where() + "setter " + PropertySpec.describe(setter) + " has no matching getter; add "
              + setter.getParameterTypes()[0].getSimpleName() + " get"
              + setter.getName().substring(3) + "().");
    }
    this.properties = props.build();
    this.byMethod = methods.build();
  }

  /** The checked spec of {@code type}; throws {@link IllegalArgumentException} if malformed. */
  static OptionsSpec of(Class<?> type) {
    return CACHE.get(type);
  }

  /**
   * The options of all {@code specs} by name. Throws {@link IllegalArgumentException}, naming both
   * interfaces, if two of them give one option different types: options viewed through several
   * interfaces share one value, so they must agree on its type.
   */
  static Map<String, PropertySpec> merge(Collection<OptionsSpec> specs) {
    Map<String, PropertySpec> merged = new TreeMap<>();
    for (OptionsSpec spec : specs) {
      for (PropertySpec property : spec.properties()) {
        PropertySpec earlier = merged.putIfAbsent(property.name(), property);
        checkArgument(
            earlier == null || earlier.type().equals(property.type()),
            "Option '%s' has type %s in %s but %s in %s; interfaces that share an option must "
                + "give it the same type.",
            property.name(), earlier == null ? null : earlier.type().getTypeName(),
            earlier == null ? null : earlier.declaringInterface().getName(),
            property.type().getTypeName(), property.declaringInterface().getName());
      }
    }
    return merged;
  }

  /** The interface described. */
  Class<? extends PipelineOptions> iface() {
    return iface;
  }

  /** All options, own and inherited, sorted by name. */
  Collection<PropertySpec> properties() {
    return properties.values();
  }

  /** The option called {@code name}, if the interface has it. */
  Optional<PropertySpec> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  /** The option whose getter or setter {@code method} is, or null for any other method. */
  PropertySpec forMethod(Method method) {
    return byMethod.get(method);
  }

  private static boolean isPropertyMethodCandidate(Method method) {
    if (Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
      return false;
    }
    if (method.getName().equals("as") && method.getParameterCount() == 1) {
      return false;
    }
    // An interface may redeclare equals/hashCode/toString; the proxy answers those itself.
    try {
      Object.class.getMethod(method.getName(), method.getParameterTypes());
      return false;
    } catch (NoSuchMethodException e) {
      return true;
    }
  }

  private void classify(
      Method method, Map<String, List<Method>> getters, Map<String, List<Method>> setters) {
    Optional<String> getterOf = getterProperty(method);
    Optional<String> setterOf = setterProperty(method);
    if (getterOf.isPresent()) {
      getters.computeIfAbsent(getterOf.get(), k -> new ArrayList<>()).add(method);
    } else if (setterOf.isPresent()) {
      for (Class<? extends Annotation> annotation : GETTER_ONLY_ANNOTATIONS) {
        checkNotOnSetter(method, method.isAnnotationPresent(annotation), annotation);
      }
      for (Annotation annotation : method.getAnnotations()) {
        checkNotOnSetter(
            method, annotation.annotationType().getDeclaringClass() == Default.class,
            annotation.annotationType());
      }
      setters.computeIfAbsent(setterOf.get(), k -> new ArrayList<>()).add(method);
    } else {
      throw new IllegalArgumentException(
          where() + "method " + PropertySpec.describe(method) + " is neither a getter (getX() or "
              + "isX()) nor a setter (void setX(value)); an options interface may only hold "
              + "getter/setter pairs (and default methods).");
    }
  }

  private void checkNotOnSetter(Method setter, boolean present, Class<?> annotation) {
    checkArgument(
        !present,
        "%ssetter %s carries @%s; put option annotations on the getter.",
        where(), PropertySpec.describe(setter), annotationName(annotation));
  }

  private static String annotationName(Class<?> annotation) {
    Class<?> outer = annotation.getDeclaringClass();
    return outer == null
        ? annotation.getSimpleName()
        : outer.getSimpleName() + "." + annotation.getSimpleName();
  }

  private PropertySpec pair(String name, List<Method> getters, List<Method> setters) {
    Method getter = mostSpecific(getters);
    Type type = resolve(getter.getGenericReturnType());
    for (Method other : getters) {
      Type otherType = resolve(other.getGenericReturnType());
      checkArgument(
          otherType.equals(type),
          "%soption '%s' is declared with two types: %s in %s and %s in %s; use one type.",
          where(), name, type.getTypeName(), getter.getDeclaringClass().getName(),
          otherType.getTypeName(), other.getDeclaringClass().getName());
    }
    checkArgument(
        setters != null,
        "%sgetter %s has no matching setter; add void set%s(%s value).",
        where(), PropertySpec.describe(getter), capitalized(name), simpleName(type));
    for (Method setter : setters) {
      Type setterType = resolve(setter.getGenericParameterTypes()[0]);
      checkArgument(
          setterType.equals(type),
          "%sgetter %s returns %s but setter %s takes %s; a getter and its setter must use the "
              + "same type.",
          where(), PropertySpec.describe(getter), type.getTypeName(),
          PropertySpec.describe(setter), setterType.getTypeName());
    }
    checkAccessible(name, getter.getReturnType());
    return new PropertySpec(name, type, getter, mostSpecific(setters));
  }

  /**
   * The proxy of a public interface lives in its own module and package, so it can only name
   * public types; without this check the first call of the getter fails with an IllegalAccessError.
   */
  private void checkAccessible(String name, Class<?> erased) {
    Class<?> element = erased;
    while (element.isArray()) {
      element = element.getComponentType();
    }
    checkArgument(
        !Modifier.isPublic(iface.getModifiers()) || element.isPrimitive()
            || Modifier.isPublic(element.getModifiers()),
        "%soption '%s' has type %s, which is not public; make it public, because the options "
            + "proxy of a public interface can only use public types.",
        where(), name, element.getName());
  }

  private Type resolve(Type declared) {
    return TypeToken.of(iface).resolveType(declared).getType();
  }

  private static Method mostSpecific(List<Method> methods) {
    Method best = methods.get(0);
    for (Method method : methods) {
      if (best.getDeclaringClass().isAssignableFrom(method.getDeclaringClass())) {
        best = method;
      }
    }
    return best;
  }

  private static Optional<String> getterProperty(Method method) {
    if (method.getParameterCount() != 0 || method.getReturnType() == void.class) {
      return Optional.empty();
    }
    String name = method.getName();
    if (name.startsWith("get")) {
      return propertyName(name.substring(3));
    }
    Class<?> returned = method.getReturnType();
    if (name.startsWith("is") && (returned == boolean.class || returned == Boolean.class)) {
      return propertyName(name.substring(2));
    }
    return Optional.empty();
  }

  private static Optional<String> setterProperty(Method method) {
    String name = method.getName();
    if (method.getParameterCount() != 1 || method.getReturnType() != void.class
        || !name.startsWith("set")) {
      return Optional.empty();
    }
    return propertyName(name.substring(3));
  }

  /** JavaBeans naming: {@code Foo} is {@code foo}, but {@code URL} stays {@code URL}. */
  private static Optional<String> propertyName(String suffix) {
    if (suffix.isEmpty() || !Character.isUpperCase(suffix.charAt(0))) {
      return Optional.empty();
    }
    if (suffix.length() > 1 && Character.isUpperCase(suffix.charAt(1))) {
      return Optional.of(suffix);
    }
    return Optional.of(Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1));
  }

  private static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String simpleName(Type type) {
    return TypeToken.of(type).getRawType().getSimpleName();
  }

  private String where() {
    return "Options interface " + iface.getName() + ": ";
  }
}
