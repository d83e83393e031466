package dev.weir.runners.direct;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.options.PipelineOptionsFactory;

/** Pipelines for tests, made from flags, on the direct runner. */
final class TestOptions {
  private TestOptions() {}

  /** Options parsed from {@code flags}, with the direct runner. */
  static DirectOptions options(String... flags) {
    DirectOptions options = PipelineOptionsFactory.fromArgs(flags).as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    return options;
  }

  /** A pipeline with options parsed from {@code flags}. */
  static Pipeline pipeline(String... flags) {
    return Pipeline.create(options(flags));
  }
}
