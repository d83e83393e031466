package dev.weir.sdk.transforms.reflect;

import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.values.TypeDescriptor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link DoFn} class declares: its annotated methods and, for each, which arguments it
 * takes. Made by {@link DoFnSignatures#getSignature}, which rejects malformed classes, so a
 * signature always describes a DoFn that can be invoked.
 *
 * <p>Immutable and thread-safe. The lifecycle methods are null when the class declares none.
 *
 * @param fnClass the DoFn class described
 * @param processElement its one {@code @ProcessElement} method
 * @param setup its {@code @Setup} method, or null
 * @param startBundle its {@code @StartBundle} method, or null
 * @param finishBundle its {@code @FinishBundle} method, or null
 * @param teardown its {@code @Teardown} method, or null
 */
public record DoFnSignature(
    Class<? extends DoFn<?, ?>> fnClass,
    ProcessElementMethod processElement,
    LifecycleMethod setup,
    BundleMethod startBundle,
    BundleMethod finishBundle,
    LifecycleMethod teardown) {

  public DoFnSignature {
    Objects.requireNonNull(fnClass, "fnClass");
    Objects.requireNonNull(processElement, "processElement");
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
   * One parameter of a DoFn method: what the runner passes for it.
   *
   * @param kind what is passed
   * @param type the declared (generic) type of the parameter
   * @param sideInputId the id of a {@link Kind#SIDE_INPUT} parameter; null for every other kind
   */
  public record Parameter(Kind kind, TypeDescriptor<?> type, String sideInputId) {
    public Parameter {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(type, "type");
      if ((kind == Kind.SIDE_INPUT) != (sideInputId != null)) {
        throw new IllegalArgumentException("A side input id is given exactly for SIDE_INPUT parameters, not " + kind);
      }
    }

    /**
     * What a runner passes for a parameter. State, timer and window-expiration parameters
     * (issue 3) will join this list as new kinds; callers switch on it and reject what they
     * do not know.
     */
    public enum Kind {
      /** {@code @Element T}: the input element. */
      ELEMENT,
      /** {@code @Timestamp Instant}: the input element's timestamp. */
      TIMESTAMP,
      /** A {@code BoundedWindow} (or subclass): the one window the element is processed in. */
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
      SIDE_INPUT
    }
  }
}
