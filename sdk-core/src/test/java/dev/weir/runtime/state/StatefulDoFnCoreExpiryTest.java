package dev.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.metrics.MetricName;
import dev.weir.sdk.metrics.MetricsEnvironment;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.state.Timer;
import dev.weir.sdk.state.TimerSpec;
import dev.weir.sdk.state.TimerSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Windows expire at their end plus the allowed lateness: @OnWindowExpiration, then state and timers go. */
class StatefulDoFnCoreExpiryTest {
  private static final KvCoder<String, Long> INPUT = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  private static final WindowingStrategy<?, ?> FIXED_10_LATENESS_5 =
      WindowingStrategy.of(FixedWindows.of(Duration.millis(10))).withAllowedLateness(Duration.millis(5));
  private static final IntervalWindow FIRST = new IntervalWindow(new Instant(0), new Instant(10));
  private static final MetricName DROPPED = MetricName.named(StatefulDoFnCore.class, "StatefulParDoDropped");

  private static Instant t(long millis) {
    return new Instant(millis);
  }

  /** Counts per key and window, pokes itself in processing time, and reports the count on expiry. */
  static class CountUntilExpiry extends DoFn<KV<String, Long>, String> {
    @StateId("count")
    private final StateSpec<ValueState<Long>> count = StateSpecs.value();

    @TimerId("poke")
    private final TimerSpec poke = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    @ProcessElement
    public void process(@Element KV<String, Long> element, @StateId("count") ValueState<Long> count,
        @TimerId("poke") Timer poke, OutputReceiver<String> out) {
      long next = (count.read() == null ? 0 : count.read()) + 1;
      count.write(next);
      poke.offset(Duration.millis(1)).setRelative();
      out.output(element.getKey() + " counted " + next);
    }

    @OnTimer("poke")
    public void onPoke(@Key String key, OutputReceiver<String> out) {
      out.output(key + " poked");
    }

    @OnWindowExpiration
    public void expire(@Key String key, BoundedWindow window, @Timestamp Instant timestamp,
        @StateId("count") ValueState<Long> count, OutputReceiver<String> out) {
      out.output(key + " expired with " + count.read() + " at " + timestamp.getMillis());
    }
  }

  private StatefulDoFnCoreTester<String, Long, String> counting() {
    return StatefulDoFnCoreTester.of(new CountUntilExpiry(), INPUT, FIXED_10_LATENESS_5);
  }

  @Test
  void expiryCallsOnWindowExpirationAtTheWindowsMaxTimestampThenDropsStateAndTimers() {
    StatefulDoFnCoreTester<String, Long, String> tester = counting();
    tester.processElement("a", 0L, t(1), FIRST);
    tester.processElement("a", 0L, t(2), FIRST);
    tester.processElement("b", 0L, t(3), FIRST);
    tester.takeOutputs();
    tester.advanceInputWatermark(t(15));
    assertEquals(List.of(), tester.takeOutputs());
    tester.advanceInputWatermark(t(16));
    assertEquals(List.of(
        WindowedValue.of("a expired with 2 at 9", t(9), FIRST, PaneInfo.NO_FIRING),
        WindowedValue.of("b expired with 1 at 9", t(9), FIRST, PaneInfo.NO_FIRING)), tester.takeOutputs());
    assertTrue(tester.core().stateTable().isEmpty());
    assertEquals(0, tester.core().pendingTimers().size());
    tester.advanceProcessingTime(t(1_000));
    assertEquals(List.of(), tester.takeOutputs());
  }

