package dev.weir.sdk.options;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.runners.PipelineRunnerRegistrar;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultRunnerFactoryTest {

  @TempDir Path tempDir;

  /** Stands in for the real DirectRunner, which sdk-core cannot depend on; never registered. */
  public static final class DirectRunner extends PipelineRunner<PipelineResult> {
    @Override
    public PipelineResult run(Pipeline pipeline) {
      throw new UnsupportedOperationException("test runner");
    }
  }

  /** Lists the stand-in DirectRunner next to the test-only runner. */
  public static final class WithDirectRegistrar implements PipelineRunnerRegistrar {
    @Override
    public Iterable<Class<? extends PipelineRunner<?>>> getPipelineRunners() {
      return List.of(TestOnlyRecordingRunner.class, DirectRunner.class);
    }
  }

  private void withRegistrars(List<Class<?>> registrars, Runnable body) {
    new RegistrarClassLoader(tempDir, PipelineRunnerRegistrar.class, registrars).runAsContext(body);
  }

  @Test
  void defaultsToTheRunnerNamedDirectRunner() {
    withRegistrars(List.of(WithDirectRegistrar.class),
        () -> assertSame(DirectRunner.class, PipelineOptionsFactory.create().getRunner()));
  }

  @Test
  void withoutDirectRunnerListsTheRunnersThatAreThere() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptionsFactory.create().getRunner());
    assertThat(e.getMessage(), containsString(
        "No runner was chosen and the default DirectRunner is not on the classpath. Pass "
            + "--runner=NAME with one of: "));
    assertThat(e.getMessage(), containsString("TestOnlyRecordingRunner (testonlyrecording)"));
    assertThat(e.getMessage(),
        containsString("or add the dependency dev.weir:weir-runner-direct."));
  }

  @Test
  void withNoRunnerAtAllSaysWhichDependencyToAdd() {
    withRegistrars(List.of(), () -> {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PipelineOptionsFactory.create().getRunner());
      assertEquals(
          "No runner was chosen and no runner is on the classpath. Add the dependency "
              + "dev.weir:weir-runner-direct for the DirectRunner (the default), or another "
              + "runner module and --runner=NAME.",
          e.getMessage());
    });
  }

  @Test
  void anExplicitRunnerNeedsNoDefault() {
    withRegistrars(List.of(), () -> {
      PipelineOptions options = PipelineOptionsFactory.create();
      options.setRunner(TestOnlyRecordingRunner.class);
      assertSame(TestOnlyRecordingRunner.class, options.getRunner());
    });
  }
}
