package dev.weir.sdk.runners;

import dev.weir.sdk.PipelineRunner;

/**
 * A service, found by {@link java.util.ServiceLoader}, that makes runners selectable with {@code
 * --runner=Name}.
 *
 * <p>A runner module implements it and lists the implementation in {@code
 * META-INF/services/dev.weir.sdk.runners.PipelineRunnerRegistrar}; putting the module's jar on the
 * classpath is then all it takes to use the runner. Implementations need a public no-argument
 * constructor. Registrars are looked up each time a runner name is resolved, so the answer
 * follows the current thread's context class loader.
 */
public interface PipelineRunnerRegistrar {

  /**
   * The runner classes this module provides. Each has a public static {@code
   * fromOptions(PipelineOptions)} factory (see {@link PipelineRunner}).
   */
  Iterable<Class<? extends PipelineRunner<?>>> getPipelineRunners();
}
