package dev.weir.sdk.options;

import dev.weir.sdk.PipelineRunner;
import java.util.List;

/**
 * The default of {@link PipelineOptions#getRunner()}: the runner named {@code DirectRunner}, if
 * a registered runner has that name.
 *
 * <p>Without one it throws {@link IllegalArgumentException} saying which dependency brings the
 * DirectRunner and, if other runners are on the classpath, how to choose one with {@code
 * --runner}. Runners are found as described in {@link
 * dev.weir.sdk.runners.PipelineRunnerRegistrar}.
 */
public final class DefaultRunnerFactory
    implements DefaultValueFactory<Class<? extends PipelineRunner<?>>> {

  private static final String DEFAULT_RUNNER = "DirectRunner";

  /** Used through {@link Default.InstanceFactory}. */
  public DefaultRunnerFactory() {}

  @Override
  public Class<? extends PipelineRunner<?>> create(PipelineOptions options) {
    List<Class<? extends PipelineRunner<?>>> registered = RunnerNames.registered();
    for (Class<? extends PipelineRunner<?>> runner : registered) {
      if (runner.getSimpleName().equals(DEFAULT_RUNNER)) {
        return runner;
      }
    }
    if (registered.isEmpty()) {
      throw new IllegalArgumentException(
          "No runner was chosen and no runner is on the classpath. Add the dependency "
              + RunnerNames.DIRECT_RUNNER_DEPENDENCY + " for the " + DEFAULT_RUNNER
              + " (the default), or another runner module and --runner=NAME.");
    }
    throw new IllegalArgumentException(
        "No runner was chosen and the default " + DEFAULT_RUNNER + " is not on the classpath. "
            + "Pass --runner=NAME with one of: " + RunnerNames.describe(registered)
            + "; or add the dependency " + RunnerNames.DIRECT_RUNNER_DEPENDENCY + ".");
  }
}
