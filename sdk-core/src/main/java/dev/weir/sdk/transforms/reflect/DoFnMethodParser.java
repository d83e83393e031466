package dev.weir.sdk.transforms.reflect;

import com.google.common.primitives.Primitives;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.state.Timer;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.reflect.DoFnSignature.Parameter;
import dev.weir.sdk.transforms.reflect.DoFnSignature.Parameter.Kind;
import dev.weir.sdk.transforms.reflect.DoFnSignature.StateDeclaration;
import dev.weir.sdk.transforms.reflect.DoFnSignature.TimerDeclaration;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.time.Instant;

/**
 * Finds and checks the annotated methods of one DoFn class and classifies their parameters,
 * against the class's state and timer declarations. Failures are {@link IllegalArgumentException}s
 * naming the class, the method and the parameter.
 */
final class DoFnMethodParser {
  private final Class<?> fnClass;
  private final TypeDescriptor<?> inputType;
  private final TypeDescriptor<?> outputType;
  private final Map<String, StateDeclaration> states;
  private final Map<String, TimerDeclaration> timers;

  DoFnMethodParser(Class<?> fnClass, Map<String, StateDeclaration> states, Map<String, TimerDeclaration> timers) {
    this.fnClass = fnClass;
    TypeDescriptor<?> fnType = TypeDescriptor.of((Type) fnClass);
    this.inputType = fnType.resolveType(DoFn.class.getTypeParameters()[0]);
    this.outputType = fnType.resolveType(DoFn.class.getTypeParameters()[1]);
    this.states = states;
    this.timers = timers;
  }

  /** The one method annotated with {@code annotation}, or null when there is none and none is required. */
  Method findAnnotated(Class<? extends Annotation> annotation, boolean required) {
    List<Method> found = findAllAnnotated(annotation);
    String name = "@" + annotation.getSimpleName();
    if (found.isEmpty()) {
      if (required) {
        throw new IllegalArgumentException("DoFn " + fnClass.getName() + " has no method annotated with " + name
            + "; declare exactly one public void method annotated with " + name);
      }
      return null;
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException("DoFn " + fnClass.getName() + " has " + found.size()
          + " methods annotated with " + name + " (" + describeAll(found) + "); a DoFn may have only one");
    }
    return found.get(0);
  }

