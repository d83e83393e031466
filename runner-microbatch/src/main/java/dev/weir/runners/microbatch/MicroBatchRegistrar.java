package dev.weir.runners.microbatch;

import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsRegistrar;
import dev.weir.sdk.runners.PipelineRunnerRegistrar;
import java.util.List;

/**
 * The services that make the micro-batch runner available once its jar is on the classpath:
 * {@code --runner=microbatch} (or {@code MicroBatchRunner}) and the flags of
 * {@link MicroBatchOptions}. Both are listed in this module's {@code META-INF/services}.
 */
public final class MicroBatchRegistrar {
  private MicroBatchRegistrar() {}

  /** Registers {@link MicroBatchRunner} for {@code --runner}. */
  public static final class Runner implements PipelineRunnerRegistrar {
    /** Used by {@link java.util.ServiceLoader}. */
    public Runner() {}

    @Override
    public Iterable<Class<? extends PipelineRunner<?>>> getPipelineRunners() {
      return List.of(MicroBatchRunner.class);
    }
  }

  /** Registers {@link MicroBatchOptions} for flag parsing and {@code --help}. */
  public static final class Options implements PipelineOptionsRegistrar {
    /** Used by {@link java.util.ServiceLoader}. */
    public Options() {}

    @Override
    public Iterable<Class<? extends PipelineOptions>> getPipelineOptions() {
      return List.of(MicroBatchOptions.class);
    }
  }
}
