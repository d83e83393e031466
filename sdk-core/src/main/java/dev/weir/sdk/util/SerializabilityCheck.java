package dev.weir.sdk.util;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks that an object graph can be serialized, and when it cannot, finds the field that holds
 * the non-serializable object, so the error can name it.
 *
 * <p>Stateless and thread-safe.
 */
public final class SerializabilityCheck {
  private SerializabilityCheck() {}

  /**
   * Serializes {@code value} and throws {@link IllegalArgumentException} if that fails. The
   * message starts with {@code what} (for example "DoFn of transform 'ParDo(Parse)'") and names
   * the path of fields leading to the culprit and how to fix it.
   */
  public static void ensureSerializable(Object value, String what) {
    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
      out.writeObject(value);
    } catch (NotSerializableException e) {
      String path = findNonSerializablePath(value);
      throw new IllegalArgumentException(
          what + " is not serializable: " + (path == null ? e.getMessage() : "field " + path)
              + " holds a " + e.getMessage() + ", which does not implement java.io.Serializable."
              + " Fix: make the field transient and create it in @Setup, make its class Serializable,"
              + " or move it into a static context.",
          e);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(what + " could not be serialized: " + e, e);
    }
  }

  /**
   * The path of field names from {@code root} to the first object that is not serializable
   * (like {@code "fn.client"}), or null if none is found by walking non-transient fields.
   */
  static String findNonSerializablePath(Object root) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Step> queue = new ArrayDeque<>();
    queue.add(new Step(root, describe(root)));
    while (!queue.isEmpty()) {
      Step step = queue.poll();
      Object value = step.value;
      if (value == null || !seen.add(value)) {
        continue;
      }
      if (!(value instanceof Serializable)) {
        return step.path;
      }
      if (value.getClass().isArray()) {
        if (!value.getClass().getComponentType().isPrimitive()) {
          Object[] array = (Object[]) value;
          for (int i = 0; i < array.length; i++) {
            queue.add(new Step(array[i], step.path + "[" + i + "]"));
          }
        }
        continue;
      }
      // The JDK's collections hide their elements in fields skipped below; walk their contents.
      if (value instanceof Collection<?> collection) {
        int i = 0;
        for (Object element : collection) {
          queue.add(new Step(element, step.path + "[" + i++ + "]"));
        }
        continue;
      }
      if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          queue.add(new Step(entry.getKey(), step.path + ".<key " + entry.getKey() + ">"));
          queue.add(new Step(entry.getValue(), step.path + "[" + entry.getKey() + "]"));
        }
        continue;
      }
      for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        if (c.getName().startsWith("java.")) {
          continue;
        }
        for (Field field : c.getDeclaredFields()) {
          int mods = field.getModifiers();
          if (Modifier.isStatic(mods) || Modifier.isTransient(mods) || field.getType().isPrimitive()) {
            continue;
          }
          try {
            field.setAccessible(true);
            queue.add(new Step(field.get(value), step.path + "." + displayName(field)));
          } catch (RuntimeException | IllegalAccessException e) {
            // A field we may not read (a module boundary) cannot be the user's problem field.
          }
        }
      }
    }
    return null;
  }

  private static String displayName(Field field) {
    // The captured enclosing instance of an inner or anonymous class is a frequent culprit.
    // Name the class of the captured instance (the field's type), not the inner class declaring it.
    return field.getName().startsWith("this$") ? "<enclosing instance of " + field.getType().getName() + ">"
        : field.getName();
  }

  private static String describe(Object root) {
    return root == null ? "null" : root.getClass().getName();
  }

  private record Step(Object value, String path) {}
}
