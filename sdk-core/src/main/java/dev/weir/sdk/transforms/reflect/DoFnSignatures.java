package dev.weir.sdk.transforms.reflect;

import com.google.common.primitives.Primitives;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.reflect.DoFnSignature.BundleMethod;
import dev.weir.sdk.transforms.reflect.DoFnSignature.LifecycleMethod;
import dev.weir.sdk.transforms.reflect.DoFnSignature.Parameter;
import dev.weir.sdk.transforms.reflect.DoFnSignature.Parameter.Kind;
import dev.weir.sdk.transforms.reflect.DoFnSignature.ProcessElementMethod;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.TypeDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.joda.time.Instant;

/**
 * Parses and caches the {@link DoFnSignature} of a {@link DoFn} class.
 *
 * <p>A DoFn has exactly one {@code @ProcessElement} method and at most one each of
 * {@code @Setup}, {@code @StartBundle}, {@code @FinishBundle} and {@code @Teardown}, found on
 * the class or its superclasses (a method overridden in a subclass counts once). Each must be
 * public, not static, and return void; each takes only the parameters its annotation allows.
 * Any violation is an {@link IllegalArgumentException} naming the class, the method, the
 * parameter and what is allowed there.
 *
 * <p>Thread-safe. Signatures are computed once per class and kept as long as the class.
 */
public final class DoFnSignatures {
  private static final String PROCESS_ALLOWED =
      "@Element T, @Timestamp Instant, OutputReceiver<OutputT>, MultiOutputReceiver, DoFn.ProcessContext, "
          + "a BoundedWindow (or subclass such as IntervalWindow), PaneInfo, PipelineOptions, @SideInput(\"id\") T";
  private static final String START_ALLOWED = "DoFn.StartBundleContext, PipelineOptions";
  private static final String FINISH_ALLOWED = "DoFn.FinishBundleContext, PipelineOptions";
  private static final String SETUP_ALLOWED = "PipelineOptions";
  private static final String TEARDOWN_ALLOWED = "no parameters";

  private static final Set<Kind> PROCESS_KINDS = EnumSet.of(
      Kind.ELEMENT, Kind.TIMESTAMP, Kind.WINDOW, Kind.PANE_INFO, Kind.PIPELINE_OPTIONS,
      Kind.OUTPUT_RECEIVER, Kind.MULTI_OUTPUT_RECEIVER, Kind.PROCESS_CONTEXT, Kind.SIDE_INPUT);
  private static final Set<Kind> START_KINDS = EnumSet.of(Kind.START_BUNDLE_CONTEXT, Kind.PIPELINE_OPTIONS);
  private static final Set<Kind> FINISH_KINDS = EnumSet.of(Kind.FINISH_BUNDLE_CONTEXT, Kind.PIPELINE_OPTIONS);
  private static final Set<Kind> SETUP_KINDS = EnumSet.of(Kind.PIPELINE_OPTIONS);
  private static final Set<Kind> TEARDOWN_KINDS = EnumSet.noneOf(Kind.class);

  private static final ClassValue<DoFnSignature> CACHE = new ClassValue<>() {
    @Override
    protected DoFnSignature computeValue(Class<?> type) {
      return parse(type);
    }
  };

  private DoFnSignatures() {}

  /**
   * The signature of {@code fnClass}, parsed on first use.
   *
   * @throws IllegalArgumentException if the class is not a well-formed DoFn; the message says why
   */
  public static DoFnSignature getSignature(Class<?> fnClass) {
    if (fnClass == null || !DoFn.class.isAssignableFrom(fnClass)) {
      throw new IllegalArgumentException("Not a DoFn class: " + fnClass);
    }
    return CACHE.get(fnClass);
  }

  @SuppressWarnings("unchecked")
  private static DoFnSignature parse(Class<?> fnClass) {
    MethodParser parser = new MethodParser(fnClass);
    Method process = parser.findAnnotated(DoFn.ProcessElement.class, true);
    Method setup = parser.findAnnotated(DoFn.Setup.class, false);
    Method start = parser.findAnnotated(DoFn.StartBundle.class, false);
    Method finish = parser.findAnnotated(DoFn.FinishBundle.class, false);
    Method teardown = parser.findAnnotated(DoFn.Teardown.class, false);
    return new DoFnSignature(
        (Class<? extends DoFn<?, ?>>) fnClass,
        new ProcessElementMethod(process, parser.parameters(process, "ProcessElement", PROCESS_KINDS, PROCESS_ALLOWED)),
        setup == null ? null
            : new LifecycleMethod(setup, parser.parameters(setup, "Setup", SETUP_KINDS, SETUP_ALLOWED)),
        start == null ? null
            : new BundleMethod(start, parser.parameters(start, "StartBundle", START_KINDS, START_ALLOWED)),
        finish == null ? null
            : new BundleMethod(finish, parser.parameters(finish, "FinishBundle", FINISH_KINDS, FINISH_ALLOWED)),
        teardown == null ? null
            : new LifecycleMethod(teardown, parser.parameters(teardown, "Teardown", TEARDOWN_KINDS, TEARDOWN_ALLOWED)));
  }

