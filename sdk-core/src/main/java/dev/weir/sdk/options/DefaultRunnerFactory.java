package dev.weir.sdk.options;

import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.runners.PipelineRunnerRegistrar;
import java.util.ServiceLoader;

/** INTERIM (replaced by the options branch): the DirectRunner found on the classpath. */
public final class DefaultRunnerFactory implements DefaultValueFactory<Class<? extends PipelineRunner<?>>> {
  @Override
  public Class<? extends PipelineRunner<?>> create(PipelineOptions options) {
    for (PipelineRunnerRegistrar r : ServiceLoader.load(PipelineRunnerRegistrar.class)) {
      for (Class<? extends PipelineRunner<?>> c : r.getPipelineRunners()) {
        if (c.getSimpleName().equals("DirectRunner")) {
          return c;
        }
      }
    }
    throw new IllegalStateException("No DirectRunner on the classpath: add dev.weir:weir-runner-direct");
  }
}
