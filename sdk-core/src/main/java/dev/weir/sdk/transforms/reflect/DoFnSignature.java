package dev.weir.sdk.transforms.reflect;

import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.TimerSpec;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.values.TypeDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link DoFn} class declares: its annotated methods and, for each, which arguments it
 * takes. Made by {@link DoFnSignatures#getSignature}, which rejects malformed classes, so a
 * signature always describes a DoFn that can be invoked.
 *
 * <p>Immutable and thread-safe. The lifecycle methods are null when the class declares none; the
 * maps are unmodifiable, in declaration order, and empty for a DoFn without state or timers.
 *
 * @param fnClass the DoFn class described
 * @param processElement its one {@code @ProcessElement} method
 * @param setup its {@code @Setup} method, or null
 * @param startBundle its {@code @StartBundle} method, or null
 * @param finishBundle its {@code @FinishBundle} method, or null
 * @param teardown its {@code @Teardown} method, or null
 * @param stateDeclarations its {@code @StateId} fields by state id
 * @param timerDeclarations its {@code @TimerId} fields by timer id
 * @param onTimerMethods its {@code @OnTimer} methods by timer id; one per declared timer
 * @param onWindowExpiration its {@code @OnWindowExpiration} method, or null
 */
public record DoFnSignature(
    Class<? extends DoFn<?, ?>> fnClass,
    ProcessElementMethod processElement,
    LifecycleMethod setup,
    BundleMethod startBundle,
    BundleMethod finishBundle,
    LifecycleMethod teardown,
    Map<String, StateDeclaration> stateDeclarations,
    Map<String, TimerDeclaration> timerDeclarations,
    Map<String, OnTimerMethod> onTimerMethods,
    OnWindowExpirationMethod onWindowExpiration) {

  public DoFnSignature {
    Objects.requireNonNull(fnClass, "fnClass");
    Objects.requireNonNull(processElement, "processElement");
    stateDeclarations = Collections.unmodifiableMap(new LinkedHashMap<>(stateDeclarations));
    timerDeclarations = Collections.unmodifiableMap(new LinkedHashMap<>(timerDeclarations));
    onTimerMethods = Collections.unmodifiableMap(new LinkedHashMap<>(onTimerMethods));
  }

  /** Whether the DoFn declares state. */
  public boolean usesState() {
    return !stateDeclarations.isEmpty();
  }

  /** Whether the DoFn declares timers. */
  public boolean usesTimers() {
    return !timerDeclarations.isEmpty();
  }

  /**
   * Whether the DoFn is stateful: it declares state or timers, or reacts to window expiration, so
   * that it must run per key and window on a {@code KV} input.
   */
  public boolean isStateful() {
    return usesState() || usesTimers() || onWindowExpiration != null;
  }

  /**
   * A {@code @StateId} field.
   *
   * @param id the state id
   * @param field the final {@link StateSpec} field, made accessible
   * @param stateType the declared type of the state, such as {@code ValueState<Integer>}, resolved
   *     against the DoFn class as far as its type arguments allow
   */
  public record StateDeclaration(String id, Field field, TypeDescriptor<?> stateType) {
    public StateDeclaration {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(stateType, "stateType");
    }

    /** The spec held by this field of {@code fn}. */
    public StateSpec<?> spec(DoFn<?, ?> fn) {
      return (StateSpec<?>) read(field, fn, "@StateId(\"" + id + "\")");
    }
  }

  /**
   * A {@code @TimerId} field.
   *
   * @param id the timer id
   * @param field the final {@link TimerSpec} field, made accessible
   */
  public record TimerDeclaration(String id, Field field) {
    public TimerDeclaration {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(field, "field");
    }

    /** The spec held by this field of {@code fn}. */
    public TimerSpec spec(DoFn<?, ?> fn) {
      return (TimerSpec) read(field, fn, "@TimerId(\"" + id + "\")");
    }
  }

  private static Object read(Field field, DoFn<?, ?> fn, String what) {
    Object value;
    try {
      value = field.get(fn);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read the " + what + " field " + field.getName() + " of DoFn "
          + fn.getClass().getName(), e);
    }
    if (value == null) {
      throw new IllegalStateException("The " + what + " field " + field.getName() + " of DoFn "
          + fn.getClass().getName() + " is null; initialize it where it is declared");
    }
    return value;
  }

  /** An annotated method of a DoFn and the arguments it takes, in declaration order. */
  public interface DoFnMethod {
    /** The annotated method; public, not static, returning void. */
    Method targetMethod();

    /** One entry per declared parameter of {@link #targetMethod()}, in order. */
    List<Parameter> extraParameters();
  }

  /**
   * The {@code @ProcessElement} method.
   *
   * @param targetMethod the method
   * @param extraParameters its parameters
   */
  public record ProcessElementMethod(Method targetMethod, List<Parameter> extraParameters) implements DoFnMethod {
    public ProcessElementMethod {
      Objects.requireNonNull(targetMethod, "targetMethod");
      extraParameters = List.copyOf(extraParameters);
    }

    /**
     * Whether the method sees the window of the element it processes (it takes a window), so that
     * an element in several windows must be processed once per window.
     */
    public boolean observesWindow() {
      return hasParameter(Parameter.Kind.WINDOW);
    }

    /** Whether some parameter is of {@code kind}. */
    public boolean hasParameter(Parameter.Kind kind) {
      for (Parameter p : extraParameters) {
        if (p.kind() == kind) {
          return true;
        }
      }
      return false;
    }

    /** The ids of the {@code @SideInput} parameters, in declaration order, without repeats. */
    public List<String> sideInputIds() {
      List<String> ids = new ArrayList<>();
      for (Parameter p : extraParameters) {
        if (p.kind() == Parameter.Kind.SIDE_INPUT && !ids.contains(p.sideInputId())) {
          ids.add(p.sideInputId());
        }
      }
      return List.copyOf(ids);
    }

    /** The window type the method takes, or null when it takes no window. */
    public TypeDescriptor<?> windowType() {
      for (Parameter p : extraParameters) {
        if (p.kind() == Parameter.Kind.WINDOW) {
          return p.type();
        }
      }
      return null;
    }
  }

  /**
   * A {@code @StartBundle} or {@code @FinishBundle} method.
   *
   * @param targetMethod the method
   * @param extraParameters its parameters
   */
  public record BundleMethod(Method targetMethod, List<Parameter> extraParameters) implements DoFnMethod {
    public BundleMethod {
      Objects.requireNonNull(targetMethod, "targetMethod");
      extraParameters = List.copyOf(extraParameters);
    }
  }

  /**
   * A {@code @Setup} or {@code @Teardown} method.
   *
   * @param targetMethod the method
   * @param extraParameters its parameters
   */
  public record LifecycleMethod(Method targetMethod, List<Parameter> extraParameters) implements DoFnMethod {
    public LifecycleMethod {
      Objects.requireNonNull(targetMethod, "targetMethod");
      extraParameters = List.copyOf(extraParameters);
    }
  }

  /**
   * An {@code @OnTimer} method.
   *
   * @param timerId the id of the timer it is called for
   * @param targetMethod the method
   * @param extraParameters its parameters
   */
  public record OnTimerMethod(String timerId, Method targetMethod, List<Parameter> extraParameters)
      implements DoFnMethod {
    public OnTimerMethod {
      Objects.requireNonNull(timerId, "timerId");
      Objects.requireNonNull(targetMethod, "targetMethod");
      extraParameters = List.copyOf(extraParameters);
    }
  }

  /**
   * The {@code @OnWindowExpiration} method.
   *
   * @param targetMethod the method
   * @param extraParameters its parameters
   */
  public record OnWindowExpirationMethod(Method targetMethod, List<Parameter> extraParameters) implements DoFnMethod {
    public OnWindowExpirationMethod {
      Objects.requireNonNull(targetMethod, "targetMethod");
      extraParameters = List.copyOf(extraParameters);
    }
  }

  /**
   * One parameter of a DoFn method: what the runner passes for it.
   *
   * @param kind what is passed
   * @param type the declared (generic) type of the parameter
   * @param id the side input, state or timer id of a {@link Kind#SIDE_INPUT}, {@link Kind#STATE}
   *     or {@link Kind#TIMER} parameter; null for every other kind
   */
  public record Parameter(Kind kind, TypeDescriptor<?> type, String id) {
    public Parameter {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(type, "type");
      if (kind.hasId() != (id != null)) {
        throw new IllegalArgumentException("An id is given exactly for SIDE_INPUT, STATE and TIMER parameters, not "
            + kind);
      }
    }

    /** The side input id of a {@link Kind#SIDE_INPUT} parameter, else null. */
    public String sideInputId() {
      return kind == Kind.SIDE_INPUT ? id : null;
    }

    /**
     * What a runner passes for a parameter. Callers switch on it and reject what they do not
     * know.
     */
    public enum Kind {
      /** {@code @Element T}: the input element. */
      ELEMENT,
      /**
       * {@code @Timestamp Instant}: the input element's timestamp; in {@code @OnTimer} the timer's
       * output timestamp, in {@code @OnWindowExpiration} the window's max timestamp.
       */
      TIMESTAMP,
      /** A {@code BoundedWindow} (or subclass): the one window the element, timer or expiry is in. */
      WINDOW,
      /** {@code PaneInfo}: the pane the input element came from. */
      PANE_INFO,
      /** {@code PipelineOptions}. */
      PIPELINE_OPTIONS,
      /** {@code OutputReceiver<OutputT>}: the main output. */
      OUTPUT_RECEIVER,
      /** {@code MultiOutputReceiver}: every output by tag. */
      MULTI_OUTPUT_RECEIVER,
      /** {@code DoFn.ProcessContext}. */
      PROCESS_CONTEXT,
      /** {@code DoFn.StartBundleContext}. */
      START_BUNDLE_CONTEXT,
      /** {@code DoFn.FinishBundleContext}. */
      FINISH_BUNDLE_CONTEXT,
      /** {@code @SideInput("id") T}: the value of the side input registered under the id. */
      SIDE_INPUT,
      /** {@code @StateId("id") S}: the state declared under the id, for the current key and window. */
      STATE,
      /** {@code @TimerId("id") Timer}: the timer declared under the id, for the current key and window. */
      TIMER,
      /** {@code @Key K}: the key of the firing timer or expiring window. */
      KEY,
      /** {@code TimeDomain}: the time domain of the firing timer. */
      TIME_DOMAIN,
      /** {@code DoFn.OnTimerContext}. */
      ON_TIMER_CONTEXT;

      /** Whether parameters of this kind carry an id. */
      public boolean hasId() {
        return this == SIDE_INPUT || this == STATE || this == TIMER;
      }
    }
  }
}
