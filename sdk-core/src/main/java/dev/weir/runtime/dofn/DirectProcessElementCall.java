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
import java.util.List;

/**
 * A call of a DoFn's {@code @ProcessElement} method compiled to an ordinary interface call, for
 * the shapes most DoFns have: {@code (element, OutputReceiver)}, {@code (ProcessContext)} and
 * {@code (element)}. A method handle that is not a constant cannot be inlined by the JIT and is
 * checked on every call; the class {@link LambdaMetafactory} generates for the method can, which
 * matters on the per-element path of every ParDo.
 *
 * <p>{@link #of} returns null for any other shape, and wherever the JVM does not let it generate
 * the call (a method of a class it cannot look into privately); callers then keep the method
 * handle. Instances are stateless and thread-safe.
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
    } catch (ReflectiveOperationException | RuntimeException | LinkageError | InternalError e) {
      // The method handle path works for every method; this one is only faster.
      return null;
    }
    return null;
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
