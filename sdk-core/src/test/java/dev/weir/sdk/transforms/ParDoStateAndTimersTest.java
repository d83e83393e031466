package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.state.BagState;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.state.Timer;
import dev.weir.sdk.state.TimerSpec;
import dev.weir.sdk.state.TimerSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TimestampedValue;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stateful DoFns on a runner: state per key and window, event-time timers driven by the watermark,
 * processing-time timers driven by the runner's clock (a {@link TestStream}'s under test), timers
 * that set timers, and window expiry.
 */
@ValidatesRunner
class ParDoStateAndTimersTest {
  private static final KvCoder<String, String> STRINGS = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** Sums each key's values per window and outputs "key=sum" when the window expires. */
  static final class SumOnExpiryFn extends DoFn<KV<String, Integer>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("sum")
    private final StateSpec<ValueState<Integer>> sumSpec = StateSpecs.value(VarIntCoder.of());

    @ProcessElement
    public void process(@Element KV<String, Integer> element, @StateId("sum") ValueState<Integer> sum) {
      Integer current = sum.read();
      sum.write((current == null ? 0 : current) + element.getValue());
    }

    @OnWindowExpiration
    public void expire(@Key String key, @StateId("sum") ValueState<Integer> sum, OutputReceiver<String> out) {
      out.output(key + "=" + sum.read());
    }
  }

  /** Buffers values and outputs them, sorted, when an event-time timer 10 ms after the first fires. */
  static final class BufferUntilEventTimeFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("buffer")
    private final StateSpec<BagState<String>> bufferSpec = StateSpecs.bag(StringUtf8Coder.of());

    @TimerId("flush")
    private final TimerSpec flushSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, String> element, @Timestamp Instant timestamp,
        @StateId("buffer") BagState<String> buffer, @TimerId("flush") Timer flush) {
      if (buffer.isEmpty().read()) {
        flush.set(timestamp.plus(Duration.millis(10)));
      }
      buffer.add(element.getValue());
    }

    @OnTimer("flush")
    public void flush(@StateId("buffer") BagState<String> buffer, @Timestamp Instant timestamp,
        OutputReceiver<String> out) {
      out.output(sorted(buffer.read()) + "@" + timestamp.getMillis());
      buffer.clear();
    }
  }

  /** Buffers values and outputs them, sorted, a minute of processing time after the first. */
  static final class BufferUntilProcessingTimeFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("buffer")
    private final StateSpec<BagState<String>> bufferSpec = StateSpecs.bag(StringUtf8Coder.of());

    @TimerId("flush")
    private final TimerSpec flushSpec = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    @ProcessElement
    public void process(@Element KV<String, String> element, @StateId("buffer") BagState<String> buffer,
        @TimerId("flush") Timer flush) {
      if (buffer.isEmpty().read()) {
        flush.offset(Duration.standardMinutes(1)).setRelative();
      }
      buffer.add(element.getValue());
    }

    @OnTimer("flush")
    public void flush(@StateId("buffer") BagState<String> buffer, OutputReceiver<String> out) {
      out.output(sorted(buffer.read()));
      buffer.clear();
    }
  }

  /** On each element sets a timer at 10; each firing outputs its time and sets the next 5 ms later, three times. */
  static final class ChainedTimersFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("fired")
    private final StateSpec<ValueState<Integer>> firedSpec = StateSpecs.value(VarIntCoder.of());

    @TimerId("next")
    private final TimerSpec nextSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@TimerId("next") Timer next) {
      next.set(new Instant(10));
    }

    @OnTimer("next")
    public void fire(OnTimerContext c, @StateId("fired") ValueState<Integer> fired, @TimerId("next") Timer next) {
      int count = fired.read() == null ? 1 : fired.read() + 1;
      fired.write(count);
      c.output("firing " + count + " at " + c.fireTimestamp().getMillis());
      if (count < 3) {
        next.set(c.fireTimestamp().plus(Duration.millis(5)));
      }
    }
  }

  /** Collects each key's values per window with the window's side input, and outputs them on expiry. */
  static final class WithSideInputOnExpiryFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<String> side;

    @StateId("seen")
    private final StateSpec<BagState<String>> seenSpec = StateSpecs.bag(StringUtf8Coder.of());

    WithSideInputOnExpiryFn(PCollectionView<String> side) {
      this.side = side;
    }

    @ProcessElement
    public void process(ProcessContext c, @StateId("seen") BagState<String> seen) {
      seen.add(c.element().getValue() + "+" + c.sideInput(side));
    }

    @OnWindowExpiration
    public void expire(@Key String key, @StateId("seen") BagState<String> seen, OutputReceiver<String> out) {
      out.output(key + ":" + sorted(seen.read()));
    }
  }

  private static String sorted(Iterable<String> values) {
    List<String> list = new ArrayList<>();
    values.forEach(list::add);
    list.sort(null);
    return list.toString();
  }

  @Test
  void stateIsKeptPerKeyAndWindowAndSeenOnExpiry() {
    PCollection<String> sums = p
        .apply(Create.timestamped(
            TimestampedValue.of(KV.of("a", 1), new Instant(1)), TimestampedValue.of(KV.of("a", 2), new Instant(7)),
            TimestampedValue.of(KV.of("a", 5), new Instant(12)), TimestampedValue.of(KV.of("b", 3), new Instant(3))))
        .apply(Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(ParDo.of(new SumOnExpiryFn()));

    PAssert.that(sums).containsInAnyOrder("a=3", "a=5", "b=3");
    p.run();
  }

  @Test
  void anEventTimeTimerFiresWhenTheWatermarkPassesItBeforeLaterElementsArrive() {
    TestStream<KV<String, String>> stream = TestStream.create(STRINGS)
        .addElements(TimestampedValue.of(KV.of("k", "a"), new Instant(1)),
            TimestampedValue.of(KV.of("k", "b"), new Instant(5)))
        .advanceWatermarkTo(new Instant(20))
        .addElements(TimestampedValue.of(KV.of("k", "c"), new Instant(30)))
        .advanceWatermarkToInfinity();

    PCollection<String> flushed = p.apply(stream).apply(ParDo.of(new BufferUntilEventTimeFn()));

    PAssert.that(flushed).containsInAnyOrder("[a, b]@11", "[c]@40");
    p.run();
  }

  @Test
  void aProcessingTimeTimerFiresWhenTheStreamAdvancesProcessingTime() {
    TestStream<KV<String, String>> stream = TestStream.create(STRINGS)
        .addElements(KV.of("k", "a"), KV.of("k", "b"))
        .advanceProcessingTime(Duration.standardSeconds(30))
        .addElements(KV.of("k", "c"))
        .advanceProcessingTime(Duration.standardSeconds(40))
        .addElements(KV.of("k", "d"))
        .advanceProcessingTime(Duration.standardMinutes(2))
        .advanceWatermarkToInfinity();

    PCollection<String> flushed = p.apply(stream).apply(ParDo.of(new BufferUntilProcessingTimeFn()));

    PAssert.that(flushed).containsInAnyOrder("[a, b, c]", "[d]");
    p.run();
  }

  @Test
  void aTimerSetByAFiringTimerFiresInTheSameAdvanceWhenAlreadyDue() {
    TestStream<KV<String, String>> stream = TestStream.create(STRINGS)
        .addElements(TimestampedValue.of(KV.of("k", "go"), new Instant(0)))
        .advanceWatermarkTo(new Instant(100))
        .advanceWatermarkToInfinity();

    PCollection<String> firings = p.apply(stream).apply(ParDo.of(new ChainedTimersFn()));

    PAssert.that(firings).containsInAnyOrder("firing 1 at 10", "firing 2 at 15", "firing 3 at 20");
    p.run();
  }

  @Test
  void aStatefulElementWaitsUntilItsWindowsSideInputIsReady() {
    PCollection<KV<String, String>> main = p.apply("Main", TestStream.create(STRINGS)
        .addElements(TimestampedValue.of(KV.of("k", "a"), new Instant(1)),
            TimestampedValue.of(KV.of("k", "b"), new Instant(12)))
        .advanceWatermarkToInfinity());
    PCollectionView<String> side = p
        .apply("Side", TestStream.create(StringUtf8Coder.of())
            .addElements(TimestampedValue.of("first", new Instant(5)))
            .advanceWatermarkTo(new Instant(10))
            .addElements(TimestampedValue.of("second", new Instant(15)))
            .advanceWatermarkToInfinity())
        .apply("WindowSide", Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(View.asSingleton());

    PCollection<String> seen = main
        .apply("WindowMain", Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(ParDo.of(new WithSideInputOnExpiryFn(side)).withSideInputs(side));

    PAssert.that(seen).containsInAnyOrder("k:[a+first]", "k:[b+second]");
    p.run();
  }

  @Test
  void eachKeyHasItsOwnStateAndTimers() {
    TestStream<KV<String, String>> stream = TestStream.create(STRINGS)
        .addElements(TimestampedValue.of(KV.of("x", "x1"), new Instant(1)),
            TimestampedValue.of(KV.of("y", "y1"), new Instant(3)),
            TimestampedValue.of(KV.of("x", "x2"), new Instant(4)))
        .advanceWatermarkToInfinity();

    PCollection<String> flushed = p.apply(stream).apply(ParDo.of(new BufferUntilEventTimeFn()));

    PAssert.that(flushed).containsInAnyOrder("[x1, x2]@11", "[y1]@13");
    p.run();
  }
}
