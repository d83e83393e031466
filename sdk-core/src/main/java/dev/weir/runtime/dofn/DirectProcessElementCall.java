package dev.weir.runtime.dofn;

import dev.weir.runtime.dofn.DoFnInvoker.ArgumentProvider;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.reflect.DoFnSignature.DoFnMethod;
import dev.weir.sdk.transforms.reflect.DoFnSignature.Parameter;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;

/**
 * A call of a DoFn's {@code @ProcessElement} method compiled to an ordinary interface call. A
 * method handle that is not a constant cannot be inlined by the JIT and is checked on every call;
 * the class {@link LambdaMetafactory} generates for the method can, which matters on the
 * per-element path of every ParDo. The shapes most DoFns have, {@code (element, OutputReceiver)},
 * {@code (ProcessContext)} and {@code (element)}, pass their arguments directly; any other method of
 * at most {@value #MAX_GENERAL_ARITY} parameters of the kinds a stateless DoFn takes (element,
 * timestamp, window, pane, options, receivers, context, side inputs) takes each argument from the
 * provider by its kind.
 *
 * <p>{@link #of} returns null for any other method (state, timers, a primitive parameter, more
 * parameters), and wherever the JVM does not let it generate the call (a method of a class it cannot
 * look into privately); callers then keep the method handle. Instances are stateless and
 * thread-safe.
 */
abstract class DirectProcessElementCall {
  // Public: the class generated for a DoFn lives in the DoFn's package and implements these.

  /** {@code (element, OutputReceiver)}. */
  @FunctionalInterface
  public interface ElementAndReceiver {
    void call(DoFn<?, ?> fn, Object element, DoFn.OutputReceiver<?> receiver) throws Exception;
  }

  /** {@code (ProcessContext)}. */
  @FunctionalInterface
  public interface Context {
    void call(DoFn<?, ?> fn, DoFn<?, ?>.ProcessContext context) throws Exception;
  }

  /** {@code (element)}. */
  @FunctionalInterface
  public interface ElementOnly {
    void call(DoFn<?, ?> fn, Object element) throws Exception;
  }

  /** One parameter, of a general shape. */
  @FunctionalInterface
  public interface OneArgument {
    void call(DoFn<?, ?> fn, Object a) throws Exception;
  }

  /** Two parameters, of a general shape. */
  @FunctionalInterface
  public interface TwoArguments {
    void call(DoFn<?, ?> fn, Object a, Object b) throws Exception;
  }

  /** Three parameters, of a general shape. */
  @FunctionalInterface
  public interface ThreeArguments {
    void call(DoFn<?, ?> fn, Object a, Object b, Object c) throws Exception;
  }

  /** Four parameters, of a general shape. */
  @FunctionalInterface
  public interface FourArguments {
    void call(DoFn<?, ?> fn, Object a, Object b, Object c, Object d) throws Exception;
  }

  /** The most parameters a method of a general shape may have. */
  static final int MAX_GENERAL_ARITY = 4;

  /** Calls the method of {@code fn} with what it takes from {@code arguments}. */
  abstract void call(DoFn<?, ?> fn, ArgumentProvider<?, ?> arguments) throws Exception;

