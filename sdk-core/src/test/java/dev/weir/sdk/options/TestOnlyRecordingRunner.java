package dev.weir.sdk.options;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.PipelineRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A runner for tests of runner selection: it records the options it was made from and cannot
 * run pipelines. Registered by {@link TestOnlyRunnerRegistrar}; the unusual name keeps it from
 * matching a real runner's name on the classpath of modules that use sdk-core's test jar.
 */
public final class TestOnlyRecordingRunner extends PipelineRunner<PipelineResult> {

  /** The options of every runner made so far, in order. */
  static final List<PipelineOptions> CREATED_FROM = new CopyOnWriteArrayList<>();

  private TestOnlyRecordingRunner() {}

  /** The factory {@link PipelineRunner#fromOptions} calls. */
  public static TestOnlyRecordingRunner fromOptions(PipelineOptions options) {
    CREATED_FROM.add(options);
    return new TestOnlyRecordingRunner();
  }

  @Override
  public PipelineResult run(Pipeline pipeline) {
    throw new UnsupportedOperationException(
        "TestOnlyRecordingRunner only records how it was made; it does not run pipelines.");
  }
}
