package dev.weir.runners.direct;

import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsRegistrar;
import dev.weir.sdk.runners.PipelineRunnerRegistrar;
import java.util.List;

/**
 * The services that make the direct runner available once its jar is on the classpath: {@code
 * --runner=direct} (or {@code DirectRunner}) and the flags of {@link DirectOptions}. Both are
 * listed in this module's {@code META-INF/services}.
 */
public final class DirectRegistrar {
  private DirectRegistrar() {}

  /** Registers {@link DirectRunner} for {@code --runner}. */
  public static final class Runner implements PipelineRunnerRegistrar {
    /** Used by {@link java.util.ServiceLoader}. */
    public Runner() {}

    @Override
    public Iterable<Class<? extends PipelineRunner<?>>> getPipelineRunners() {
      return List.of(DirectRunner.class);
    }
  }

  /** Registers {@link DirectOptions} for flag parsing and {@code --help}. */
  public static final class Options implements PipelineOptionsRegistrar {
    /** Used by {@link java.util.ServiceLoader}. */
    public Options() {}

    @Override
    public Iterable<Class<? extends PipelineOptions>> getPipelineOptions() {
      return List.of(DirectOptions.class);
    }
  }
}
