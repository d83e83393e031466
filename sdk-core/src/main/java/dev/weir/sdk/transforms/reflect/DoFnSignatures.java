package dev.weir.sdk.transforms.reflect;

import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.reflect.DoFnSignature.BundleMethod;
import dev.weir.sdk.transforms.reflect.DoFnSignature.LifecycleMethod;
import dev.weir.sdk.transforms.reflect.DoFnSignature.OnTimerMethod;
import dev.weir.sdk.transforms.reflect.DoFnSignature.OnWindowExpirationMethod;
import dev.weir.sdk.transforms.reflect.DoFnSignature.Parameter.Kind;
import dev.weir.sdk.transforms.reflect.DoFnSignature.ProcessElementMethod;
import dev.weir.sdk.transforms.reflect.DoFnSignature.StateDeclaration;
import dev.weir.sdk.transforms.reflect.DoFnSignature.TimerDeclaration;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and caches the {@link DoFnSignature} of a {@link DoFn} class.
 *
 * <p>A DoFn has exactly one {@code @ProcessElement} method and at most one each of
 * {@code @Setup}, {@code @StartBundle}, {@code @FinishBundle}, {@code @Teardown} and
 * {@code @OnWindowExpiration}, found on the class or its superclasses (a method overridden in a
 * subclass counts once). Each must be public, not static, and return void; each takes only the
 * parameters its annotation allows. A stateful DoFn declares state and timers on final
 * {@code StateSpec} and {@code TimerSpec} fields, each id once, has exactly one {@code @OnTimer}
 * method per timer, refers only to declared ids, and (as far as its type arguments tell) takes a
 * {@code KV} input. Any violation is an {@link IllegalArgumentException} naming the class, the
 * method or field, the parameter and what is allowed there.
 *
 * <p>Thread-safe. Signatures are computed once per class and kept as long as the class.
 */
public final class DoFnSignatures {
  private static final String PROCESS_ALLOWED =
      "@Element T, @Timestamp Instant, OutputReceiver<OutputT>, MultiOutputReceiver, DoFn.ProcessContext, "
          + "a BoundedWindow (or subclass such as IntervalWindow), PaneInfo, PipelineOptions, @SideInput(\"id\") T, "
          + "@StateId(\"id\") state, @TimerId(\"id\") Timer";
  private static final String START_ALLOWED = "DoFn.StartBundleContext, PipelineOptions";
  private static final String FINISH_ALLOWED = "DoFn.FinishBundleContext, PipelineOptions";
  private static final String SETUP_ALLOWED = "PipelineOptions";
  private static final String TEARDOWN_ALLOWED = "no parameters";
  private static final String ON_TIMER_ALLOWED =
      "DoFn.OnTimerContext, a BoundedWindow, @Timestamp Instant, TimeDomain, OutputReceiver<OutputT>, "
          + "MultiOutputReceiver, PipelineOptions, @StateId(\"id\") state, @TimerId(\"id\") Timer, @Key K";
  private static final String ON_EXPIRATION_ALLOWED =
      "a BoundedWindow, @Timestamp Instant, OutputReceiver<OutputT>, MultiOutputReceiver, PipelineOptions, "
          + "@StateId(\"id\") state, @Key K";

  private static final Set<Kind> PROCESS_KINDS = EnumSet.of(
      Kind.ELEMENT, Kind.TIMESTAMP, Kind.WINDOW, Kind.PANE_INFO, Kind.PIPELINE_OPTIONS,
      Kind.OUTPUT_RECEIVER, Kind.MULTI_OUTPUT_RECEIVER, Kind.PROCESS_CONTEXT, Kind.SIDE_INPUT,
      Kind.STATE, Kind.TIMER);
  private static final Set<Kind> START_KINDS = EnumSet.of(Kind.START_BUNDLE_CONTEXT, Kind.PIPELINE_OPTIONS);
  private static final Set<Kind> FINISH_KINDS = EnumSet.of(Kind.FINISH_BUNDLE_CONTEXT, Kind.PIPELINE_OPTIONS);
  private static final Set<Kind> SETUP_KINDS = EnumSet.of(Kind.PIPELINE_OPTIONS);
  private static final Set<Kind> TEARDOWN_KINDS = EnumSet.noneOf(Kind.class);
  private static final Set<Kind> ON_TIMER_KINDS = EnumSet.of(
      Kind.ON_TIMER_CONTEXT, Kind.WINDOW, Kind.TIMESTAMP, Kind.TIME_DOMAIN, Kind.OUTPUT_RECEIVER,
      Kind.MULTI_OUTPUT_RECEIVER, Kind.PIPELINE_OPTIONS, Kind.STATE, Kind.TIMER, Kind.KEY);
  private static final Set<Kind> ON_EXPIRATION_KINDS = EnumSet.of(
      Kind.WINDOW, Kind.TIMESTAMP, Kind.OUTPUT_RECEIVER, Kind.MULTI_OUTPUT_RECEIVER, Kind.PIPELINE_OPTIONS,
      Kind.STATE, Kind.KEY);

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

