package dev.weir.runners.continuous;

import static dev.weir.runners.continuous.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.transforms.Combine;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The records of a lifted {@code Combine.perKey} are combined per key and window by the subtask
 * that produces them, and only the accumulators travel to the grouping; where that could change a
 * pane (a trigger that counts elements) every record travels.
 */
class LocalAggregationTest {

  /** Values 1..n of keys "a" and "b" alternately, at 0..n-1 ms: the first half in window [0, 10 ms). */
  private static Create.TimestampedValues<KV<String, Integer>> numbers(int n) {
    List<TimestampedValue<KV<String, Integer>>> values = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      values.add(TimestampedValue.of(KV.of(i % 2 == 0 ? "a" : "b", i), new Instant(i - 1)));
    }
    return Create.timestamped(values);
  }

  @Test
  void shipsOneAccumulatorPerKeyAndWindowInsteadOfEachRecord() {
    // One source subtask and a buffer timeout longer than the run: everything meets before shipping.
    Pipeline p = pipeline("--parallelism=1", "--bufferTimeout=600000");
    PCollection<KV<String, Integer>> sums = p.apply("Numbers", numbers(20))
        .apply(Window.into(FixedWindows.of(Duration.millis(10))))
        .apply("Sum", Sum.integersPerKey());

    PAssert.that(sums).containsInAnyOrder(KV.of("a", 2 + 4 + 6 + 8 + 10), KV.of("b", 1 + 3 + 5 + 7 + 9),
        KV.of("a", 12 + 14 + 16 + 18 + 20), KV.of("b", 11 + 13 + 15 + 17 + 19));
    ContinuousPipelineResult result = (ContinuousPipelineResult) p.run();

    assertThat(result.progress().operator("Sum/GroupByKey").recordsIn(), is(4L));
  }

  @Test
  void shipsEveryRecordWhenTheTriggerCountsElements() {
    Pipeline p = pipeline("--parallelism=1", "--bufferTimeout=600000");
    PCollection<KV<String, Integer>> sums = p.apply("Numbers", numbers(4))
        .apply(Window.<KV<String, Integer>>configure()
            .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(2))).discardingFiredPanes())
        .apply("Sum", Sum.integersPerKey());

    // One pane of two per key, then the empty on-time panes of the global window.
    PAssert.that(sums).containsInAnyOrder(KV.of("a", 6), KV.of("b", 4), KV.of("a", 0), KV.of("b", 0));
    ContinuousPipelineResult result = (ContinuousPipelineResult) p.run();

    assertThat(result.progress().operator("Sum/GroupByKey").recordsIn(), is(4L));
  }

  /** Sums, but cannot take 13. */
  static final class NoThirteenFn extends Combine.BinaryCombineIntegerFn {
    private static final long serialVersionUID = 1L;

    @Override
    public int apply(int left, int right) {
      if (right == 13) {
        throw new IllegalArgumentException("cannot take 13");
      }
      return left + right;
    }

    @Override
    public int identity() {
      return 0;
    }
  }

  @Test
  void aFailureOfTheCombineFnWhileCombiningLocallyNamesTheGrouping() {
    Pipeline p = pipeline("--parallelism=1");
    p.apply("Numbers", numbers(20)).apply("Sum", Combine.perKey(new NoThirteenFn()));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(e.getMessage(), containsString("Transform 'Sum/GroupByKey' failed"));
    assertThat(e.getCause(), instanceOf(IllegalArgumentException.class));
    assertThat(e.getCause().getMessage(), is("cannot take 13"));
  }

  @Test
  void accumulatorsWaitForTheWatermarkOnlyWhenNothingElseCanFireAPane() {
    WindowingStrategy<Object, ?> fixed = WindowingStrategy.of(FixedWindows.of(Duration.millis(10)));

    assertThat(PartialCombiner.firesOnlyOnWatermark(fixed), is(true));
    assertThat(PartialCombiner.firesOnlyOnWatermark(fixed.withTrigger(AfterWatermark.pastEndOfWindow()
        .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(5))))), is(false));
    assertThat(PartialCombiner.firesOnlyOnWatermark(fixed.withAllowedLateness(Duration.millis(1))), is(false));
  }

  /** Latches that {@link CountDownOnPaneFn}s count down, by test. */
  private static final Map<String, CountDownLatch> PANES = new ConcurrentHashMap<>();

  /** Counts down its test's latch for each pane that holds a positive sum. */
  static final class CountDownOnPaneFn extends DoFn<KV<String, Integer>, Void> {
    private static final long serialVersionUID = 1L;
    private final String test;

    CountDownOnPaneFn(String test) {
      this.test = test;
    }

    @ProcessElement
    public void process(@Element KV<String, Integer> sum) {
      if (sum.getValue() > 0) {
        PANES.get(test).countDown();
      }
    }
  }

  @Test
  @Timeout(60)
  void shipsAccumulatorsAtTheBufferTimeoutWhenAProcessingTimeTriggerCanFireBeforeTheWatermark() throws Exception {
    // A source that never runs dry or moves its watermark, and no checkpoint during the test: only
    // the buffer timeout ships the accumulators, and only then can the early panes fire.
    String test = UUID.randomUUID().toString();
    PANES.put(test, new CountDownLatch(2));
    Pipeline p = pipeline("--parallelism=1", "--bufferTimeout=5", "--checkpointInterval=600000",
        "--blockOnRun=false");
    p.apply("Ones", Read.from(new EndlessOnesSource()))
        .apply(Window.<KV<String, Integer>>configure().triggering(Repeatedly.forever(
            AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(20)))).discardingFiredPanes())
        .apply("Sum", Sum.integersPerKey())
        .apply("Panes", ParDo.of(new CountDownOnPaneFn(test)));

    PipelineResult result = p.run();
    boolean fired = PANES.get(test).await(30, TimeUnit.SECONDS);
    result.cancel();
    result.waitUntilFinish();

    assertThat(fired, is(true));
  }
}
