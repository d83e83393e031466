package dev.weir.runners.direct.streaming;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.weir.runners.direct.execution.ExecutionContext;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The watermark invariant, checked step by step on a source followed by two steps. */
class PipelineWatermarksTest {
  private final Map<Step, StepExecutor> executors = new LinkedHashMap<>();
  private final PipelineWatermarks watermarks;
  private final FakeStep source;
  private final FakeStep first;
  private final FakeStep second;

  PipelineWatermarksTest() {
    Pipeline p = Pipeline.create();
    PCollection<String> read = p.apply("Source", TestStream.create(StringUtf8Coder.of()).advanceWatermarkToInfinity());
    read.apply("First", ParDo.of(new Identity())).apply("Second", ParDo.of(new Identity()));
    PipelineGraph graph = PipelineGraph.of(p);
    for (Step step : graph.getSteps()) {
      executors.put(step, new FakeStep(step));
    }
    source = (FakeStep) executors.get(graph.getSteps().get(0));
    first = (FakeStep) executors.get(graph.getSteps().get(1));
    second = (FakeStep) executors.get(graph.getSteps().get(2));
    source.sourceWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
    watermarks = new PipelineWatermarks(graph, executors);
  }

  @Test
  void aSourcesWatermarkFlowsDownstreamInOnePass() {
    source.sourceWatermark = new Instant(10);

    assertThat(watermarks.refresh(), is(true));

    assertThat(second.inputWatermark(), equalTo(new Instant(10)));
    assertThat(second.outputWatermark(), equalTo(new Instant(10)));
  }

  @Test
  void pendingInputHoldsTheInputWatermarkAndEverythingDownstream() {
    first.addPending(new Instant(4));
    source.sourceWatermark = new Instant(10);
    watermarks.refresh();

    assertThat(first.inputWatermark(), equalTo(new Instant(4)));
    assertThat(second.inputWatermark(), equalTo(new Instant(4)));

    first.removePending(new Instant(4));
    watermarks.refresh();
    assertThat(second.outputWatermark(), equalTo(new Instant(10)));
  }

  @Test
  void theOutputWaitsForWhatTheStepActedOnAndForItsHold() {
    source.sourceWatermark = new Instant(10);
    first.acted = new Instant(3);
    watermarks.refresh();
    assertThat(first.inputWatermark(), equalTo(new Instant(10)));
    assertThat(first.outputWatermark(), equalTo(new Instant(3)));

    first.acted = null;
    first.hold = new Instant(7);
    watermarks.refresh();
    assertThat(first.outputWatermark(), equalTo(new Instant(7)));
    assertThat(second.outputWatermark(), equalTo(new Instant(7)));
  }

  @Test
  void lateInputDoesNotMoveAWatermarkBack() {
    source.sourceWatermark = new Instant(10);
    watermarks.refresh();

    first.addPending(new Instant(2));
    assertThat(watermarks.refresh(), is(false));

    assertThat(first.inputWatermark(), equalTo(new Instant(10)));
    assertThat(second.outputWatermark(), equalTo(new Instant(10)));
  }

  @Test
  void thePipelineIsAtTheEndOfTimeOnlyWhenEveryStepIs() {
    source.sourceWatermark = BoundedWindow.TIMESTAMP_MAX_VALUE;
    second.hold = new Instant(20);
    watermarks.refresh();
    assertThat(watermarks.allAtEndOfTime(), is(false));

    second.hold = BoundedWindow.TIMESTAMP_MAX_VALUE;
    watermarks.refresh();
    assertThat(watermarks.allAtEndOfTime(), is(true));
  }

  /** A step whose watermark inputs the test sets directly. */
  private static final class FakeStep extends StepExecutor {
    private Instant sourceWatermark;
    private Instant acted;
    private Instant hold = BoundedWindow.TIMESTAMP_MAX_VALUE;

    FakeStep(Step step) {
      super(step, new NoDriver());
    }

    @Override
    void dispatchReady() {}

    @Override
    Instant sourceWatermark() {
      return sourceWatermark;
    }

    @Override
    Instant actedInputWatermark() {
      return acted == null ? inputWatermark() : acted;
    }

    @Override
    Instant hold() {
      return hold;
    }
  }

  /** A driver the fake steps never call. */
  private static final class NoDriver implements Driver {
    @Override
    public void dispatch(StepExecutor executor, Work work) {
      throw new UnsupportedOperationException("not called by the code under test");
    }

    @Override
    public boolean isBacklogged() {
      return false;
    }

    @Override
    public void emit(PCollection<?> collection, Batch<?> batch) {
      throw new UnsupportedOperationException("not called by the code under test");
    }

    @Override
    public Instant processingTime() {
      throw new UnsupportedOperationException("not called by the code under test");
    }

    @Override
    public boolean isProcessingTimeManual() {
      return true;
    }

    @Override
    public void advanceProcessingTime(Duration amount) {
      throw new UnsupportedOperationException("not called by the code under test");
    }

    @Override
    public ExecutionContext context() {
      return null;
    }

    @Override
    public SideInputContainer sideInputs() {
      throw new UnsupportedOperationException("not called by the code under test");
    }
  }

  /** Passes elements through. */
  static final class Identity extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      out.output(element);
    }
  }
}
