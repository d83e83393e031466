package dev.weir.io;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses, before a pipeline runs, a target class through which JSON input could name the Java
 * class to instantiate: a {@link JsonTypeInfo} with {@code use = Id.CLASS} or
 * {@code Id.MINIMAL_CLASS}.
 *
 * <p>Looks at the class, its superclasses and interfaces, the annotations of their declared
 * fields and methods, and recursively at the declared (generic) types of their fields. Classes
 * of the JDK are not looked into. Stateless; thread-safe.
 */
final class PolymorphicTypingCheck {
  private final String user;
  private final Set<Class<?>> visited = new HashSet<>();

  private PolymorphicTypingCheck(String user) {
    this.user = user;
  }

  /**
   * Throws {@link IllegalArgumentException} naming {@code user} (the transform or coder), the
   * annotated element and the fix if {@code type} lets input choose classes.
   */
  static void rejectClassIds(Class<?> type, String user) {
    new PolymorphicTypingCheck(user).visit(type, type.getName());
  }

  private void visit(Type type, String path) {
    if (type instanceof Class<?> c) {
      visitClass(c, path);
    } else if (type instanceof ParameterizedType p) {
      visit(p.getRawType(), path);
      for (Type argument : p.getActualTypeArguments()) {
        visit(argument, path);
      }
    } else if (type instanceof GenericArrayType a) {
      visit(a.getGenericComponentType(), path);
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        visit(bound, path);
      }
    } else if (type instanceof TypeVariable<?> v) {
      for (Type bound : v.getBounds()) {
        visit(bound, path);
      }
    }
  }

  private void visitClass(Class<?> c, String path) {
    if (c.isArray()) {
      visitClass(c.getComponentType(), path);
      return;
    }
    if (c.isPrimitive() || c.getName().startsWith("java.") || !visited.add(c)) {
      return;
    }
    check(c, path.equals(c.getName()) ? c.getName() : path + " (" + c.getName() + ")");
    for (Field field : c.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        String fieldPath = path + "." + field.getName();
        check(field, "field " + fieldPath);
        visit(field.getGenericType(), fieldPath);
      }
    }
    for (Method method : c.getDeclaredMethods()) {
      check(method, "method " + c.getName() + "." + method.getName() + "()");
    }
    if (c.getGenericSuperclass() != null) {
      visit(c.getGenericSuperclass(), path);
    }
    for (Type iface : c.getGenericInterfaces()) {
      visit(iface, path);
    }
  }

  private void check(AnnotatedElement element, String where) {
    JsonTypeInfo info = element.getAnnotation(JsonTypeInfo.class);
    if (info != null && (info.use() == JsonTypeInfo.Id.CLASS || info.use() == JsonTypeInfo.Id.MINIMAL_CLASS)) {
      throw new IllegalArgumentException(user + ": " + where + " is annotated @JsonTypeInfo(use = Id."
          + info.use() + "), which lets each JSON input record name the Java class to instantiate. JsonIO refuses"
          + " it: JSON input must not choose which classes get instantiated. Fix: use Id.NAME with"
          + " @JsonSubTypes listing the allowed subtypes, or a concrete class.");
    }
  }
}
