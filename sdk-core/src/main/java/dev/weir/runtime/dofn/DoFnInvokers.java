package dev.weir.runtime.dofn;

import dev.weir.runtime.dofn.DoFnInvoker.ArgumentProvider;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.state.State;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.state.Timer;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.reflect.DoFnSignature;
import dev.weir.sdk.transforms.reflect.DoFnSignature.DoFnMethod;
import dev.weir.sdk.transforms.reflect.DoFnSignature.Parameter;
import dev.weir.sdk.transforms.reflect.DoFnSignatures;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.joda.time.Instant;

/**
 * Makes {@link DoFnInvoker}s out of {@link MethodHandle}s.
 *
 * <p>Per DoFn class, once: each annotated method becomes one handle of type
 * {@code (DoFn, ArgumentProvider) -> void} that fetches every argument from the provider (one
 * provider call per parameter, cast to the parameter's type) and calls the method. Per instance,
 * an invoker only pairs the instance with those handles, so making one is cheap.
 *
 * <p>Thread-safe.
 */
public final class DoFnInvokers {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final MethodType ADAPTED = MethodType.methodType(void.class, DoFn.class, ArgumentProvider.class);

  private static final ClassValue<ClassHandles> HANDLES = new ClassValue<>() {
    @Override
    protected ClassHandles computeValue(Class<?> type) {
      return ClassHandles.of(DoFnSignatures.getSignature(type));
    }
  };

  private DoFnInvokers() {}

  /**
   * An invoker of {@code fn}'s methods.
   *
   * @throws IllegalArgumentException if {@code fn}'s class is not a well-formed DoFn
   */
  public static <InputT, OutputT> DoFnInvoker<InputT, OutputT> invokerFor(DoFn<InputT, OutputT> fn) {
    Objects.requireNonNull(fn, "fn");
    return new MethodHandleInvoker<>(fn, HANDLES.get(fn.getClass()));
  }

  /**
   * The adapted handles of one DoFn class; a null handle stands for an undeclared method, and
   * {@code onTimer} holds one handle per timer id. {@code directProcessElement}, where not null,
   * calls the {@code @ProcessElement} method faster, and {@code processElement} is then null.
   */
  private record ClassHandles(
      DoFnSignature signature,
      MethodHandle setup,
      MethodHandle startBundle,
      MethodHandle processElement,
      DirectProcessElementCall directProcessElement,
      MethodHandle finishBundle,
      MethodHandle teardown,
      Map<String, MethodHandle> onTimer,
      MethodHandle onWindowExpiration) {

    static ClassHandles of(DoFnSignature signature) {
      Map<String, MethodHandle> onTimer = new LinkedHashMap<>();
      for (Map.Entry<String, DoFnSignature.OnTimerMethod> entry : signature.onTimerMethods().entrySet()) {
        onTimer.put(entry.getKey(), adapt(entry.getValue()));
      }
      DirectProcessElementCall direct =
          signature.processElement() == null ? null : DirectProcessElementCall.of(signature.processElement());
      return new ClassHandles(
          signature,
          adapt(signature.setup()),
          adapt(signature.startBundle()),
          // Adapting spins classes for the handle's shape, on the run's clock: skipped where the direct call serves.
          direct == null ? adapt(signature.processElement()) : null,
          direct,
          adapt(signature.finishBundle()),
          adapt(signature.teardown()),
          Collections.unmodifiableMap(onTimer),
          adapt(signature.onWindowExpiration()));
    }
  }

