package dev.weir.runtime.state;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.state.Timer;
import dev.weir.sdk.state.TimerSpec;
import dev.weir.sdk.state.TimerSpecs;
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

/** Timers of a stateful DoFn: when they fire, in what order, what they output, and what they hold. */
class StatefulDoFnCoreTimersTest {
  private static final KvCoder<String, Long> INPUT = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  private static final WindowingStrategy<?, ?> GLOBAL = WindowingStrategy.globalDefault();
  private static final WindowingStrategy<?, ?> FIXED_10 = WindowingStrategy.of(FixedWindows.of(Duration.millis(10)));
  private static final IntervalWindow FIRST = new IntervalWindow(new Instant(0), new Instant(10));
  private static final BoundedWindow G = GlobalWindow.INSTANCE;

  private static Instant t(long millis) {
    return new Instant(millis);
  }

  /** Sets its event-time timer to the element's value, or clears it for a negative value, and reports firings. */
  static class EventTimerAtValue extends DoFn<KV<String, Long>, String> {
    @TimerId("t")
    private final TimerSpec timer = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, Long> element, @TimerId("t") Timer timer) {
      if (element.getValue() < 0) {
        timer.clear();
      } else {
        timer.set(new Instant(element.getValue()));
      }
    }

    @OnTimer("t")
    public void onTimer(OnTimerContext context, @Key String key, TimeDomain domain, OutputReceiver<String> out) {
      out.output(key + " fired " + context.fireTimestamp().getMillis() + " " + domain);
    }
  }

  private StatefulDoFnCoreTester<String, Long, String> eventTimers() {
    return StatefulDoFnCoreTester.of(new EventTimerAtValue(), INPUT, GLOBAL);
  }

  @Test
  void anEventTimeTimerFiresOnlyOnceTheWatermarkIsPastIt() {
    StatefulDoFnCoreTester<String, Long, String> tester = eventTimers();
    tester.processElement("a", 5L, t(0), G);
    tester.advanceInputWatermark(t(5));
    assertEquals(List.of(), tester.takeOutputValues());
    tester.advanceInputWatermark(t(6));
    assertEquals(List.of("a fired 5 EVENT_TIME"), tester.takeOutputValues());
    tester.advanceInputWatermark(t(100));
    assertEquals(List.of(), tester.takeOutputValues());
  }

  @Test
  void settingATimerAgainReplacesIt() {
    StatefulDoFnCoreTester<String, Long, String> tester = eventTimers();
    tester.processElement("a", 5L, t(0), G);
    tester.processElement("a", 8L, t(0), G);
    tester.advanceInputWatermark(t(100));
    assertEquals(List.of("a fired 8 EVENT_TIME"), tester.takeOutputValues());
  }

  @Test
  void aClearedTimerDoesNotFire() {
    StatefulDoFnCoreTester<String, Long, String> tester = eventTimers();
    tester.processElement("a", 5L, t(0), G);
    tester.processElement("b", 6L, t(0), G);
    tester.processElement("a", -1L, t(0), G);
    tester.advanceInputWatermark(t(100));
    assertEquals(List.of("b fired 6 EVENT_TIME"), tester.takeOutputValues());
  }

  @Test
  void timersOfAllKeysFireInTimestampOrder() {
    StatefulDoFnCoreTester<String, Long, String> tester = eventTimers();
    tester.processElement("a", 7L, t(0), G);
    tester.processElement("b", 3L, t(0), G);
    tester.processElement("c", 5L, t(0), G);
    tester.advanceInputWatermark(t(100));
    assertEquals(List.of("b fired 3 EVENT_TIME", "c fired 5 EVENT_TIME", "a fired 7 EVENT_TIME"),
        tester.takeOutputValues());
  }

  @Test
  void aTimerSetBehindTheWatermarkFiresAtTheNextAdvance() {
    StatefulDoFnCoreTester<String, Long, String> tester = eventTimers();
    tester.advanceInputWatermark(t(100));
    tester.processElement("a", 50L, t(100), G);
    assertEquals(List.of(), tester.takeOutputValues());
    tester.advanceInputWatermark(t(100));
    assertEquals(List.of("a fired 50 EVENT_TIME"), tester.takeOutputValues());
  }

  /** Sets "tick" at 1 and "other" at 3; each tick sets the next one, up to 5. */
  static class Ticks extends DoFn<KV<String, Long>, String> {
    @TimerId("tick")
    private final TimerSpec tick = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @TimerId("other")
    private final TimerSpec other = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@TimerId("tick") Timer tick, @TimerId("other") Timer other) {
      tick.set(new Instant(1));
      other.set(new Instant(3));
    }

    @OnTimer("tick")
    public void onTick(OnTimerContext context, @TimerId("tick") Timer tick, OutputReceiver<String> out) {
      long at = context.fireTimestamp().getMillis();
      out.output("tick " + at);
      if (at < 5) {
        tick.set(new Instant(at + 1));
      }
    }

    @OnTimer("other")
    public void onOther(OutputReceiver<String> out) {
      out.output("other 3");
    }
  }

  @Test
  void timersSetWhileTimersFireFireInTheSameAdvanceInTimestampOrder() {
    StatefulDoFnCoreTester<String, Long, String> tester = StatefulDoFnCoreTester.of(new Ticks(), INPUT, GLOBAL);
    tester.processElement("a", 0L, t(0), G);
    tester.advanceInputWatermark(t(100));
    assertEquals(List.of("tick 1", "tick 2", "other 3", "tick 3", "tick 4", "tick 5"), tester.takeOutputValues());
  }

  @Test
  void timersSetWhileFiringThatAreNotYetDueWaitForTheNextAdvance() {
    StatefulDoFnCoreTester<String, Long, String> tester = StatefulDoFnCoreTester.of(new Ticks(), INPUT, GLOBAL);
    tester.processElement("a", 0L, t(0), G);
    tester.advanceInputWatermark(t(3));
    assertEquals(List.of("tick 1", "tick 2"), tester.takeOutputValues());
    assertEquals(t(3), tester.core().getNextTimerTimestamp(TimeDomain.EVENT_TIME));
    tester.advanceInputWatermark(t(4));
    assertEquals(List.of("other 3", "tick 3"), tester.takeOutputValues());
  }

  /** Sets a processing-time timer the element's value after now; reports the firing and its output timestamp. */
  static class ProcessingDelay extends DoFn<KV<String, Long>, String> {
    @TimerId("delay")
    private final TimerSpec delay = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    @ProcessElement
    public void process(@Element KV<String, Long> element, @TimerId("delay") Timer delay) {
      delay.offset(Duration.millis(element.getValue())).setRelative();
    }

    @OnTimer("delay")
    public void onDelay(OnTimerContext context, OutputReceiver<String> out) {
      out.output("fired " + context.fireTimestamp().getMillis() + " " + context.timeDomain());
    }
  }

  @Test
  void aProcessingTimeTimerFiresOnceProcessingTimeIsPastIt() {
    StatefulDoFnCoreTester<String, Long, String> tester =
        StatefulDoFnCoreTester.of(new ProcessingDelay(), INPUT, GLOBAL);
    tester.advanceProcessingTime(t(1000));
    tester.processElement("a", 10L, t(7), G);
    tester.advanceInputWatermark(t(5000));
    tester.advanceProcessingTime(t(1010));
    assertEquals(List.of(), tester.takeOutputs());
    tester.advanceProcessingTime(t(1011));
    assertEquals(List.of(WindowedValue.of("fired 1010 PROCESSING_TIME", t(7), G, PaneInfo.NO_FIRING)),
        tester.takeOutputs());
  }

  @Test
  void aProcessingTimeTimerDoesNotHoldTheOutputWatermark() {
    StatefulDoFnCoreTester<String, Long, String> tester =
        StatefulDoFnCoreTester.of(new ProcessingDelay(), INPUT, FIXED_10);
    tester.processElement("a", 10L, t(7), FIRST);
    // Only the window's expiry timer holds: at the window's max timestamp.
    assertEquals(t(9), tester.core().getOutputWatermarkHold());
  }

  /** A synchronized-processing-time timer set relative to that clock. */
  static class SynchronizedDelay extends DoFn<KV<String, Long>, String> {
    @TimerId("sync")
    private final TimerSpec sync = TimerSpecs.timer(TimeDomain.SYNCHRONIZED_PROCESSING_TIME);

    @ProcessElement
    public void process(@TimerId("sync") Timer sync) {
      sync.offset(Duration.millis(5)).setRelative();
    }

    @OnTimer("sync")
    public void onSync(TimeDomain domain, OutputReceiver<String> out) {
      out.output("fired " + domain);
    }
  }

  @Test
  void aSynchronizedProcessingTimeTimerFiresOnItsOwnClock() {
    StatefulDoFnCoreTester<String, Long, String> tester =
        StatefulDoFnCoreTester.of(new SynchronizedDelay(), INPUT, GLOBAL);
    tester.advanceSynchronizedProcessingTime(t(100));
    tester.processElement("a", 0L, t(0), G);
    tester.advanceProcessingTime(t(1000));
    assertEquals(List.of(), tester.takeOutputValues());
    tester.advanceSynchronizedProcessingTime(t(106));
    assertEquals(List.of("fired SYNCHRONIZED_PROCESSING_TIME"), tester.takeOutputValues());
  }

  /** A processing-time timer whose firing sets an event-time timer at the end of the window. */
  static class ProcessingThenEvent extends DoFn<KV<String, Long>, String> {
    @TimerId("soon")
    private final TimerSpec soon = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    @TimerId("end")
    private final TimerSpec end = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@TimerId("soon") Timer soon) {
      soon.offset(Duration.millis(1)).setRelative();
    }

    @OnTimer("soon")
    public void onSoon(BoundedWindow window, @TimerId("end") Timer end, OutputReceiver<String> out) {
      end.set(window.maxTimestamp());
      out.output("soon");
    }

    @OnTimer("end")
    public void onEnd(@Timestamp Instant timestamp, OutputReceiver<String> out) {
      out.output("end " + timestamp.getMillis());
    }
  }

  @Test
  void aProcessingTimeTimerCanSetAnEventTimeTimer() {
    StatefulDoFnCoreTester<String, Long, String> tester =
        StatefulDoFnCoreTester.of(new ProcessingThenEvent(), INPUT, FIXED_10);
    tester.processElement("a", 0L, t(3), FIRST);
    tester.advanceProcessingTime(t(2));
    assertEquals(List.of("soon"), tester.takeOutputValues());
    tester.advanceInputWatermark(t(10));
    assertEquals(List.of("end 9"), tester.takeOutputValues());
  }

  /** An event-time timer relative to the watermark, with the element's value as offset, aligned to 60 s. */
  static class AlignedMinute extends DoFn<KV<String, Long>, String> {
    @TimerId("minute")
    private final TimerSpec minute = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, Long> element, @TimerId("minute") Timer minute) {
      minute.offset(Duration.millis(element.getValue())).align(Duration.standardMinutes(1)).setRelative();
    }

    @OnTimer("minute")
    public void onMinute(OnTimerContext context, OutputReceiver<String> out) {
      out.output("fired " + context.fireTimestamp().getMillis());
    }
  }

  @Test
  void anAlignedRelativeTimerFiresWhereTheTimePlusOffsetMeetsAPeriodBoundary() {
    StatefulDoFnCoreTester<String, Long, String> tester = StatefulDoFnCoreTester.of(new AlignedMinute(), INPUT, GLOBAL);
    tester.advanceInputWatermark(t(5_000));
    tester.processElement("a", 1_000L, t(5_000), G);
    assertEquals(t(59_000), tester.core().getNextTimerTimestamp(TimeDomain.EVENT_TIME));
    tester.processElement("b", 55_000L, t(5_000), G);
    tester.advanceInputWatermark(t(60_000));
    assertEquals(List.of("fired 5000", "fired 59000"), tester.takeOutputValues());
  }

  /** Sets an event-time timer far after the window, relatively. */
  static class FarRelative extends DoFn<KV<String, Long>, String> {
    @TimerId("far")
    private final TimerSpec far = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@TimerId("far") Timer far) {
      far.offset(Duration.standardDays(1)).setRelative();
    }

    @OnTimer("far")
    public void onFar(OnTimerContext context, OutputReceiver<String> out) {
      out.output("fired " + context.fireTimestamp().getMillis());
    }
  }

  @Test
  void aRelativeEventTimeTimerIsClampedToTheWindowExpiry() {
    StatefulDoFnCoreTester<String, Long, String> tester = StatefulDoFnCoreTester.of(new FarRelative(), INPUT, FIXED_10);
    tester.advanceInputWatermark(t(3));
    tester.processElement("a", 0L, t(3), FIRST);
    assertEquals(t(9), tester.core().getNextTimerTimestamp(TimeDomain.EVENT_TIME));
    tester.advanceInputWatermark(t(10));
    assertEquals(List.of("fired 9"), tester.takeOutputValues());
  }

  @Test
  void settingAnEventTimeTimerAfterTheWindowExpiresFailsNamingTheTimerAndTimes() {
    StatefulDoFnCoreTester<String, Long, String> tester =
        StatefulDoFnCoreTester.of(new EventTimerAtValue(), INPUT, FIXED_10);
    UserCodeException e = assertThrows(UserCodeException.class, () -> tester.processElement("a", 10L, t(3), FIRST));
    assertEquals("Stateful", e.getStepName());
    assertThat(e.getCause(), instanceOf(IllegalArgumentException.class));
    assertThat(e.getCause().getMessage(), allOf(containsString("Step 'Stateful'"), containsString("timer 't'"),
        containsString("cannot fire at " + t(10)), containsString("expires at " + t(9))));
  }

  /** Sets its timer at 8 with the output timestamp given by the element's value. */
  static class HeldTimer extends DoFn<KV<String, Long>, String> {
    @TimerId("held")
    private final TimerSpec held = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, Long> element, @TimerId("held") Timer held) {
      held.withOutputTimestamp(new Instant(element.getValue())).set(new Instant(8));
    }

    @OnTimer("held")
    public void onHeld(OutputReceiver<String> out) {
      out.output("default");
      out.outputWithTimestamp("later", new Instant(8));
    }
  }

  @Test
  void anOutputTimestampHoldsTheOutputWatermarkUntilTheTimerFiresAndStampsItsOutputs() {
    StatefulDoFnCoreTester<String, Long, String> tester = StatefulDoFnCoreTester.of(new HeldTimer(), INPUT, FIXED_10);
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, tester.core().getOutputWatermarkHold());
    tester.processElement("a", 3L, t(2), FIRST);
    assertEquals(t(3), tester.core().getOutputWatermarkHold());
    tester.advanceInputWatermark(t(9));
    assertEquals(List.of(
        WindowedValue.of("default", t(3), FIRST, PaneInfo.NO_FIRING),
        WindowedValue.of("later", t(8), FIRST, PaneInfo.NO_FIRING)), tester.takeOutputs());
    assertEquals(t(9), tester.core().getOutputWatermarkHold());
    tester.advanceInputWatermark(t(11));
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, tester.core().getOutputWatermarkHold());
  }

  @Test
  void anOutputTimestampBeforeTheElementMinusTheSkewIsRejected() {
    StatefulDoFnCoreTester<String, Long, String> tester = StatefulDoFnCoreTester.of(new HeldTimer(), INPUT, FIXED_10);
    UserCodeException e = assertThrows(UserCodeException.class, () -> tester.processElement("a", 1L, t(2), FIRST));
    assertThat(e.getCause().getMessage(), allOf(containsString("timer 'held'"),
        containsString("cannot have output timestamp " + t(1)), containsString("(" + t(2) + ")"),
        containsString("getAllowedTimestampSkew")));
  }

  @Test
  void anOutputTimestampAfterTheWindowExpiresIsRejected() {
    StatefulDoFnCoreTester<String, Long, String> tester = StatefulDoFnCoreTester.of(new HeldTimer(), INPUT, FIXED_10);
    UserCodeException e = assertThrows(UserCodeException.class, () -> tester.processElement("a", 12L, t(2), FIRST));
    assertThat(e.getCause().getMessage(), allOf(containsString("timer 'held'"),
        containsString("cannot have output timestamp " + t(12)), containsString("expires at " + t(9))));
  }

  /** Outputs, from its timer, a timestamp before the timer's output timestamp. */
  static class EarlyTimerOutput extends DoFn<KV<String, Long>, String> {
    @TimerId("t")
    private final TimerSpec timer = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@TimerId("t") Timer timer) {
      timer.set(new Instant(5));
    }

    @OnTimer("t")
    public void onTimer(OutputReceiver<String> out) {
      out.outputWithTimestamp("early", new Instant(4));
    }
  }

  @Test
  void aTimerOutputBeforeTheTimersOutputTimestampMinusTheSkewIsRejected() {
    StatefulDoFnCoreTester<String, Long, String> tester =
        StatefulDoFnCoreTester.of(new EarlyTimerOutput(), INPUT, GLOBAL);
    tester.processElement("a", 0L, t(0), G);
    UserCodeException e = assertThrows(UserCodeException.class, () -> tester.advanceInputWatermark(t(6)));
    assertThat(e.getCause().getMessage(), allOf(containsString("timestamp " + t(4)),
        containsString("earlier than the timer's output timestamp " + t(5))));
  }

  @Test
  void nextTimerTimestampIsNullWhenNoTimerIsPending() {
    StatefulDoFnCoreTester<String, Long, String> tester = eventTimers();
    assertNull(tester.core().getNextTimerTimestamp(TimeDomain.PROCESSING_TIME));
    tester.processElement("a", 5L, t(0), G);
    assertEquals(t(5), tester.core().getNextTimerTimestamp(TimeDomain.EVENT_TIME));
    assertNull(tester.core().getNextTimerTimestamp(TimeDomain.PROCESSING_TIME));
  }
}