  /**
   * Every method annotated with {@code annotation} on the class and its superclasses, a method
   * overridden in a subclass counting once, each checked to be public, not static and void.
   */
  List<Method> findAllAnnotated(Class<? extends Annotation> annotation) {
    List<Method> found = new ArrayList<>();
    for (Class<?> c = fnClass; c != null && c != DoFn.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (!m.isBridge() && !m.isSynthetic() && m.isAnnotationPresent(annotation) && !overridesAny(m, found)) {
          found.add(m);
        }
      }
    }
    String name = "@" + annotation.getSimpleName();
    for (Method method : found) {
      int modifiers = method.getModifiers();
      check(method, name, Modifier.isPublic(modifiers), "must be public");
      check(method, name, !Modifier.isStatic(modifiers), "must not be static");
      check(method, name, method.getReturnType() == void.class,
          "must return void, not " + method.getGenericReturnType().getTypeName());
    }
    return found;
  }

  private static boolean overridesAny(Method superMethod, List<Method> subMethods) {
    for (Method m : subMethods) {
      if (m.getName().equals(superMethod.getName())
          && Arrays.equals(m.getParameterTypes(), superMethod.getParameterTypes())) {
        return true;
      }
    }
    return false;
  }

  private void check(Method method, String annotation, boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(
          "DoFn " + fnClass.getName() + ", " + annotation + " method " + DoFnSignatures.describe(method) + ": "
              + problem);
    }
  }

  List<Parameter> parameters(Method method, String annotation, Set<Kind> allowed, String allowedText) {
    Type[] types = method.getGenericParameterTypes();
    Annotation[][] annotations = method.getParameterAnnotations();
    List<Parameter> result = new ArrayList<>(types.length);
    for (int i = 0; i < types.length; i++) {
      String where = "parameter at index " + i + " of type " + types[i].getTypeName();
      Parameter p = classify(method, "@" + annotation, where, types[i], annotations[i]);
      if (p == null || !allowed.contains(p.kind())) {
        String what = p == null ? "is not a recognized parameter" : "(" + p.kind() + ") is not allowed here";
        check(method, "@" + annotation, false, where + " " + what + "; @" + annotation + " methods take "
            + (allowed.isEmpty() ? "" : "only ") + allowedText);
      }
      for (int j = 0; j < result.size(); j++) {
        Parameter earlier = result.get(j);
        boolean repeated = p.kind() == Kind.SIDE_INPUT ? false
            : p.kind().hasId() ? earlier.kind() == p.kind() && earlier.id().equals(p.id())
            : earlier.kind() == p.kind();
        check(method, "@" + annotation, !repeated,
            where + " repeats the " + p.kind() + (p.id() == null ? "" : " \"" + p.id() + "\"")
                + " parameter at index " + j + "; take it only once");
      }
      result.add(p);
    }
    return result;
  }

  private Parameter classify(Method method, String annotation, String where, Type type, Annotation[] annotations) {
    TypeDescriptor<?> descriptor = TypeDescriptor.of(type);
    Class<?> raw = descriptor.getRawType();
    boolean element = find(annotations, DoFn.Element.class) != null;
    boolean timestamp = find(annotations, DoFn.Timestamp.class) != null;
    boolean key = find(annotations, DoFn.Key.class) != null;
    DoFn.SideInput sideInput = find(annotations, DoFn.SideInput.class);
    DoFn.StateId stateId = find(annotations, DoFn.StateId.class);
    DoFn.TimerId timerId = find(annotations, DoFn.TimerId.class);
    int marks = (element ? 1 : 0) + (timestamp ? 1 : 0) + (key ? 1 : 0) + (sideInput != null ? 1 : 0)
        + (stateId != null ? 1 : 0) + (timerId != null ? 1 : 0);
    check(method, annotation, marks <= 1,
        where + " carries more than one of @Element, @Timestamp, @Key, @SideInput, @StateId, @TimerId");
    if (element) {
      checkElementType(method, annotation, where, descriptor);
      return new Parameter(Kind.ELEMENT, descriptor, null);
    }
    if (timestamp) {
      check(method, annotation, raw == Instant.class,
          where + " is annotated @Timestamp but is not an org.joda.time.Instant; declare it as Instant");
      return new Parameter(Kind.TIMESTAMP, descriptor, null);
    }
    if (key) {
      checkKeyType(method, annotation, where, descriptor);
      return new Parameter(Kind.KEY, descriptor, null);
    }
    if (sideInput != null) {
      check(method, annotation, !sideInput.value().isEmpty(),
          where + " has an empty @SideInput id; give the id used in withSideInput(id, view)");
      return new Parameter(Kind.SIDE_INPUT, descriptor, sideInput.value());
    }
    if (stateId != null) {
      checkStateType(method, annotation, where, stateId.value(), descriptor);
      return new Parameter(Kind.STATE, descriptor, stateId.value());
    }
    if (timerId != null) {
      String id = timerId.value();
      check(method, annotation, timers.containsKey(id), where + " refers to @TimerId(\"" + id
          + "\"), which is not declared (declared timers: " + timers.keySet() + "); declare it with @TimerId(\""
          + id + "\") on a final TimerSpec field");
      check(method, annotation, raw == Timer.class,
          where + " is annotated @TimerId but is not a Timer; declare it as dev.weir.sdk.state.Timer");
      return new Parameter(Kind.TIMER, descriptor, id);
    }
    Kind kind = kindOfType(raw);
    if (kind == Kind.OUTPUT_RECEIVER) {
      checkReceiverType(method, annotation, where, type);
    }
    return kind == null ? null : new Parameter(kind, descriptor, null);
  }

  private static Kind kindOfType(Class<?> raw) {
    if (raw == DoFn.OutputReceiver.class) {
      return Kind.OUTPUT_RECEIVER;
    } else if (raw == DoFn.MultiOutputReceiver.class) {
      return Kind.MULTI_OUTPUT_RECEIVER;
    } else if (raw == DoFn.ProcessContext.class) {
      return Kind.PROCESS_CONTEXT;
    } else if (raw == DoFn.StartBundleContext.class) {
      return Kind.START_BUNDLE_CONTEXT;
    } else if (raw == DoFn.FinishBundleContext.class) {
      return Kind.FINISH_BUNDLE_CONTEXT;
    } else if (raw == DoFn.OnTimerContext.class) {
      return Kind.ON_TIMER_CONTEXT;
    } else if (BoundedWindow.class.isAssignableFrom(raw)) {
      return Kind.WINDOW;
    } else if (raw == PaneInfo.class) {
      return Kind.PANE_INFO;
    } else if (raw == PipelineOptions.class) {
      return Kind.PIPELINE_OPTIONS;
    } else if (raw == TimeDomain.class) {
      return Kind.TIME_DOMAIN;
    }
    return null;
  }

  private void checkStateType(Method method, String annotation, String where, String id, TypeDescriptor<?> taken) {
    StateDeclaration declaration = states.get(id);
    check(method, annotation, declaration != null, where + " refers to @StateId(\"" + id
        + "\"), which is not declared (declared state: " + states.keySet() + "); declare it with @StateId(\""
        + id + "\") on a final StateSpec field");
    TypeDescriptor<?> declared = declaration.stateType();
    boolean fits = taken.hasUnresolvedParameters() || declared.hasUnresolvedParameters()
        ? taken.getRawType().isAssignableFrom(declared.getRawType())
        : taken.isSupertypeOf(declared);
    check(method, annotation, fits, where + " is @StateId(\"" + id + "\"), which is declared as " + declared
        + " by field " + declaration.field().getName() + "; declare the parameter as " + declared);
  }

  private void checkKeyType(Method method, String annotation, String where, TypeDescriptor<?> taken) {
    if (!KV.class.equals(inputType.getRawType()) || inputType.hasUnresolvedParameters()
        || taken.hasUnresolvedParameters()) {
      return;
    }
    TypeDescriptor<?> keyType = inputType.resolveType(KV.class.getTypeParameters()[0]);
    Class<?> raw = taken.getRawType();
    TypeDescriptor<?> boxed = raw.isPrimitive() ? TypeDescriptor.of(Primitives.wrap(raw)) : taken;
    check(method, annotation, boxed.isSupertypeOf(keyType),
        where + " is the @Key but cannot hold the key type " + keyType + " of the input " + inputType
            + "; declare it as " + keyType);
  }

  private void checkElementType(Method method, String annotation, String where, TypeDescriptor<?> declared) {
    if (declared.hasUnresolvedParameters() || inputType.hasUnresolvedParameters()) {
      return;
    }
    Class<?> raw = declared.getRawType();
    TypeDescriptor<?> boxed = raw.isPrimitive() ? TypeDescriptor.of(Primitives.wrap(raw)) : declared;
    check(method, annotation, boxed.isSupertypeOf(inputType),
        where + " is the @Element but cannot hold the DoFn's input type " + inputType
            + "; declare it as " + inputType + " (or a supertype)");
  }

  private void checkReceiverType(Method method, String annotation, String where, Type type) {
    if (!(type instanceof ParameterizedType) || outputType.hasUnresolvedParameters()) {
      return;
    }
    Type argument = ((ParameterizedType) type).getActualTypeArguments()[0];
    TypeDescriptor<?> received = TypeDescriptor.of(argument);
    if (argument instanceof WildcardType || received.hasUnresolvedParameters()) {
      return;
    }
    check(method, annotation, received.isSubtypeOf(outputType),
        where + " outputs " + received + ", which is not the DoFn's output type " + outputType
            + "; declare it as OutputReceiver<" + outputType + ">");
  }

  private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
    for (Annotation a : annotations) {
      if (type.isInstance(a)) {
        return type.cast(a);
      }
    }
    return null;
  }

  private static String describeAll(List<Method> methods) {
    List<String> names = new ArrayList<>();
    for (Method m : methods) {
      names.add(m.getDeclaringClass().getSimpleName() + "." + DoFnSignatures.describe(m));
    }
    return String.join(", ", names);
  }
}
