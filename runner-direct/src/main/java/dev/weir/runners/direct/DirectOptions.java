package dev.weir.runners.direct;

import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.DefaultValueFactory;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;

/**
 * The options of the {@link DirectRunner}, registered for flag parsing and {@code --help} by
 * {@link DirectRegistrar.Options}.
 *
 * <p>The checks {@code --enforceImmutability} and {@code --enforceEncodability} are off by default
 * here, unlike Beam's DirectRunner, and on under {@code TestPipeline}; runner-direct/README.md
 * says why.
 *
 * <p>Each option's documentation is its {@link Description}, which {@code --help} prints: a getter
 * returns the flag's value, else the {@link Default} (unset options without one are null); setters
 * are for pipelines that set options in code. Values are shared by every {@link #as} view.
 */
public interface DirectOptions extends PipelineOptions {

  @Description("How many worker threads run bundles at once; sources are split into a few parts per"
      + " worker. Default: the number of available processors.")
  @Default.InstanceFactory(AvailableProcessorsFactory.class)
  int getTargetParallelism();

  void setTargetParallelism(int parallelism);

  @Description("Fail the run when user code mutates an input element, or an element after outputting"
      + " it (detected by comparing encodings). Off by default for speed; TestPipeline turns it on.")
  @Default.Boolean(false)
  boolean isEnforceImmutability();

  void setEnforceImmutability(boolean enforce);

  @Description("Fail the run when an element output by a Read or a ParDo does not survive a round"
      + " trip through its PCollection's coder. Off by default for speed; TestPipeline turns it on.")
  @Default.Boolean(false)
  boolean isEnforceEncodability();

  void setEnforceEncodability(boolean enforce);

  @Description("Whether run() waits for the pipeline to finish (and throws if it failed); with false,"
      + " the pipeline runs in the background and PipelineResult.waitUntilFinish() waits for it.")
  @Default.Boolean(true)
  boolean isBlockOnRun();

  void setBlockOnRun(boolean block);

  /** The default of {@code --targetParallelism}: the processors available to this JVM. */
  final class AvailableProcessorsFactory implements DefaultValueFactory<Integer> {
    /** Used through {@link Default.InstanceFactory}. */
    public AvailableProcessorsFactory() {}

    @Override
    public Integer create(PipelineOptions options) {
      return Runtime.getRuntime().availableProcessors();
    }
  }
}
