package dev.weir.runners.direct;

import static dev.weir.runners.direct.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.weir.runtime.testing.ListSource;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.metrics.Metrics;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DirectPipelineResultTest {
  private static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();
  private static final Map<String, CountDownLatch> TORN_DOWN = new ConcurrentHashMap<>();
  private static final Map<String, CountDownLatch> PROCESSING = new ConcurrentHashMap<>();

  /** Counts each element, says it is processing, then waits until the test opens the gate. */
  static final class GatedFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    GatedFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element String element) throws InterruptedException {
      Metrics.counter("gated", "seen").inc();
      PROCESSING.get(runId).countDown();
      GATES.get(runId).await();
    }

    @Teardown
    public void teardown() {
      TORN_DOWN.get(runId).countDown();
    }
  }

  private final String runId = UUID.randomUUID().toString();

  private PipelineResult startGated() {
    GATES.put(runId, new CountDownLatch(1));
    TORN_DOWN.put(runId, new CountDownLatch(1));
    PROCESSING.put(runId, new CountDownLatch(1));
    Pipeline p = pipeline("--blockOnRun=false", "--targetParallelism=1");
    p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), List.of("a"))))
        .apply("Gated", ParDo.of(new GatedFn(runId)));
    return p.run();
  }

  @Test
  @Timeout(60)
  void runsInTheBackgroundWithoutBlockOnRun() {
    PipelineResult result = startGated();

    assertThat(result.getState(), is(PipelineResult.State.RUNNING));
    GATES.get(runId).countDown();
    assertThat(result.waitUntilFinish(), is(PipelineResult.State.DONE));
    assertThat(result.getState(), is(PipelineResult.State.DONE));
  }

  @Test
  @Timeout(60)
  void waitUntilFinishReturnsNullWhenTheTimeRunsOut() {
    PipelineResult result = startGated();

    PipelineResult.State state = result.waitUntilFinish(Duration.millis(20));

    assertThat(state, nullValue());
    GATES.get(runId).countDown();
    assertThat(result.waitUntilFinish(Duration.standardSeconds(30)), is(PipelineResult.State.DONE));
  }

  @Test
  @Timeout(60)
  void cancelStopsTheRunAndTearsDownItsDoFns() throws InterruptedException {
    PipelineResult result = startGated();
    PROCESSING.get(runId).await();

    assertThat(result.cancel(), is(PipelineResult.State.CANCELLED));

    assertThat(result.waitUntilFinish(), is(PipelineResult.State.CANCELLED));
    TORN_DOWN.get(runId).await();
  }

  @Test
  @Timeout(60)
  void cancelAfterTheEndKeepsTheTerminalState() {
    PipelineResult result = startGated();
    GATES.get(runId).countDown();
    result.waitUntilFinish();

    assertThat(result.cancel(), is(PipelineResult.State.DONE));
  }

  @Test
  @Timeout(60)
  void metricsAreReadableWhileRunning() throws InterruptedException {
    PipelineResult result = startGated();
    PROCESSING.get(runId).await();

    long seen = result.metrics().allMetrics().counters().get(0).getAttempted();

    assertThat(seen, is(1L));
    assertThat(result.getState(), is(PipelineResult.State.RUNNING));
    GATES.get(runId).countDown();
    result.waitUntilFinish();
  }
}
