package dev.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.state.BagState;
import dev.weir.sdk.state.MapState;
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
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** State of a stateful DoFn is kept per key and window, across elements, bundles and restores. */
class StatefulDoFnCoreStateTest {
  private static final KvCoder<String, Integer> INPUT = KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());
  private static final WindowingStrategy<?, ?> FIXED_10 = WindowingStrategy.of(FixedWindows.of(Duration.millis(10)));
  private static final IntervalWindow FIRST = new IntervalWindow(new Instant(0), new Instant(10));
  private static final IntervalWindow SECOND = new IntervalWindow(new Instant(10), new Instant(20));

  /** Counts elements per key and window in a ValueState whose coder is inferred. */
  static class CountPerKey extends DoFn<KV<String, Integer>, String> {
    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process(@Element KV<String, Integer> element, @StateId("count") ValueState<Integer> count,
        OutputReceiver<String> out) {
      int next = (count.read() == null ? 0 : count.read()) + 1;
      count.write(next);
      out.output(element.getKey() + ":" + next);
    }
  }

  @Test
  void keepsStatePerKeyAndWindow() {
    StatefulDoFnCoreTester<String, Integer, String> tester = StatefulDoFnCoreTester.of(new CountPerKey(), INPUT, FIXED_10);
    tester.processElement("a", 1, new Instant(1), FIRST);
    tester.processElement("a", 1, new Instant(2), FIRST);
    tester.processElement("b", 1, new Instant(3), FIRST);
    tester.processElement("a", 1, new Instant(11), SECOND);
    tester.processElement("a", 1, new Instant(4), FIRST);
    assertEquals(List.of("a:1", "a:2", "b:1", "a:1", "a:3"), tester.takeOutputValues());
    assertEquals(5, tester.restores());
  }

  @Test
  void outputsOfAnElementKeepItsTimestampWindowAndPane() {
    StatefulDoFnCoreTester<String, Integer, String> tester = StatefulDoFnCoreTester.of(new CountPerKey(), INPUT, FIXED_10);
    PaneInfo pane = PaneInfo.createPane(true, false, PaneInfo.Timing.EARLY);
    tester.processElement(WindowedValue.of(KV.of("a", 1), new Instant(4), FIRST, pane));
    assertEquals(List.of(WindowedValue.of("a:1", new Instant(4), FIRST, pane)), tester.takeOutputs());
  }

  @Test
  void anElementInSeveralWindowsIsProcessedOncePerWindowWithItsOwnState() {
    StatefulDoFnCoreTester<String, Integer, String> tester = StatefulDoFnCoreTester.of(new CountPerKey(), INPUT, FIXED_10);
    tester.processElement("a", 1, new Instant(1), FIRST);
    tester.processElement(WindowedValue.of(KV.of("a", 1), new Instant(9), List.of(FIRST, SECOND), PaneInfo.NO_FIRING));
    List<WindowedValue<String>> outputs = tester.takeOutputs();
    assertEquals(List.of("a:1", "a:2", "a:1"), values(outputs));
    assertEquals(List.of(FIRST), List.copyOf(outputs.get(1).getWindows()));
    assertEquals(List.of(SECOND), List.copyOf(outputs.get(2).getWindows()));
  }

  private static <T> List<T> values(List<WindowedValue<T>> outputs) {
    List<T> values = new ArrayList<>();
    for (WindowedValue<T> output : outputs) {
      values.add(output.getValue());
    }
    return values;
  }

  /** Buffers values per key and window and emits their sum when the window ends. */
  static class SumAtWindowEnd extends DoFn<KV<String, Integer>, String> {
    @StateId("buffer")
    private final StateSpec<BagState<Integer>> buffer = StateSpecs.bag();

    @TimerId("end")
    private final TimerSpec end = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, Integer> element, BoundedWindow window,
        @StateId("buffer") BagState<Integer> buffer, @TimerId("end") Timer end) {
      buffer.add(element.getValue());
      end.set(window.maxTimestamp());
    }

    @OnTimer("end")
    public void onEnd(@Key String key, @StateId("buffer") BagState<Integer> buffer, OutputReceiver<String> out) {
      int sum = 0;
      for (int value : buffer.read()) {
        sum += value;
      }
      buffer.clear();
      out.output(key + "=" + sum);
    }
  }

  @Test
  void bagStateBuffersUntilAnEventTimeTimerFlushesIt() {
    StatefulDoFnCoreTester<String, Integer, String> tester =
        StatefulDoFnCoreTester.of(new SumAtWindowEnd(), INPUT, FIXED_10);
    tester.processElement("a", 3, new Instant(1), FIRST);
    tester.processElement("b", 10, new Instant(2), FIRST);
    tester.processElement("a", 4, new Instant(8), FIRST);
    tester.advanceInputWatermark(new Instant(9));
    assertEquals(List.of(), tester.takeOutputs());
    tester.advanceInputWatermark(new Instant(10));
    assertEquals(List.of(
        WindowedValue.of("a=7", new Instant(9), FIRST, PaneInfo.NO_FIRING),
        WindowedValue.of("b=10", new Instant(9), FIRST, PaneInfo.NO_FIRING)), tester.takeOutputs());
  }

  /** Remembers the first value seen per map key across elements of one state key. */
  static class FirstSeen extends DoFn<KV<String, Integer>, String> {
    @StateId("first")
    private final StateSpec<MapState<Integer, Instant>> first = StateSpecs.map();

    @ProcessElement
    public void process(@Element KV<String, Integer> element, @Timestamp Instant timestamp,
        @StateId("first") MapState<Integer, Instant> first, OutputReceiver<String> out) {
      Instant previous = first.putIfAbsent(element.getValue(), timestamp).read();
      out.output(element.getValue() + (previous == null ? " new" : " first seen at " + previous.getMillis()));
    }
  }

  @Test
  void mapStateWithInferredCodersSurvivesRestores() {
    StatefulDoFnCoreTester<String, Integer, String> tester = StatefulDoFnCoreTester.of(new FirstSeen(), INPUT, FIXED_10);
    tester.processElement("a", 7, new Instant(1), FIRST);
    tester.processElement("a", 8, new Instant(2), FIRST);
    tester.processElement("a", 7, new Instant(3), FIRST);
    assertEquals(List.of("7 new", "8 new", "7 first seen at 1"), tester.takeOutputValues());
  }

  @Test
  void aCoreWithoutRestoresBehavesTheSame() {
    StatefulDoFnCoreTester<String, Integer, String> tester =
        StatefulDoFnCoreTester.of(new CountPerKey(), INPUT, FIXED_10).withoutRestoring();
    tester.processElement("a", 1, new Instant(1), FIRST);
    tester.processElement("a", 1, new Instant(2), FIRST);
    assertEquals(List.of("a:1", "a:2"), tester.takeOutputValues());
    assertEquals(0, tester.restores());
    assertTrue(tester.core().getNextTimerTimestamp(TimeDomain.EVENT_TIME) != null);
  }
}