  private static MethodHandle adapt(DoFnMethod method) {
    if (method == null) {
      return null;
    }
    Method declared = method.targetMethod();
    MethodHandle handle;
    try {
      // DoFns are often private nested or anonymous classes whose public methods are still not
      // accessible from here; suppressing the check once lets the handle call them directly. A
      // fresh copy of the Method keeps the shared signature's Method untouched.
      Method target = declared.getDeclaringClass().getDeclaredMethod(declared.getName(), declared.getParameterTypes());
      target.setAccessible(true);
      handle = LOOKUP.unreflect(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("Cannot access " + declared + " of DoFn "
          + declared.getDeclaringClass().getName() + "; make the class and method public", e);
    }
    handle = handle.asType(handle.type().changeParameterType(0, DoFn.class));
    List<Parameter> parameters = method.extraParameters();
    if (parameters.isEmpty()) {
      return MethodHandles.dropArguments(handle, 1, ArgumentProvider.class);
    }
    MethodHandle[] getters = new MethodHandle[parameters.size()];
    for (int i = 0; i < getters.length; i++) {
      getters[i] = getter(parameters.get(i)).asType(
          MethodType.methodType(handle.type().parameterType(i + 1), ArgumentProvider.class));
    }
    // (DoFn, Provider, Provider, ...) -> void, then every provider slot fed from the one provider.
    MethodHandle spread = MethodHandles.filterArguments(handle, 1, getters);
    int[] reorder = new int[getters.length + 1];
    Arrays.fill(reorder, 1, reorder.length, 1);
    return MethodHandles.permuteArguments(spread, ADAPTED, reorder);
  }

  /** A handle {@code (ArgumentProvider) -> argument} for one parameter. */
  private static MethodHandle getter(Parameter parameter) {
    try {
      switch (parameter.kind()) {
        case ELEMENT:
          return providerMethod("element", Object.class);
        case TIMESTAMP:
          return providerMethod("timestamp", Instant.class);
        case WINDOW:
          return providerMethod("window", BoundedWindow.class);
        case PANE_INFO:
          return providerMethod("paneInfo", PaneInfo.class);
        case PIPELINE_OPTIONS:
          return providerMethod("pipelineOptions", PipelineOptions.class);
        case OUTPUT_RECEIVER:
          return providerMethod("outputReceiver", DoFn.OutputReceiver.class);
        case MULTI_OUTPUT_RECEIVER:
          return providerMethod("multiOutputReceiver", DoFn.MultiOutputReceiver.class);
        case PROCESS_CONTEXT:
          return providerMethod("processContext", DoFn.ProcessContext.class);
        case START_BUNDLE_CONTEXT:
          return providerMethod("startBundleContext", DoFn.StartBundleContext.class);
        case FINISH_BUNDLE_CONTEXT:
          return providerMethod("finishBundleContext", DoFn.FinishBundleContext.class);
        case SIDE_INPUT:
          return providerMethodOfId("sideInput", Object.class, parameter.id());
        case STATE:
          return providerMethodOfId("state", State.class, parameter.id());
        case TIMER:
          return providerMethodOfId("timer", Timer.class, parameter.id());
        case KEY:
          return providerMethod("key", Object.class);
        case TIME_DOMAIN:
          return providerMethod("timeDomain", TimeDomain.class);
        case ON_TIMER_CONTEXT:
          return providerMethod("onTimerContext", DoFn.OnTimerContext.class);
        default:
          throw new IllegalArgumentException("No argument of kind " + parameter.kind() + " can be supplied yet");
      }
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException("ArgumentProvider lacks the getter of " + parameter.kind(), e);
    }
  }

  private static MethodHandle providerMethod(String name, Class<?> returnType)
      throws NoSuchMethodException, IllegalAccessException {
    return LOOKUP.findVirtual(ArgumentProvider.class, name, MethodType.methodType(returnType));
  }

  /** A handle {@code (ArgumentProvider) -> provider.name(id)}, the id bound once per class. */
  private static MethodHandle providerMethodOfId(String name, Class<?> returnType, String id)
      throws NoSuchMethodException, IllegalAccessException {
    MethodHandle byId = LOOKUP.findVirtual(ArgumentProvider.class, name, MethodType.methodType(returnType, String.class));
    return MethodHandles.insertArguments(byId, 1, id);
  }

  /** Pairs one DoFn instance with its class's handles. */
  private static final class MethodHandleInvoker<InputT, OutputT> implements DoFnInvoker<InputT, OutputT> {
    private final DoFn<InputT, OutputT> fn;
    private final ClassHandles handles;

    MethodHandleInvoker(DoFn<InputT, OutputT> fn, ClassHandles handles) {
      this.fn = fn;
      this.handles = handles;
    }

    @Override
    public void invokeSetup(ArgumentProvider<InputT, OutputT> arguments) throws Exception {
      invoke(handles.setup(), arguments);
    }

    @Override
    public void invokeStartBundle(ArgumentProvider<InputT, OutputT> arguments) throws Exception {
      invoke(handles.startBundle(), arguments);
    }

    @Override
    public void invokeProcessElement(ArgumentProvider<InputT, OutputT> arguments) throws Exception {
      DirectProcessElementCall direct = handles.directProcessElement();
      if (direct != null) {
        try {
          direct.call(fn, arguments);
        } catch (Exception | Error e) {
          throw e;
        } catch (Throwable t) {
          // As in invoke: only a user-defined direct subclass of Throwable gets here.
          throw new UndeclaredThrowableException(t);
        }
      } else {
        invoke(handles.processElement(), arguments);
      }
    }

    @Override
    public void invokeOnTimer(String timerId, ArgumentProvider<InputT, OutputT> arguments) throws Exception {
      MethodHandle handle = handles.onTimer().get(timerId);
      if (handle == null) {
        throw new IllegalArgumentException("DoFn " + fn.getClass().getName() + " has no @OnTimer method for timer '"
            + timerId + "'; its timers are " + new TreeSet<>(handles.onTimer().keySet()));
      }
      invoke(handle, arguments);
    }

    @Override
    public void invokeOnWindowExpiration(ArgumentProvider<InputT, OutputT> arguments) throws Exception {
      invoke(handles.onWindowExpiration(), arguments);
    }

    @Override
    public void invokeFinishBundle(ArgumentProvider<InputT, OutputT> arguments) throws Exception {
      invoke(handles.finishBundle(), arguments);
    }

    @Override
    public void invokeTeardown() throws Exception {
      invoke(handles.teardown(), null);
    }

    private void invoke(MethodHandle handle, ArgumentProvider<InputT, OutputT> arguments) throws Exception {
      if (handle == null) {
        return;
      }
      try {
        handle.invokeExact((DoFn<?, ?>) fn, (ArgumentProvider<?, ?>) arguments);
      } catch (Exception | Error e) {
        throw e;
      } catch (Throwable t) {
        // Only a user-defined direct subclass of Throwable gets here; keep it as the cause.
        throw new UndeclaredThrowableException(t);
      }
    }

    @Override
    public DoFn<InputT, OutputT> getFn() {
      return fn;
    }

    @Override
    public DoFnSignature getSignature() {
      return handles.signature();
    }
  }
}
