package dev.weir.sdk.testing;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.metrics.MetricKey;
import dev.weir.sdk.metrics.MetricName;
import dev.weir.sdk.metrics.MetricQueryResults;
import dev.weir.sdk.metrics.MetricResult;
import dev.weir.sdk.metrics.MetricResults;
import dev.weir.sdk.metrics.MetricsFilter;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.runners.TransformHierarchy;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;

/**
 * A runner for tests of {@link TestPipeline} that executes nothing: a run ends as {@link
 * Options#getOutcome()} says, reporting what a real runner would for the pipeline's assertions.
 */
public final class ScriptedRunner extends PipelineRunner<PipelineResult> {
  private final Outcome outcome;

  private ScriptedRunner(Outcome outcome) {
    this.outcome = outcome;
  }

  /** The factory {@link PipelineRunner#fromOptions} calls. */
  public static ScriptedRunner fromOptions(PipelineOptions options) {
    return new ScriptedRunner(options.as(Options.class).getOutcome());
  }

  /** Options choosing this runner and how its runs end. */
  static Options options(Outcome outcome) {
    Options options = PipelineOptionsFactory.as(Options.class);
    options.setRunner(ScriptedRunner.class);
    options.setOutcome(outcome);
    return options;
  }

  /** How a run ends. */
  public enum Outcome {
    /** DONE, every assertion's check counted one success. */
    ALL_ASSERTIONS_SUCCEED,
    /** DONE, no assertion's check counted a success. */
    NO_ASSERTION_RUNS,
    /** DONE, and metrics are not supported. */
    NO_METRICS,
    /** FAILED: waiting throws a PipelineExecutionException caused by an AssertionError. */
    FAILS,
    /** CANCELLED. */
    CANCELLED
  }

  /** The option that scripts the run. */
  public interface Options extends PipelineOptions {
    @Default.Enum("ALL_ASSERTIONS_SUCCEED")
    Outcome getOutcome();

    void setOutcome(Outcome outcome);
  }

  @Override
  public PipelineResult run(Pipeline pipeline) {
    return new ScriptedResult(outcome, successCounters(pipeline));
  }

  private List<MetricResult<Long>> successCounters(Pipeline pipeline) {
    List<MetricResult<Long>> counters = new ArrayList<>();
    pipeline.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {
        if (node.getFullName().matches("PAssert\\$\\d+/Check/.*")) {
          long successes = outcome == Outcome.ALL_ASSERTIONS_SUCCEED ? 1 : 0;
          MetricKey key = MetricKey.create(node.getFullName(), MetricName.named(PAssert.class, PAssert.SUCCESS_COUNTER));
          counters.add(MetricResult.create(key, successes, successes));
        }
      }
    });
    return counters;
  }

  private static final class ScriptedResult implements PipelineResult {
    private final Outcome outcome;
    private final List<MetricResult<Long>> counters;

    ScriptedResult(Outcome outcome, List<MetricResult<Long>> counters) {
      this.outcome = outcome;
      this.counters = counters;
    }

    @Override
    public State getState() {
      return switch (outcome) {
        case FAILS -> State.FAILED;
        case CANCELLED -> State.CANCELLED;
        default -> State.DONE;
      };
    }

    @Override
    public State cancel() {
      return getState();
    }

    @Override
    public State waitUntilFinish(Duration duration) {
      return waitUntilFinish();
    }

    @Override
    public State waitUntilFinish() {
      if (outcome == Outcome.FAILS) {
        throw new Pipeline.PipelineExecutionException(
            "Exception in transform 'PAssert$0/Check'", new AssertionError("scripted failure"));
      }
      return getState();
    }

    @Override
    public MetricResults metrics() {
      if (outcome == Outcome.NO_METRICS) {
        throw new UnsupportedOperationException("ScriptedRunner was told not to report metrics");
      }
      return new MetricResults() {
        @Override
        public MetricQueryResults queryMetrics(MetricsFilter filter) {
          List<MetricResult<Long>> matching =
              counters.stream().filter(c -> filter == null || filter.matches(c.getKey())).toList();
          return MetricQueryResults.create(matching, List.of(), List.of());
        }
      };
    }
  }
}
