package dev.weir.sdk.options;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Joiner;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableSet;
import com.google.common.primitives.Primitives;
import com.google.common.reflect.TypeToken;
import dev.weir.sdk.PipelineRunner;
import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.time.temporal.ChronoUnit;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Turns the raw values of one flag into a value of the option's type.
 *
 * <p>Supported: {@code String}; every primitive and its box ({@code boolean} accepts {@code
 * true}/{@code false} in any case, and a bare {@code --flag} means true); enums, by exact constant
 * name; {@code Class}, by fully qualified name, and runner classes by runner name (see {@link
 * RunnerNames}); joda {@code Duration} (ISO-8601 such as {@code PT5S}, or {@code 200ms}, {@code
 * 5s}, {@code 1m}, {@code 2h}, {@code 1d}) and {@code Instant} (ISO-8601); arrays and {@code
 * List}/{@code Set}/{@code SortedSet}/{@code Collection} of those, from repeated flags and/or
 * comma-separated values (an empty value is an empty collection); anything else as JSON through
 * Jackson. A value that does not parse, a repeated flag of a single-valued type, or a bare flag
 * of a non-boolean type throws {@link IllegalArgumentException} naming the flag, the value and
 * the expected type. Stateless and thread-safe.
 */
final class FlagValueParser {