  /** Finds and checks the annotated methods of one DoFn class. */
  private static final class MethodParser {
    private final Class<?> fnClass;
    private final TypeDescriptor<?> inputType;
    private final TypeDescriptor<?> outputType;

    MethodParser(Class<?> fnClass) {
      this.fnClass = fnClass;
      TypeDescriptor<?> fnType = TypeDescriptor.of((Type) fnClass);
      this.inputType = fnType.resolveType(DoFn.class.getTypeParameters()[0]);
      this.outputType = fnType.resolveType(DoFn.class.getTypeParameters()[1]);
    }

    /** The one method annotated with {@code annotation}, or null when there is none and none is required. */
    Method findAnnotated(Class<? extends Annotation> annotation, boolean required) {
      List<Method> found = new ArrayList<>();
      for (Class<?> c = fnClass; c != null && c != DoFn.class; c = c.getSuperclass()) {
        for (Method m : c.getDeclaredMethods()) {
          if (!m.isBridge() && !m.isSynthetic() && m.isAnnotationPresent(annotation) && !overridesAny(m, found)) {
            found.add(m);
          }
        }
      }
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
      Method method = found.get(0);
      int modifiers = method.getModifiers();
      check(method, name, Modifier.isPublic(modifiers), "must be public");
      check(method, name, !Modifier.isStatic(modifiers), "must not be static");
      check(method, name, method.getReturnType() == void.class,
          "must return void, not " + method.getGenericReturnType().getTypeName());
      return method;
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
            "DoFn " + fnClass.getName() + ", " + annotation + " method " + describe(method) + ": " + problem);
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
          check(method, "@" + annotation, p.kind() == Kind.SIDE_INPUT || result.get(j).kind() != p.kind(),
              where + " repeats the " + p.kind() + " parameter at index " + j + "; take it only once");
        }
        result.add(p);
      }
      return result;
    }

    private Parameter classify(Method method, String annotation, String where, Type type, Annotation[] annotations) {
      TypeDescriptor<?> descriptor = TypeDescriptor.of(type);
      Class<?> raw = descriptor.getRawType();
      boolean element = has(annotations, DoFn.Element.class);
      boolean timestamp = has(annotations, DoFn.Timestamp.class);
      DoFn.SideInput sideInput = find(annotations, DoFn.SideInput.class);
      int marks = (element ? 1 : 0) + (timestamp ? 1 : 0) + (sideInput != null ? 1 : 0);
      check(method, annotation, marks <= 1, where + " carries more than one of @Element, @Timestamp, @SideInput");
      if (element) {
        checkElementType(method, annotation, where, descriptor);
        return new Parameter(Kind.ELEMENT, descriptor, null);
      }
      if (timestamp) {
        check(method, annotation, raw == Instant.class,
            where + " is annotated @Timestamp but is not an org.joda.time.Instant; declare it as Instant");
        return new Parameter(Kind.TIMESTAMP, descriptor, null);
      }
      if (sideInput != null) {
        check(method, annotation, !sideInput.value().isEmpty(),
            where + " has an empty @SideInput id; give the id used in withSideInput(id, view)");
        return new Parameter(Kind.SIDE_INPUT, descriptor, sideInput.value());
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
      } else if (BoundedWindow.class.isAssignableFrom(raw)) {
        return Kind.WINDOW;
      } else if (raw == PaneInfo.class) {
        return Kind.PANE_INFO;
      } else if (raw == PipelineOptions.class) {
        return Kind.PIPELINE_OPTIONS;
      }
      return null;
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

    private static boolean has(Annotation[] annotations, Class<? extends Annotation> type) {
      return find(annotations, type) != null;
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
        names.add(m.getDeclaringClass().getSimpleName() + "." + describe(m));
      }
      return String.join(", ", names);
    }
  }

  /** {@code name(Type1, Type2)} with simple type names, as a method appears in messages. */
  static String describe(Method method) {
    List<String> types = new ArrayList<>();
    for (Class<?> t : method.getParameterTypes()) {
      types.add(t.getSimpleName());
    }
    return method.getName() + "(" + String.join(", ", types) + ")";
  }
}
