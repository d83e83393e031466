package dev.weir.runtime.dofn;

import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.DoFn;
import java.util.Objects;

/**
 * Calls the once-per-instance methods of a DoFn, {@code @Setup} and {@code @Teardown}, for the
 * runner that owns the instance's life: set up before handing it to a {@link SimpleDoFnRunner},
 * torn down (best effort) when discarding it.
 *
 * <p>Stateless and thread-safe; each call is for one instance on the caller's thread. What the
 * user method throws is rethrown as a {@link UserCodeException} naming the step.
 */
public final class DoFnLifecycle {
  private DoFnLifecycle() {}

  /** Calls {@code fn}'s {@code @Setup} method, if any, giving it {@code options}. */
  public static <InputT, OutputT> void setup(DoFn<InputT, OutputT> fn, PipelineOptions options, String stepName) {
    DoFnInvoker<InputT, OutputT> invoker = DoFnInvokers.invokerFor(fn);
    DoFnInvoker.ArgumentProvider<InputT, OutputT> arguments = new DoFnInvoker.BaseArgumentProvider<>() {
      @Override
      public PipelineOptions pipelineOptions() {
        return options;
      }

      @Override
      protected String describeContext() {
        return "@Setup of step '" + stepName + "'";
      }
    };
    try {
      invoker.invokeSetup(arguments);
    } catch (Throwable t) {
      throw wrap(stepName, t);
    }
  }

  /** Calls {@code fn}'s {@code @Teardown} method, if any. */
  public static void teardown(DoFn<?, ?> fn, String stepName) {
    try {
      DoFnInvokers.invokerFor(fn).invokeTeardown();
    } catch (Throwable t) {
      throw wrap(stepName, t);
    }
  }

  private static UserCodeException wrap(String stepName, Throwable t) {
    Objects.requireNonNull(stepName, "stepName");
    return t instanceof UserCodeException ? (UserCodeException) t : new UserCodeException(stepName, t);
  }
}
