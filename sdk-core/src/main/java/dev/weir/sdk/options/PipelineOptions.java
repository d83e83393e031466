package dev.weir.sdk.options;

import dev.weir.sdk.PipelineRunner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The options every pipeline has; user option interfaces extend it with getter/setter pairs.
 *
 * <p>Instances are proxies made by {@link PipelineOptionsFactory}: a getter returns the value set
 * by its setter or flag, else its {@code @Default}. {@link #as} views the same values through
 * another option interface, so options set on one view are seen by every other. Proxies are
 * thread-safe and serializable; a runner may read them from any thread.
 */
public interface PipelineOptions {

  /** Views these options through another option interface; the values are shared. */
  <T extends PipelineOptions> T as(Class<T> kind);

  @Description(
      "The pipeline runner: a full class simple name (DirectRunner) or its short form (direct), "
          + "any case. Runners are found on the classpath.")
  @Default.InstanceFactory(DefaultRunnerFactory.class)
  Class<? extends PipelineRunner<?>> getRunner();

  void setRunner(Class<? extends PipelineRunner<?>> runner);

  @Description("A name for this run, used in logs and checkpoint fingerprints.")
  @Default.InstanceFactory(JobNameFactory.class)
  String getJobName();

  void setJobName(String jobName);

  @Description("Write the expanded pipeline graph to this file, in Graphviz DOT, before running.")
  String getDumpGraph();

  void setDumpGraph(String file);

  /**
   * A unique id of this options object, stable across {@link #as} views and kept when the options
   * are serialized; assigned from a JVM-wide counter when the object is created.
   */
  @Hidden
  @Default.InstanceFactory(AtomicLongFactory.class)
  long getOptionsId();

  void setOptionsId(long id);

  /** Hands out ids counting up from zero, JVM-wide; the default of {@link #getOptionsId()}. */
  final class AtomicLongFactory implements DefaultValueFactory<Long> {
    private static final AtomicLong NEXT_ID = new AtomicLong();

    /** Used through {@link Default.InstanceFactory}. */
    public AtomicLongFactory() {}

    @Override
    public Long create(PipelineOptions options) {
      return NEXT_ID.getAndIncrement();
    }
  }
}
