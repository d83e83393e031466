package dev.weir.sdk.util;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * The serialized form of a record that travels inside serialized functions, sources or sinks. Java
 * reads a record by building a chain of method handles for its canonical constructor, which the
 * first time in a JVM generates and loads classes: about 18 ms of every job's start on a two-core
 * machine, paid by the first worker copy of a DoFn that holds one. A record whose
 * {@code writeReplace} returns {@link #of} is written as this plain object instead and read back
 * through its canonical constructor, called reflectively, so the constructor's checks still run:
 *
 * <pre>{@code
 * record ShardSpec(String prefix, int shards) implements Serializable {
 *   private Object writeReplace() {
 *     return SerializedRecord.of(this);
 *   }
 * }
 * }</pre>
 *
 * <p>Every component must itself be serializable. Immutable; instances are made only by
 * {@link #of}.
 */
public final class SerializedRecord implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  private final Class<? extends Record> type;
  private final Object[] components;

  private SerializedRecord(Class<? extends Record> type, Object[] components) {
    this.type = type;
    this.components = components;
  }

  /** The serialized form of {@code record}: its class and the values of its components, in order. */
  public static SerializedRecord of(Record record) {
    Objects.requireNonNull(record, "record");
    RecordComponent[] declared = record.getClass().getRecordComponents();
    Object[] values = new Object[declared.length];
    for (int i = 0; i < declared.length; i++) {
      Method accessor = declared[i].getAccessor();
      try {
        accessor.setAccessible(true);
        values[i] = accessor.invoke(record);
      } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
        throw new IllegalStateException("Cannot read component '" + declared[i].getName() + "' of "
            + record.getClass().getName() + " to serialize it", e);
      }
    }
    return new SerializedRecord(record.getClass(), values);
  }

  @Serial
  private Object readResolve() throws ObjectStreamException {
    RecordComponent[] declared = type.getRecordComponents();
    if (declared == null || declared.length != components.length) {
      throw new InvalidObjectException("The serialized " + type.getName() + " has " + components.length
          + " components but the class has " + (declared == null ? "none" : declared.length)
          + "; it was written by a different version of the class");
    }
    Class<?>[] types = new Class<?>[declared.length];
    for (int i = 0; i < declared.length; i++) {
      types[i] = declared[i].getType();
    }
    try {
      Constructor<? extends Record> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(components);
    } catch (InvocationTargetException e) {
      InvalidObjectException invalid = new InvalidObjectException(
          "The serialized " + type.getName() + " fails its own checks: " + e.getCause().getMessage());
      invalid.initCause(e.getCause());
      throw invalid;
    } catch (ReflectiveOperationException | RuntimeException e) {
      InvalidObjectException invalid = new InvalidObjectException("Cannot rebuild " + type.getName() + ": " + e);
      invalid.initCause(e);
      throw invalid;
    }
  }
}
