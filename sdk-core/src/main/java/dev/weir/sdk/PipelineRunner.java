package dev.weir.sdk;

import com.google.common.base.Throwables;
import dev.weir.sdk.options.PipelineOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Executes a {@link Pipeline}: a runner decides when and where the pipeline's work happens,
 * never what it computes.
 *
 * <p>Every runner class has a public static {@code fromOptions(PipelineOptions)} factory and
 * is registered for {@code --runner} through a {@link dev.weir.sdk.runners.PipelineRunnerRegistrar}
 * found by {@link java.util.ServiceLoader}.
 *
 * @param <ResultT> the result type of a run
 */
public abstract class PipelineRunner<ResultT extends PipelineResult> {

  /** Makes the runner named by {@code options.getRunner()}, through its {@code fromOptions}. */
  public static PipelineRunner<? extends PipelineResult> fromOptions(PipelineOptions options) {
    Class<? extends PipelineRunner<?>> runnerClass = options.getRunner();
    Method factory;
    try {
      factory = runnerClass.getMethod("fromOptions", PipelineOptions.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          "Runner " + runnerClass.getName() + " has no public static fromOptions(PipelineOptions) method", e);
    }
    if (!Modifier.isStatic(factory.getModifiers())) {
      throw new IllegalArgumentException(
          "Runner " + runnerClass.getName() + ".fromOptions(PipelineOptions) must be static");
    }
    try {
      return (PipelineRunner<?>) factory.invoke(null, options);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("Runner " + runnerClass.getName() + ".fromOptions is not accessible", e);
    } catch (InvocationTargetException e) {
      Throwables.throwIfUnchecked(e.getCause());
      throw new IllegalStateException("Runner " + runnerClass.getName() + " failed to start", e.getCause());
    }
  }

  /** Runs {@code pipeline}, returning as soon as the runner has started it (possibly when done). */
  public abstract ResultT run(Pipeline pipeline);
}