  /** The direct call of {@code method}, or null if its shape or class does not allow one. */
  static DirectProcessElementCall of(DoFnMethod method) {
    Method target = method.targetMethod();
    if (target.getReturnType() != void.class) {
      return null;
    }
    for (Class<?> parameter : target.getParameterTypes()) {
      if (parameter.isPrimitive()) {
        return null;
      }
    }
    List<Parameter.Kind> kinds = method.extraParameters().stream().map(Parameter::kind).toList();
    try {
      if (kinds.equals(List.of(Parameter.Kind.ELEMENT, Parameter.Kind.OUTPUT_RECEIVER))) {
        ElementAndReceiver call = generate(target, ElementAndReceiver.class,
            MethodType.methodType(void.class, DoFn.class, Object.class, DoFn.OutputReceiver.class));
        return new DirectProcessElementCall() {
          @Override
          void call(DoFn<?, ?> fn, ArgumentProvider<?, ?> arguments) throws Exception {
            call.call(fn, arguments.element(), arguments.outputReceiver());
          }
        };
      }
      if (kinds.equals(List.of(Parameter.Kind.PROCESS_CONTEXT))) {
        Context call = generate(target, Context.class,
            MethodType.methodType(void.class, DoFn.class, DoFn.ProcessContext.class));
        return new DirectProcessElementCall() {
          @Override
          void call(DoFn<?, ?> fn, ArgumentProvider<?, ?> arguments) throws Exception {
            call.call(fn, arguments.processContext());
          }
        };
      }
      if (kinds.equals(List.of(Parameter.Kind.ELEMENT))) {
        ElementOnly call = generate(target, ElementOnly.class, MethodType.methodType(void.class, DoFn.class, Object.class));
        return new DirectProcessElementCall() {
          @Override
          void call(DoFn<?, ?> fn, ArgumentProvider<?, ?> arguments) throws Exception {
            call.call(fn, arguments.element());
          }
        };
      }
      if (kinds.size() <= MAX_GENERAL_ARITY && kinds.stream().allMatch(DirectProcessElementCall::isSupplied)) {
        return general(target, method.extraParameters());
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError | InternalError e) {
      // The method handle path works for every method; this one is only faster.
      return null;
    }
    return null;
  }

  /** Whether a general shape can take a parameter of {@code kind}: one the provider gives by kind alone, or a side input. */
  private static boolean isSupplied(Parameter.Kind kind) {
    return switch (kind) {
      case ELEMENT, TIMESTAMP, WINDOW, PANE_INFO, PIPELINE_OPTIONS, OUTPUT_RECEIVER, MULTI_OUTPUT_RECEIVER,
          PROCESS_CONTEXT, SIDE_INPUT -> true;
      default -> false;
    };
  }

  private static DirectProcessElementCall general(Method target, List<Parameter> parameters)
      throws ReflectiveOperationException {
    switch (parameters.size()) {
      case 1: {
        OneArgument call = generate(target, OneArgument.class, erased(1));
        Parameter a = parameters.get(0);
        return new DirectProcessElementCall() {
          @Override
          void call(DoFn<?, ?> fn, ArgumentProvider<?, ?> arguments) throws Exception {
            call.call(fn, argument(a, arguments));
          }
        };
      }
      case 2: {
        TwoArguments call = generate(target, TwoArguments.class, erased(2));
        Parameter a = parameters.get(0);
        Parameter b = parameters.get(1);
        return new DirectProcessElementCall() {
          @Override
          void call(DoFn<?, ?> fn, ArgumentProvider<?, ?> arguments) throws Exception {
            call.call(fn, argument(a, arguments), argument(b, arguments));
          }
        };
      }
      case 3: {
        ThreeArguments call = generate(target, ThreeArguments.class, erased(3));
        Parameter a = parameters.get(0);
        Parameter b = parameters.get(1);
        Parameter c = parameters.get(2);
        return new DirectProcessElementCall() {
          @Override
          void call(DoFn<?, ?> fn, ArgumentProvider<?, ?> arguments) throws Exception {
            call.call(fn, argument(a, arguments), argument(b, arguments), argument(c, arguments));
          }
        };
      }
      case 4: {
        FourArguments call = generate(target, FourArguments.class, erased(4));
        Parameter a = parameters.get(0);
        Parameter b = parameters.get(1);
        Parameter c = parameters.get(2);
        Parameter d = parameters.get(3);
        return new DirectProcessElementCall() {
          @Override
          void call(DoFn<?, ?> fn, ArgumentProvider<?, ?> arguments) throws Exception {
            call.call(fn, argument(a, arguments), argument(b, arguments), argument(c, arguments),
                argument(d, arguments));
          }
        };
      }
      default:
        // No parameter at all: the method handle's path, as rare as it is cheap.
        return null;
    }
  }

  /** {@code (DoFn, Object...)void} with {@code arity} objects: the erased type of a general shape's call. */
  private static MethodType erased(int arity) {
    return MethodType.methodType(void.class, DoFn.class).appendParameterTypes(Collections.nCopies(arity, Object.class));
  }

  /** The argument of {@code parameter}, one of the kinds {@link #isSupplied} accepts. */
  private static Object argument(Parameter parameter, ArgumentProvider<?, ?> arguments) {
    return switch (parameter.kind()) {
      case ELEMENT -> arguments.element();
      case TIMESTAMP -> arguments.timestamp();
      case WINDOW -> arguments.window();
      case PANE_INFO -> arguments.paneInfo();
      case PIPELINE_OPTIONS -> arguments.pipelineOptions();
      case OUTPUT_RECEIVER -> arguments.outputReceiver();
      case MULTI_OUTPUT_RECEIVER -> arguments.multiOutputReceiver();
      case PROCESS_CONTEXT -> arguments.processContext();
      case SIDE_INPUT -> arguments.sideInput(parameter.id());
      default -> throw new IllegalStateException("No argument of kind " + parameter.kind() + " in a direct call");
    };
  }

  private static <I> I generate(Method target, Class<I> callInterface, MethodType erased) throws ReflectiveOperationException {
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(target.getDeclaringClass(), MethodHandles.lookup());
    MethodHandle implementation = lookup.unreflect(target);
    try {
      return callInterface.cast(LambdaMetafactory.metafactory(lookup, "call", MethodType.methodType(callInterface),
          erased, implementation, implementation.type()).getTarget().invoke());
    } catch (ReflectiveOperationException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
