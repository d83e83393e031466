package dev.weir.sdk.transforms.reflect;

import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.TimerSpec;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.reflect.DoFnSignature.StateDeclaration;
import dev.weir.sdk.transforms.reflect.DoFnSignature.TimerDeclaration;
import dev.weir.sdk.values.TypeDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the {@code @StateId} and {@code @TimerId} fields of a DoFn class and its superclasses,
 * checking that each is a final field of the right spec type with a non-empty id declared once.
 * Failures are {@link IllegalArgumentException}s naming the DoFn, the field and the fix.
 */
final class StateTimerFields {
  private final Class<?> fnClass;

  StateTimerFields(Class<?> fnClass) {
    this.fnClass = fnClass;
  }

  /** The {@code @StateId} fields by id, subclass fields first. */
  Map<String, StateDeclaration> states() {
    Map<String, StateDeclaration> result = new LinkedHashMap<>();
    Map<String, Field> fields = annotatedFields(DoFn.StateId.class, StateSpec.class, "StateSpecs.value()");
    for (Map.Entry<String, Field> entry : fields.entrySet()) {
      Field field = entry.getValue();
      TypeDescriptor<?> specType = TypeDescriptor.of((Type) fnClass).resolveType(field.getGenericType());
      Type spec = specType.getSupertype(rawStateSpec()).getType();
      // A raw StateSpec field says nothing about the state type; callers then see plain State.
      TypeDescriptor<?> stateType = spec instanceof ParameterizedType
          ? TypeDescriptor.of(((ParameterizedType) spec).getActualTypeArguments()[0])
          : TypeDescriptor.of(dev.weir.sdk.state.State.class);
      result.put(entry.getKey(), new StateDeclaration(entry.getKey(), field, stateType));
    }
    return result;
  }

  /** The {@code @TimerId} fields by id, subclass fields first. */
  Map<String, TimerDeclaration> timers() {
    Map<String, TimerDeclaration> result = new LinkedHashMap<>();
    Map<String, Field> fields = annotatedFields(DoFn.TimerId.class, TimerSpec.class, "TimerSpecs.timer(TimeDomain.EVENT_TIME)");
    for (Map.Entry<String, Field> entry : fields.entrySet()) {
      result.put(entry.getKey(), new TimerDeclaration(entry.getKey(), entry.getValue()));
    }
    return result;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Class<Object> rawStateSpec() {
    return (Class) StateSpec.class;
  }

  private Map<String, Field> annotatedFields(
      Class<? extends Annotation> annotation, Class<?> specType, String example) {
    String name = "@" + annotation.getSimpleName();
    Map<String, Field> result = new LinkedHashMap<>();
    for (Class<?> c = fnClass; c != null && c != DoFn.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        Annotation found = field.getAnnotation(annotation);
        if (found == null) {
          continue;
        }
        String id = id(found);
        String where = "DoFn " + fnClass.getName() + ", " + name + "(\"" + id + "\") field " + describe(field);
        check(!id.isEmpty(), where + " has an empty id; give the " + name + " a name");
        check(specType.isAssignableFrom(field.getType()), where + " has type " + field.getGenericType().getTypeName()
            + ", not " + specType.getSimpleName() + "; declare it as a " + specType.getSimpleName()
            + " made with " + example);
        check(Modifier.isFinal(field.getModifiers()), where + " is not final; declarations must be final fields");
        Field previous = result.get(id);
        check(previous == null, "DoFn " + fnClass.getName() + " declares " + name + "(\"" + id + "\") twice, on "
            + describe(previous) + " and " + describe(field) + "; give each a distinct id");
        field.setAccessible(true);
        result.put(id, field);
      }
    }
    return result;
  }

  private static String id(Annotation annotation) {
    return annotation instanceof DoFn.StateId
        ? ((DoFn.StateId) annotation).value()
        : ((DoFn.TimerId) annotation).value();
  }

  private static String describe(Field field) {
    return field == null ? "" : field.getDeclaringClass().getSimpleName() + "." + field.getName();
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
