package dev.weir.sdk.testing.validation;

import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.state.BagState;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.state.Timer;
import dev.weir.sdk.state.TimerSpec;
import dev.weir.sdk.state.TimerSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.testing.DescribePanes;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * State and timers of a stateful {@code DoFn}: state per key and window, event-time timers that fire
 * when the watermark passes them, processing-time timers that fire when processing time passes
 * them, timers that set timers, and state that ends with its window. Where a test must see whether a
 * timer has fired, a later "probe" element reads what the timer wrote into state.
 */
@ValidatesRunner
class StateAndTimersValidationTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static TimestampedValue<KV<String, String>> at(String key, String value, long millis) {
    return TimestampedValue.of(KV.of(key, value), new Instant(millis));
  }

  private static TestStream.Builder<KV<String, String>> stream() {
    return TestStream.create(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  /** Outputs "value #n [window)" where n counts the elements of the key and window so far. */
  static final class CountPerKeyAndWindowFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process(@Element KV<String, String> element, BoundedWindow window,
        @StateId("count") ValueState<Integer> count, OutputReceiver<String> out) {
      int seen = count.read() == null ? 1 : count.read() + 1;
      count.write(seen);
      out.output(element.getKey() + " #" + seen + " " + DescribePanes.window(window));
    }
  }

  @Test
  void stateIsKeptPerKeyAndWindow() {
    PCollection<String> counts = p
        .apply(Create.timestamped(at("x", "a", 1), at("x", "b", 2), at("y", "c", 3), at("x", "d", 12)))
        .apply(Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(ParDo.of(new CountPerKeyAndWindowFn()));

    PAssert.that(counts).containsInAnyOrder("x #1 [0,10)", "x #2 [0,10)", "y #1 [0,10)", "x #1 [10,20)");
    p.run();
  }

  /** Buffers values and outputs them, sorted, when the watermark passes the end of the window. */
  static final class BufferUntilEndOfWindowFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("buffer")
    private final StateSpec<BagState<String>> buffer = StateSpecs.bag();

    @TimerId("flush")
    private final TimerSpec flush = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, String> element, BoundedWindow window,
        @StateId("buffer") BagState<String> buffer, @TimerId("flush") Timer flush) {
      buffer.add(element.getValue());
      flush.set(window.maxTimestamp());
    }

    @OnTimer("flush")
    public void onFlush(@Key String key, @StateId("buffer") BagState<String> buffer, OnTimerContext c) {
      List<String> values = new ArrayList<>();
      buffer.read().forEach(values::add);
      values.sort(null);
      c.output(key + "=" + values + " " + DescribePanes.window(c.window()) + " @" + c.timestamp().getMillis());
    }
  }

  @Test
  void anEventTimeTimerAtTheEndOfTheWindowFlushesWhatTheBagCollected() {
    TestStream<KV<String, String>> events = stream()
        .addElements(at("x", "a", 1), at("y", "b", 2))
        .addElements(at("x", "c", 5), at("x", "d", 15))
        .advanceWatermarkToInfinity();

    PCollection<String> flushed = p.apply(events)
        .apply(Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(ParDo.of(new BufferUntilEndOfWindowFn()));

    PAssert.that(flushed).containsInAnyOrder("x=[a, c] [0,10) @9", "y=[b] [0,10) @9", "x=[d] [10,20) @19");
    p.run();
  }

  /**
   * An element "set" sets a timer at its timestamp plus 5 ms in {@code domain}; the timer records
   * that it fired; an element "probe" outputs whether it had.
   */
  static final class ProbeTimerFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("fired")
    private final StateSpec<ValueState<String>> fired = StateSpecs.value();

    @TimerId("eventTime")
    private final TimerSpec eventTime = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @TimerId("processingTime")
    private final TimerSpec processingTime = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    @ProcessElement
    public void process(@Element KV<String, String> element, @Timestamp Instant timestamp,
        @StateId("fired") ValueState<String> fired, @TimerId("eventTime") Timer eventTimer,
        @TimerId("processingTime") Timer processingTimer, OutputReceiver<String> out) {
      switch (element.getValue()) {
        case "setEventTime" -> eventTimer.set(timestamp.plus(Duration.millis(5)));
        case "setProcessingTime" -> processingTimer.offset(Duration.standardMinutes(1)).setRelative();
        default -> out.output(element.getValue() + " saw " + (fired.read() == null ? "nothing" : fired.read()));
      }
    }

    @OnTimer("eventTime")
    public void onEventTime(@StateId("fired") ValueState<String> fired) {
      fired.write("eventTime");
    }

    @OnTimer("processingTime")
    public void onProcessingTime(@StateId("fired") ValueState<String> fired) {
      fired.write("processingTime");
    }
  }

  @Test
  void anEventTimeTimerFiresOnlyOnceTheWatermarkIsPastIt() {
    TestStream<KV<String, String>> events = stream()
        .addElements(at("k", "setEventTime", 1))
        .advanceWatermarkTo(new Instant(6))
        .addElements(at("k", "probeAtTheTimersTime", 6))
        .advanceWatermarkTo(new Instant(7))
        .addElements(at("k", "probePastTheTimersTime", 7))
        .advanceWatermarkToInfinity();

    PAssert.that(p.apply(events).apply(ParDo.of(new ProbeTimerFn()))).containsInAnyOrder(
        "probeAtTheTimersTime saw nothing", "probePastTheTimersTime saw eventTime");
    p.run();
  }

  @Test
  void aProcessingTimeTimerFiresOnceProcessingTimeHasPassedItAndNotWithTheWatermark() {
    TestStream<KV<String, String>> events = stream()
        .addElements(at("k", "setProcessingTime", 1))
        .advanceWatermarkTo(new Instant(1_000_000))
        .addElements(at("k", "probeAfterTheWatermarkMoved", 1_000_000))
        .advanceProcessingTime(Duration.standardMinutes(1).plus(Duration.millis(1)))
        .addElements(at("k", "probeAfterProcessingTimeMoved", 1_000_000))
        .advanceWatermarkToInfinity();

    PAssert.that(p.apply(events).apply(ParDo.of(new ProbeTimerFn()))).containsInAnyOrder(
        "probeAfterTheWatermarkMoved saw nothing", "probeAfterProcessingTimeMoved saw processingTime");
    p.run();
  }

  /** Each firing of the timer outputs its time and sets the timer 5 ms later, three times in all. */
  static final class ChainedTimersFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("firings")
    private final StateSpec<ValueState<Integer>> firings = StateSpecs.value();

    @TimerId("next")
    private final TimerSpec next = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Timestamp Instant timestamp, @TimerId("next") Timer next) {
      next.set(timestamp.plus(Duration.millis(5)));
    }

    @OnTimer("next")
    public void onNext(OnTimerContext c, @StateId("firings") ValueState<Integer> firings,
        @TimerId("next") Timer next) {
      int firing = firings.read() == null ? 1 : firings.read() + 1;
      firings.write(firing);
      c.output("firing " + firing + " at " + c.fireTimestamp().getMillis());
      if (firing < 3) {
        next.set(c.fireTimestamp().plus(Duration.millis(5)));
      }
    }
  }

  @Test
  void anEventTimeTimerCanSetTheNextOneAndAllFireAsTheWatermarkPassesThem() {
    TestStream<KV<String, String>> events = stream()
        .addElements(at("k", "start", 0))
        .advanceWatermarkToInfinity();

    PAssert.that(p.apply(events).apply(ParDo.of(new ChainedTimersFn())))
        .containsInAnyOrder("firing 1 at 5", "firing 2 at 10", "firing 3 at 15");
    p.run();
  }

  /** Each processing-time firing outputs its number and sets the timer a minute later, twice in all. */
  static final class ChainedProcessingTimersFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("firings")
    private final StateSpec<ValueState<Integer>> firings = StateSpecs.value();

    @TimerId("next")
    private final TimerSpec next = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    @ProcessElement
    public void process(@TimerId("next") Timer next) {
      next.offset(Duration.standardMinutes(1)).setRelative();
    }

    @OnTimer("next")
    public void onNext(OnTimerContext c, @StateId("firings") ValueState<Integer> firings,
        @TimerId("next") Timer next) {
      int firing = firings.read() == null ? 1 : firings.read() + 1;
      firings.write(firing);
      c.output("firing " + firing);
      if (firing < 2) {
        next.offset(Duration.standardMinutes(1)).setRelative();
      }
    }
  }

  @Test
  void aProcessingTimeTimerCanSetTheNextOneWhichFiresWhenProcessingTimeReachesIt() {
    Duration pastAMinute = Duration.standardMinutes(1).plus(Duration.millis(1));
    TestStream<KV<String, String>> events = stream()
        .addElements(at("k", "start", 0))
        .advanceProcessingTime(pastAMinute)
        .advanceProcessingTime(pastAMinute)
        .advanceWatermarkToInfinity();

    PAssert.that(p.apply(events).apply(ParDo.of(new ChainedProcessingTimersFn())))
        .containsInAnyOrder("firing 1", "firing 2");
    p.run();
  }

  /** Counts elements per key and window and outputs the count when the window expires. */
  static final class CountAtExpiryFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process(@StateId("count") ValueState<Integer> count) {
      count.write(count.read() == null ? 1 : count.read() + 1);
    }

    @OnWindowExpiration
    public void expire(@Key String key, BoundedWindow window, @StateId("count") ValueState<Integer> count,
        OutputReceiver<String> out) {
      out.output(key + " " + DescribePanes.window(window) + " counted " + count.read());
    }
  }

  @Test
  void stateLastsUntilTheWatermarkPassesTheEndOfTheWindowPlusTheLatenessAndNotAfter() {
    TestStream<KV<String, String>> events = stream()
        .addElements(at("k", "a", 1))
        .advanceWatermarkTo(new Instant(14))
        .addElements(at("k", "lateButAllowed", 2))
        .advanceWatermarkTo(new Instant(15))
        .addElements(at("k", "tooLate", 3))
        .advanceWatermarkToInfinity();

    PCollection<String> expiries = p.apply(events)
        .apply(Window.<KV<String, String>>into(FixedWindows.of(Duration.millis(10)))
            .withAllowedLateness(Duration.millis(5))
            .discardingFiredPanes())
        .apply(ParDo.of(new CountAtExpiryFn()));

    PAssert.that(expiries).containsInAnyOrder("k [0,10) counted 2");
    p.run();
  }
}
