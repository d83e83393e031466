package dev.weir.runners.continuous;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.options.PipelineOptionsFactory;

/** Pipelines for tests, made from flags, on the continuous runner. */
final class TestOptions {
  private TestOptions() {}

  /** Options parsed from {@code flags}, with the continuous runner. */
  static ContinuousOptions options(String... flags) {
    ContinuousOptions options = PipelineOptionsFactory.fromArgs(flags).as(ContinuousOptions.class);
    options.setRunner(ContinuousRunner.class);
    return options;
  }

  /** A pipeline with options parsed from {@code flags}. */
  static Pipeline pipeline(String... flags) {
    return Pipeline.create(options(flags));
  }

  /**
   * Whether a thread of a continuous job is alive: a subtask or the checkpoint coordinator (the
   * driver thread that reports the result ends right after it).
   */
  static boolean jobThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().startsWith("weir-continuous-") && !t.getName().equals("weir-continuous-job"));
  }
}
