package dev.weir.sdk.options;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.runners.PipelineRunnerRegistrar;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerNamesTest {

  @TempDir Path tempDir;

  /** A runner no registrar lists; reachable only by its class name. */
  public static final class UnregisteredRunner extends PipelineRunner<PipelineResult> {
    @Override
    public PipelineResult run(Pipeline pipeline) {
      throw new UnsupportedOperationException("test runner");
    }
  }

  /** Another runner whose simple name equals the test-only one's, to make names ambiguous. */
  public static final class TestOnlyRecordingRunner extends PipelineRunner<PipelineResult> {
    @Override
    public PipelineResult run(Pipeline pipeline) {
      throw new UnsupportedOperationException("test runner");
    }
  }

  /** Lists both runners called TestOnlyRecordingRunner. */
  public static final class AmbiguousRegistrar implements PipelineRunnerRegistrar {
    @Override
    public Iterable<Class<? extends PipelineRunner<?>>> getPipelineRunners() {
      return List.of(
          dev.weir.sdk.options.TestOnlyRecordingRunner.class, TestOnlyRecordingRunner.class);
    }
  }

  private static Class<?> runnerOf(String name) {
    return PipelineOptionsFactory.fromArgs("--runner=" + name).create().getRunner();
  }

  @Test
  void resolvesTheSimpleClassName() {
    assertSame(dev.weir.sdk.options.TestOnlyRecordingRunner.class,
        runnerOf("TestOnlyRecordingRunner"));
  }

  @Test
  void resolvesTheShortNameWithoutRunnerSuffixInAnyCase() {
    assertSame(dev.weir.sdk.options.TestOnlyRecordingRunner.class, runnerOf("testonlyrecording"));
    assertSame(dev.weir.sdk.options.TestOnlyRecordingRunner.class, runnerOf("TestOnlyRecording"));
    assertSame(dev.weir.sdk.options.TestOnlyRecordingRunner.class,
        runnerOf("TESTONLYRECORDINGRUNNER"));
  }

  @Test
  void resolvesAFullyQualifiedNameEvenOfAnUnregisteredRunner() {
    assertSame(dev.weir.sdk.options.TestOnlyRecordingRunner.class,
        runnerOf(dev.weir.sdk.options.TestOnlyRecordingRunner.class.getName()));
    assertSame(UnregisteredRunner.class, runnerOf(UnregisteredRunner.class.getName()));
  }

  @Test
  void anUnknownNameListsTheRunnersAndSuggestsTheClosest() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> runnerOf("testonlyrecordin"));
    assertThat(e.getMessage(), containsString(
        "Unknown runner 'testonlyrecordin'. Runners on the classpath: "));
    assertThat(e.getMessage(), containsString("TestOnlyRecordingRunner (testonlyrecording)"));
    assertTrue(e.getMessage().endsWith(" Did you mean TestOnlyRecordingRunner?"), e.getMessage());
  }

  @Test
  void anUnknownNameWithNoRunnerOnTheClasspathSaysWhichDependencyToAdd() {
    new RegistrarClassLoader(tempDir, PipelineRunnerRegistrar.class, List.of()).runAsContext(() -> {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> runnerOf("direct"));
      assertEquals(
          "Unknown runner 'direct'. No runner is on the classpath: add a runner module, such as "
              + "the dependency dev.weir:weir-runner-direct.",
          e.getMessage());
    });
  }

  @Test
  void aNameMatchingTwoRunnersAsksForTheQualifiedName() {
    List<Class<?>> registrars = List.of(AmbiguousRegistrar.class);
    new RegistrarClassLoader(tempDir, PipelineRunnerRegistrar.class, registrars)
        .runAsContext(() -> {
          IllegalArgumentException e = assertThrows(
              IllegalArgumentException.class, () -> runnerOf("testonlyrecording"));
          assertThat(e.getMessage(), containsString(
              "Runner name 'testonlyrecording' is ambiguous: it matches "));
          assertThat(e.getMessage(), containsString("Pass the fully qualified class name"));
        });
  }

  @Test
  void aQualifiedNameOfANonRunnerClassIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> runnerOf("java.lang.String"));
    assertEquals(
        "Class java.lang.String given as --runner is not a dev.weir.sdk.PipelineRunner; pass a "
            + "runner name such as --runner=direct.",
        e.getMessage());
  }

  @Test
  void pipelineRunnerFromOptionsMakesTheChosenRunnerFromTheseOptions() {
    PipelineOptions options =
        PipelineOptionsFactory.fromArgs("--runner=testonlyrecording").create();
    PipelineRunner<?> runner = PipelineRunner.fromOptions(options);
    assertSame(dev.weir.sdk.options.TestOnlyRecordingRunner.class, runner.getClass());
    assertSame(options, dev.weir.sdk.options.TestOnlyRecordingRunner.CREATED_FROM.get(
        dev.weir.sdk.options.TestOnlyRecordingRunner.CREATED_FROM.size() - 1));
  }
}
