package dev.weir.runners.continuous;

import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsRegistrar;
import dev.weir.sdk.runners.PipelineRunnerRegistrar;
import java.util.List;

/**
 * The services that make the continuous runner available once its jar is on the classpath: {@code
 * --runner=continuous} (or {@code ContinuousRunner}) and the flags of {@link ContinuousOptions}. Both are
 * listed in this module's {@code META-INF/services}.
 */
public final class ContinuousRegistrar {
  private ContinuousRegistrar() {}

  /** Registers {@link ContinuousRunner} for {@code --runner}. */
  public static final class Runner implements PipelineRunnerRegistrar {
    /** Used by {@link java.util.ServiceLoader}. */
    public Runner() {}

    @Override
    public Iterable<Class<? extends PipelineRunner<?>>> getPipelineRunners() {
      return List.of(ContinuousRunner.class);
    }
  }

  /** Registers {@link ContinuousOptions} for flag parsing and {@code --help}. */
  public static final class Options implements PipelineOptionsRegistrar {
    /** Used by {@link java.util.ServiceLoader}. */
    public Options() {}

    @Override
    public Iterable<Class<? extends PipelineOptions>> getPipelineOptions() {
      return List.of(ContinuousOptions.class);
    }
  }
}