  @Test
  void anElementIsProcessedAtTheGarbageCollectionTimeAndDroppedAndCountedOneMillisecondLater() {
    StatefulDoFnCoreTester<String, Long, String> tester = counting();
    CountingMetricsContainer metrics = new CountingMetricsContainer();
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(metrics)) {
      tester.advanceInputWatermark(t(14));
      tester.processElement("a", 0L, t(1), FIRST);
      assertEquals(List.of("a counted 1"), tester.takeOutputValues());
      tester.advanceInputWatermark(t(15));
      tester.processElement("a", 0L, t(2), FIRST);
      assertEquals(List.of(), tester.takeOutputValues());
    }
    assertEquals(1, metrics.count(DROPPED));
  }

  @Test
  void processingTimeTimersOfAnExpiredWindowDoNotFire() {
    StatefulDoFnCoreTester<String, Long, String> tester = counting();
    tester.processElement("a", 0L, t(1), FIRST);
    tester.takeOutputs();
    tester.advanceInputWatermark(t(15));
    tester.advanceProcessingTime(t(1_000));
    assertEquals(List.of(), tester.takeOutputValues());
    tester.advanceInputWatermark(t(16));
    assertEquals(List.of("a expired with 1 at 9"), tester.takeOutputValues());
  }

  @Test
  void processingTimeTimersOfALiveWindowFire() {
    StatefulDoFnCoreTester<String, Long, String> tester = counting();
    tester.processElement("a", 0L, t(1), FIRST);
    tester.takeOutputs();
    tester.advanceInputWatermark(t(14));
    tester.advanceProcessingTime(t(1_000));
    assertEquals(List.of("a poked"), tester.takeOutputValues());
  }

  @Test
  void stateOfTheGlobalWindowExpiresOnlyAtTheEndOfTime() {
    StatefulDoFnCoreTester<String, Long, String> tester =
        StatefulDoFnCoreTester.of(new CountUntilExpiry(), INPUT, WindowingStrategy.globalDefault());
    tester.processElement("a", 0L, t(1), GlobalWindow.INSTANCE);
    tester.takeOutputs();
    Instant end = GlobalWindow.INSTANCE.maxTimestamp();
    tester.advanceInputWatermark(end.plus(1));
    assertEquals(List.of(), tester.takeOutputValues());
    assertEquals(end, tester.core().getOutputWatermarkHold());
    tester.advanceInputWatermark(BoundedWindow.TIMESTAMP_MAX_VALUE);
    assertEquals(List.of("a expired with 1 at " + end.getMillis()), tester.takeOutputValues());
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, tester.core().getOutputWatermarkHold());
  }

  /** Has an event-time timer at the window's end and reacts to expiry. */
  static class TimerThenExpiry extends DoFn<KV<String, Long>, String> {
    @TimerId("end")
    private final TimerSpec end = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(BoundedWindow window, @TimerId("end") Timer end) {
      end.set(window.maxTimestamp());
    }

    @OnTimer("end")
    public void onEnd(OutputReceiver<String> out) {
      out.output("end");
    }

    @OnWindowExpiration
    public void expire(OutputReceiver<String> out) {
      out.output("expired");
    }
  }

  @Test
  void expiryComesAfterTimersAtTheWindowsEndEvenInOneAdvance() {
    StatefulDoFnCoreTester<String, Long, String> tester = StatefulDoFnCoreTester.of(new TimerThenExpiry(), INPUT,
        WindowingStrategy.of(FixedWindows.of(Duration.millis(10))));
    tester.processElement("a", 0L, t(1), FIRST);
    tester.advanceInputWatermark(t(100));
    assertEquals(List.of("end", "expired"), tester.takeOutputValues());
  }

  /** Keeps state but has no @OnWindowExpiration. */
  static class Remember extends DoFn<KV<String, Long>, String> {
    @StateId("last")
    private final StateSpec<ValueState<Long>> last = StateSpecs.value(VarLongCoder.of());

    @ProcessElement
    public void process(@Element KV<String, Long> element, @StateId("last") ValueState<Long> last) {
      last.write(element.getValue());
    }
  }

  @Test
  void stateIsDroppedAtExpiryWithoutOnWindowExpiration() {
    StatefulDoFnCoreTester<String, Long, String> tester = StatefulDoFnCoreTester.of(new Remember(), INPUT,
        WindowingStrategy.of(FixedWindows.of(Duration.millis(10))));
    tester.processElement("a", 4L, t(1), FIRST);
    assertFalse(tester.core().stateTable().isEmpty());
    tester.advanceInputWatermark(t(11));
    assertTrue(tester.core().stateTable().isEmpty());
    assertEquals(0, tester.core().pendingTimers().size());
  }
}