  /** Whether {@code fn} declares state or timers or reacts to window expiration. */
  public static boolean isStateful(DoFn<?, ?> fn) {
    return getSignature(fn.getClass()).isStateful();
  }

  @SuppressWarnings("unchecked")
  private static DoFnSignature parse(Class<?> fnClass) {
    StateTimerFields fields = new StateTimerFields(fnClass);
    Map<String, StateDeclaration> states = fields.states();
    Map<String, TimerDeclaration> timers = fields.timers();
    DoFnMethodParser parser = new DoFnMethodParser(fnClass, states, timers);
    Method process = parser.findAnnotated(DoFn.ProcessElement.class, true);
    Method setup = parser.findAnnotated(DoFn.Setup.class, false);
    Method start = parser.findAnnotated(DoFn.StartBundle.class, false);
    Method finish = parser.findAnnotated(DoFn.FinishBundle.class, false);
    Method teardown = parser.findAnnotated(DoFn.Teardown.class, false);
    Method expiration = parser.findAnnotated(DoFn.OnWindowExpiration.class, false);
    DoFnSignature signature = new DoFnSignature(
        (Class<? extends DoFn<?, ?>>) fnClass,
        new ProcessElementMethod(process, parser.parameters(process, "ProcessElement", PROCESS_KINDS, PROCESS_ALLOWED)),
        setup == null ? null
            : new LifecycleMethod(setup, parser.parameters(setup, "Setup", SETUP_KINDS, SETUP_ALLOWED)),
        start == null ? null
            : new BundleMethod(start, parser.parameters(start, "StartBundle", START_KINDS, START_ALLOWED)),
        finish == null ? null
            : new BundleMethod(finish, parser.parameters(finish, "FinishBundle", FINISH_KINDS, FINISH_ALLOWED)),
        teardown == null ? null
            : new LifecycleMethod(teardown, parser.parameters(teardown, "Teardown", TEARDOWN_KINDS, TEARDOWN_ALLOWED)),
        states,
        timers,
        onTimerMethods(fnClass, parser, timers),
        expiration == null ? null : new OnWindowExpirationMethod(expiration,
            parser.parameters(expiration, "OnWindowExpiration", ON_EXPIRATION_KINDS, ON_EXPIRATION_ALLOWED)));
    if (signature.isStateful()) {
      checkKvInput(fnClass);
    }
    return signature;
  }

  private static Map<String, OnTimerMethod> onTimerMethods(
      Class<?> fnClass, DoFnMethodParser parser, Map<String, TimerDeclaration> timers) {
    Map<String, OnTimerMethod> result = new LinkedHashMap<>();
    for (Method method : parser.findAllAnnotated(DoFn.OnTimer.class)) {
      String id = method.getAnnotation(DoFn.OnTimer.class).value();
      String where = "DoFn " + fnClass.getName() + ", @OnTimer(\"" + id + "\") method " + describe(method);
      check(timers.containsKey(id), where + " is for a timer that is not declared (declared timers: "
          + timers.keySet() + "); declare it with @TimerId(\"" + id + "\") on a final TimerSpec field");
      OnTimerMethod previous = result.get(id);
      check(previous == null, "DoFn " + fnClass.getName() + " has two @OnTimer(\"" + id + "\") methods, "
          + (previous == null ? "" : describe(previous.targetMethod())) + " and " + describe(method)
          + "; a timer has exactly one");
      result.put(id, new OnTimerMethod(id, method, parser.parameters(method, "OnTimer", ON_TIMER_KINDS, ON_TIMER_ALLOWED)));
    }
    for (String id : timers.keySet()) {
      check(result.containsKey(id), "DoFn " + fnClass.getName() + " declares timer \"" + id
          + "\" but has no @OnTimer(\"" + id + "\") method; add a public void method annotated @OnTimer(\""
          + id + "\") to handle its firings");
    }
    return result;
  }

  /** Rejects a stateful DoFn whose input type is known and is not a {@code KV}. */
  private static void checkKvInput(Class<?> fnClass) {
    TypeDescriptor<?> input = TypeDescriptor.of((Type) fnClass).resolveType(DoFn.class.getTypeParameters()[0]);
    Class<?> raw = input.getRawType();
    check(raw == Object.class || KV.class.isAssignableFrom(raw),
        "DoFn " + fnClass.getName() + " uses state or timers but its input type " + input + " is not a KV; state "
            + "and timers are kept per key, so a stateful DoFn takes KV<K, V> elements (key them first, for "
            + "example with WithKeys)");
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
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
