package dev.weir.sdk.options;

import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.runners.PipelineRunnerRegistrar;
import java.util.List;

/** Registers {@link TestOnlyRecordingRunner} through META-INF/services, for runner-name tests. */
public final class TestOnlyRunnerRegistrar implements PipelineRunnerRegistrar {

  @Override
  public Iterable<Class<? extends PipelineRunner<?>>> getPipelineRunners() {
    return List.of(TestOnlyRecordingRunner.class);
  }
}
