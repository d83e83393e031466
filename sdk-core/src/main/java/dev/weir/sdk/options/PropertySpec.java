package dev.weir.sdk.options;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Joiner;
import com.google.common.collect.ImmutableList;
import com.google.common.primitives.Primitives;
import com.google.common.reflect.TypeToken;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One option of an options interface: its name, its type and the getter/setter pair that holds
 * it, with what the getter's annotations say about it (default, description, validation, help).
 *
 * <p>Immutable. Built and checked by {@link OptionsSpec}; the constructor rejects a {@code
 * @Default} that does not fit the option's type, naming the interface and the getter.
 *
 * @param name the option name, as in {@code --name=value}
 * @param type the option's type, with its generic arguments
 * @param getter the getter, from the most specific interface that declares it
 * @param setter the matching setter
 */
record PropertySpec(String name, Type type, Method getter, Method setter) {

  private static final Pattern PACKAGE_PREFIX = Pattern.compile("\\b[a-z][a-z0-9_]*\\.");

  PropertySpec {
    defaultAnnotations(getter).stream().skip(1).findAny().ifPresent(extra -> {
      throw new IllegalArgumentException(
          "Options interface " + getter.getDeclaringClass().getName() + ": getter "
              + describe(getter) + " has more than one @Default annotation; keep one.");
    });
    checkDefaultFitsType(getter, type);
  }

  /** The option's class without generic arguments; primitives stay primitive. */
  Class<?> rawType() {
    return TypeToken.of(type).getRawType();
  }

  /** The interface that declares the getter. */
  Class<?> declaringInterface() {
    return getter.getDeclaringClass();
  }

  /** The text of {@code @Description}, if any. */
  Optional<String> description() {
    return Optional.ofNullable(getter.getAnnotation(Description.class)).map(Description::value);
  }

  /** Whether {@code @Hidden} keeps the option out of help. */
  boolean hidden() {
    return getter.isAnnotationPresent(Hidden.class);
  }

  /** The {@code @Validation.Required} annotation, if the option carries one. */
  Optional<Validation.Required> required() {
    return Optional.ofNullable(getter.getAnnotation(Validation.Required.class));
  }

  /** The factory named by {@code @Default.InstanceFactory}, if that is the option's default. */
  Optional<Class<? extends DefaultValueFactory<?>>> defaultFactory() {
    return Optional.ofNullable(getter.getAnnotation(Default.InstanceFactory.class))
        .map(Default.InstanceFactory::value);
  }

  /**
   * The value of a literal {@code @Default} (all kinds but {@code InstanceFactory}); empty when
   * the option has no literal default.
   */
  Optional<Object> literalDefault() {
    return defaultAnnotations(getter).stream()
        .filter(a -> !(a instanceof Default.InstanceFactory))
        .findFirst()
        .map(a -> literalValue(a, rawType()));
  }

  /** The value read when nothing is set and there is no default: null, or a primitive's zero. */
  Object absentValue() {
    return rawType().isPrimitive() ? primitiveZero(rawType()) : null;
  }

  /** The default as shown in help: the literal, or the factory's simple class name. */
  Optional<String> defaultText() {
    Optional<String> factory = defaultFactory().map(Class::getSimpleName);
    if (factory.isPresent()) {
      return factory;
    }
    return literalDefault().map(v -> v instanceof Class<?> c ? c.getName() : String.valueOf(v));
  }

  /** A type as users write it: {@code int}, {@code List<String>}, without package names. */
  static String typeName(Type type) {
    return PACKAGE_PREFIX.matcher(type.getTypeName()).replaceAll("").replace('$', '.');
  }

  /** A method as {@code name(ParamType, ...)}, for error messages. */
  static String describe(Method method) {
    List<String> params = new ArrayList<>();
    for (Class<?> param : method.getParameterTypes()) {
      params.add(param.getSimpleName());
    }
    return method.getName() + "(" + Joiner.on(", ").join(params) + ")";
  }

  private static List<Annotation> defaultAnnotations(Method getter) {
    return Arrays.stream(getter.getAnnotations())
        .filter(a -> a.annotationType().getDeclaringClass() == Default.class)
        .collect(ImmutableList.toImmutableList());
  }

  private static void checkDefaultFitsType(Method getter, Type type) {
    Class<?> raw = TypeToken.of(type).getRawType();
    for (Annotation annotation : defaultAnnotations(getter)) {
      if (annotation instanceof Default.InstanceFactory) {
        continue;
      }
      String where =
          "Options interface " + getter.getDeclaringClass().getName() + ": getter "
              + describe(getter) + " has @Default." + annotation.annotationType().getSimpleName();
      if (annotation instanceof Default.Enum d && raw.isEnum()) {
        checkArgument(
            enumConstant(raw, d.value()).isPresent(),
            "%s(\"%s\"), but %s has no such constant (constants: %s).",
            where, d.value(), raw.getSimpleName(), Joiner.on(", ").join(enumNames(raw)));
        continue;
      }
      boolean fits =
          !(annotation instanceof Default.Enum)
              && Primitives.wrap(raw).isInstance(literalValue(annotation, raw));
      checkArgument(
          fits,
          "%s, but it returns %s; use the @Default kind that matches the option's type.",
          where, type.getTypeName());
    }
  }

  private static Object literalValue(Annotation a, Class<?> raw) {
    if (a instanceof Default.String d) {
      return d.value();
    } else if (a instanceof Default.Boolean d) {
      return d.value();
    } else if (a instanceof Default.Character d) {
      return d.value();
    } else if (a instanceof Default.Byte d) {
      return d.value();
    } else if (a instanceof Default.Short d) {
      return d.value();
    } else if (a instanceof Default.Integer d) {
      return d.value();
    } else if (a instanceof Default.Long d) {
      return d.value();
    } else if (a instanceof Default.Float d) {
      return d.value();
    } else if (a instanceof Default.Double d) {
      return d.value();
    } else if (a instanceof Default.Class d) {
      return d.value();
    } else if (a instanceof Default.Enum d) {
      // Checked when the spec was built, so the constant exists.
      return enumConstant(raw, d.value()).orElseThrow();
    }
    throw new IllegalArgumentException("unsupported default annotation " + a);
  }

  private static Optional<Object> enumConstant(Class<?> raw, String name) {
    return Arrays.stream(raw.getEnumConstants())
        .filter(c -> ((Enum<?>) c).name().equals(name))
        .findFirst()
        .map(c -> (Object) c);
  }

  /** The constant names of an enum class, in declaration order. */
  static List<String> enumNames(Class<?> enumClass) {
    return Arrays.stream(enumClass.getEnumConstants())
        .map(c -> ((Enum<?>) c).name())
        .collect(ImmutableList.toImmutableList());
  }

  private static Object primitiveZero(Class<?> primitive) {
    if (primitive == boolean.class) {
      return false;
    } else if (primitive == char.class) {
      return '\0';
    } else if (primitive == byte.class) {
      return (byte) 0;
    } else if (primitive == short.class) {
      return (short) 0;
    } else if (primitive == int.class) {
      return 0;
    } else if (primitive == long.class) {
      return 0L;
    } else if (primitive == float.class) {
      return 0f;
    }
    return 0d;
  }
}