  /**
   * Built on the first flag parsed as JSON: Jackson's start-up costs tens of milliseconds, which
   * options of simple types (most flags) should not add to every program's start.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private static final ImmutableSet<Class<?>> SIMPLE_TYPES =
      ImmutableSet.of(String.class, Class.class, Duration.class, Instant.class);

  private FlagValueParser() {}

  /**
   * The value of option {@code flag} of {@code type} given {@code rawValues} (at least one; null
   * stands for a bare {@code --flag}).
   */
  static Object parse(String flag, Type type, List<String> rawValues) {
    Class<?> raw = TypeToken.of(type).getRawType();
    if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
      Type elementType = elementType(type, raw);
      if (isSimple(TypeToken.of(elementType).getRawType())) {
        return collect(flag, type, raw, elementType, rawValues);
      }
    }
    checkArgument(
        rawValues.size() == 1,
        "Option --%s was given %s times (%s), but it holds a single %s; pass it once.",
        flag, rawValues.size(), Joiner.on(", ").useForNull("<no value>").join(rawValues),
        PropertySpec.typeName(type));
    String value = rawValues.get(0);
    if (value == null) {
      checkArgument(
          raw == boolean.class || raw == Boolean.class,
          "Option --%s needs a value of type %s: pass --%s=VALUE.",
          flag, PropertySpec.typeName(type), flag);
      return true;
    }
    return parseOne(flag, type, value);
  }

  private static boolean isSimple(Class<?> raw) {
    return SIMPLE_TYPES.contains(raw) || Primitives.allWrapperTypes().contains(raw)
        || raw.isPrimitive() || raw.isEnum();
  }

  private static Type elementType(Type type, Class<?> raw) {
    if (raw.isArray()) {
      return TypeToken.of(type).getComponentType().getType();
    }
    @SuppressWarnings("unchecked")
    TypeToken<? extends Collection<?>> collection =
        (TypeToken<? extends Collection<?>>) TypeToken.of(type);
    return collection.resolveType(Collection.class.getTypeParameters()[0]).getType();
  }

  private static Object collect(
      String flag, Type type, Class<?> raw, Type elementType, List<String> rawValues) {
    List<Object> items = new ArrayList<>();
    for (String value : rawValues) {
      checkArgument(
          value != null,
          "Option --%s needs a value of type %s: pass --%s=A,B or repeat --%s=A.",
          flag, PropertySpec.typeName(type), flag, flag);
      if (!value.isEmpty()) {
        for (String item : Splitter.on(',').split(value)) {
          items.add(parseOne(flag, elementType, item));
        }
      }
    }
    if (raw.isArray()) {
      Object array = Array.newInstance(raw.getComponentType(), items.size());
      for (int i = 0; i < items.size(); i++) {
        Array.set(array, i, items.get(i));
      }
      return array;
    }
    if (raw.isAssignableFrom(ArrayList.class)) {
      return items;
    } else if (raw.isAssignableFrom(LinkedHashSet.class)) {
      return new LinkedHashSet<>(items);
    } else if (raw.isAssignableFrom(TreeSet.class)) {
      return new TreeSet<>(items);
    }
    throw new IllegalArgumentException(
        "Option --" + flag + " has type " + PropertySpec.typeName(type) + ", which flags cannot "
            + "fill; declare it as a List, Set, SortedSet, Collection or array.");
  }

  private static Object parseOne(String flag, Type type, String value) {
    Class<?> raw = Primitives.wrap(TypeToken.of(type).getRawType());
    if (raw == String.class) {
      return value;
    } else if (raw.isEnum()) {
      return parseEnum(flag, raw, value);
    } else if (raw == Class.class) {
      return parseClass(flag, type, value);
    } else if (raw == Duration.class) {
      return parseDuration(flag, value);
    } else if (Primitives.isWrapperType(raw) || raw == Instant.class) {
      try {
        return parseScalar(raw, value);
      } catch (IllegalArgumentException e) {
        throw invalid(flag, value, "a value of type " + PropertySpec.typeName(type), e);
      }
    }
    return parseJson(flag, type, value);
  }

  private static Object parseScalar(Class<?> raw, String value) {
    if (raw == Boolean.class) {
      checkArgument(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"));
      return Boolean.parseBoolean(value);
    } else if (raw == Character.class) {
      checkArgument(value.length() == 1);
      return value.charAt(0);
    } else if (raw == Instant.class) {
      return Instant.parse(value.trim());
    }
    return parseNumber(raw, value);
  }

  private static Object parseNumber(Class<?> wrapper, String value) {
    String trimmed = value.trim();
    if (wrapper == Byte.class) {
      return Byte.valueOf(trimmed);
    } else if (wrapper == Short.class) {
      return Short.valueOf(trimmed);
    } else if (wrapper == Integer.class) {
      return Integer.valueOf(trimmed);
    } else if (wrapper == Long.class) {
      return Long.valueOf(trimmed);
    } else if (wrapper == Float.class) {
      return Float.valueOf(trimmed);
    }
    return Double.valueOf(trimmed);
  }

  private static Object parseEnum(String flag, Class<?> enumClass, String value) {
    List<String> names = PropertySpec.enumNames(enumClass);
    for (Object constant : enumClass.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(value)) {
        return constant;
      }
    }
    Optional<String> sameIgnoringCase =
        names.stream().filter(n -> n.equalsIgnoreCase(value)).findFirst();
    Optional<String> suggestion =
        sameIgnoringCase.isPresent() ? sameIgnoringCase : ClosestMatch.among(names, value);
    IllegalArgumentException e =
        invalid(flag, value, "one of " + Joiner.on(", ").join(names) + " (enum "
            + enumClass.getSimpleName() + ", names are case-sensitive)", null);
    throw suggestion.isEmpty()
        ? e
        : new IllegalArgumentException(e.getMessage() + " Did you mean " + suggestion.get() + "?");
  }

  private static Class<?> parseClass(String flag, Type type, String value) {
    Class<?> bound = classBound(type);
    Class<?> parsed;
    if (PipelineRunner.class.isAssignableFrom(bound)) {
      parsed = RunnerNames.resolve(value);
    } else {
      try {
        parsed = Class.forName(value, false, RunnerNames.classLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw invalid(flag, value, "the fully qualified name of a class on the classpath", e);
      }
    }
    if (!bound.isAssignableFrom(parsed)) {
      throw invalid(flag, value, "a subclass of " + bound.getName(), null);
    }
    return parsed;
  }

  private static Class<?> classBound(Type classType) {
    if (classType instanceof ParameterizedType parameterized) {
      Type argument = parameterized.getActualTypeArguments()[0];
      if (argument instanceof WildcardType wildcard) {
        argument = wildcard.getUpperBounds()[0];
      }
      return TypeToken.of(argument).getRawType();
    }
    return Object.class;
  }

  private static Duration parseDuration(String flag, String value) {
    Matcher simple = SHORT_DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
    try {
      if (simple.matches()) {
        long amount = Long.parseLong(simple.group(1));
        ChronoUnit unit =
            switch (simple.group(2)) {
              case "ms" -> ChronoUnit.MILLIS;
              case "s" -> ChronoUnit.SECONDS;
              case "m" -> ChronoUnit.MINUTES;
              case "h" -> ChronoUnit.HOURS;
              default -> ChronoUnit.DAYS;
            };
        return Duration.millis(java.time.Duration.of(amount, unit).toMillis());
      }
      return Duration.millis(java.time.Duration.parse(value.trim()).toMillis());
    } catch (RuntimeException e) {
      throw invalid(
          flag, value, "a duration such as PT5S, PT1M30S, 200ms, 5s, 1m, 2h or 1d", e);
    }
  }

  private static Object parseJson(String flag, Type type, String value) {
    try {
      return Json.MAPPER.readValue(value, Json.MAPPER.constructType(type));
    } catch (JsonProcessingException e) {
      String reason = e.getOriginalMessage().lines().findFirst().orElse("");
      throw invalid(
          flag, value, "JSON for " + PropertySpec.typeName(type) + " (" + reason + ")", null);
    }
  }

  private static IllegalArgumentException invalid(
      String flag, String value, String expected, Throwable cause) {
    return new IllegalArgumentException(
        "Invalid value '" + value + "' for option --" + flag + ": expected " + expected + ".",
        cause);
  }
}
