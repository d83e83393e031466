package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderProperties;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.testing.TestStream.ElementEvent;
import dev.weir.sdk.testing.TestStream.Event;
import dev.weir.sdk.testing.TestStream.EventType;
import dev.weir.sdk.testing.TestStream.ProcessingTimeEvent;
import dev.weir.sdk.testing.TestStream.WatermarkEvent;
import dev.weir.sdk.transforms.Flatten;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.Values;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.Never;
import dev.weir.sdk.transforms.windowing.SlidingWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TestStream}'s script: the events it records and the mistakes it rejects. */
class TestStreamTest {

  @Test
  void recordsEventsInTheOrderTheyWereAdded() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(TimestampedValue.of("a", new Instant(3)))
        .advanceWatermarkTo(new Instant(10))
        .advanceProcessingTime(Duration.standardMinutes(1))
        .advanceWatermarkToInfinity();

    assertThat(stream.getEvents().stream().map(Event::getType).toList(), contains(
        EventType.ELEMENT, EventType.WATERMARK, EventType.PROCESSING_TIME, EventType.WATERMARK));
    assertThat(((ElementEvent<String>) stream.getEvents().get(0)).getElements(),
        contains(TimestampedValue.of("a", new Instant(3))));
    assertThat(((WatermarkEvent<String>) stream.getEvents().get(1)).getWatermark(), equalTo(new Instant(10)));
    assertThat(((ProcessingTimeEvent<String>) stream.getEvents().get(2)).getProcessingTimeAdvance(),
        equalTo(Duration.standardMinutes(1)));
    assertThat(((WatermarkEvent<String>) stream.getEvents().get(3)).getWatermark(),
        equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
  }

  @Test
  void plainElementsAreTimestampedWithTheCurrentWatermark() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements("early")
        .advanceWatermarkTo(new Instant(7))
        .addElements("x", "y")
        .advanceWatermarkToInfinity();

    assertThat(((ElementEvent<String>) stream.getEvents().get(0)).getElements(),
        contains(TimestampedValue.of("early", BoundedWindow.TIMESTAMP_MIN_VALUE)));
    assertThat(((ElementEvent<String>) stream.getEvents().get(2)).getElements(),
        contains(TimestampedValue.of("x", new Instant(7)), TimestampedValue.of("y", new Instant(7))));
  }

  @Test
  void elementsBehindTheWatermarkAreAllowedAsLateData() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .advanceWatermarkTo(new Instant(100))
        .addElements(TimestampedValue.of("late", new Instant(1)))
        .advanceWatermarkToInfinity();

    assertThat(((ElementEvent<String>) stream.getEvents().get(1)).getElements(),
        contains(TimestampedValue.of("late", new Instant(1))));
  }

  @Test
  void theWatermarkMayStayButNotGoBack() {
    TestStream.Builder<String> at10 = TestStream.create(StringUtf8Coder.of()).advanceWatermarkTo(new Instant(10));
    at10.advanceWatermarkTo(new Instant(10));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> at10.advanceWatermarkTo(new Instant(9)));
    assertThat(e.getMessage(), containsString("the watermark must not go back, and it is already at"));
    assertThat(e.getMessage(), containsString(new Instant(10).toString()));
  }

  @Test
  void theWatermarkReachesTheEndOfTimeOnlyThroughAdvanceWatermarkToInfinity() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestStream.create(StringUtf8Coder.of()).advanceWatermarkTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
    assertThat(e.getMessage(), containsString("Fix: end the stream with advanceWatermarkToInfinity()"));
  }

  @Test
  void processingTimeMustAdvanceByAPositiveAmount() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestStream.create(StringUtf8Coder.of()).advanceProcessingTime(Duration.ZERO));
    assertThat(e.getMessage(), containsString("processing time must advance by a positive amount"));
  }

  @Test
  void elementsAtTheEndOfTimeAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestStream.create(StringUtf8Coder.of())
            .addElements(TimestampedValue.of("never", BoundedWindow.TIMESTAMP_MAX_VALUE)));
    assertThat(e.getMessage(), containsString("element never has timestamp"));
  }

  @Test
  void buildersAreImmutableSoAPrefixCanBeShared() {
    TestStream.Builder<String> prefix = TestStream.create(StringUtf8Coder.of()).addElements("a");
    TestStream<String> longer = prefix.addElements("b").advanceWatermarkToInfinity();
    TestStream<String> shorter = prefix.advanceWatermarkToInfinity();

    assertThat(longer.getEvents().size(), equalTo(3));
    assertThat(shorter.getEvents().size(), equalTo(2));
  }

  @Test
  void aCoderThatCannotEncodeAnElementIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestStream.create(VarIntCoder.of()).addElements((Integer) null).advanceWatermarkToInfinity());
    assertThat(e.getMessage(), containsString("could not be encoded with VarIntCoder"));
  }

  @Test
  void survivesJavaSerializationEvenWithElementsThatAreNotSerializable() throws Exception {
    TestStream<NotSerializable> stream = TestStream.create(NotSerializable.CODER)
        .addElements(new NotSerializable("a"))
        .advanceWatermarkToInfinity();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(stream);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      @SuppressWarnings("unchecked")
      TestStream<NotSerializable> copy = (TestStream<NotSerializable>) in.readObject();
      assertThat(copy.getEvents(), equalTo(stream.getEvents()));
    }
  }

  @Test
  void theEventCoderRoundTripsEveryKindOfEvent() throws Exception {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("b", new Instant(2)))
        .advanceWatermarkTo(new Instant(5))
        .advanceProcessingTime(Duration.millis(20))
        .advanceWatermarkToInfinity();

    for (Event<String> event : stream.getEvents()) {
      CoderProperties.coderDecodeEncodeEqual(stream.getEventCoder(), event);
    }
  }

  @Test
  void outputsAnUnboundedCollectionInTheGlobalWindowWithTheGivenCoder() {
    Pipeline pipeline = Pipeline.create();
    PCollection<String> output = pipeline.apply(TestStream.create(StringUtf8Coder.of()).advanceWatermarkToInfinity());

    assertThat(output.isBounded(), equalTo(PCollection.IsBounded.UNBOUNDED));
    assertThat(output.getWindowingStrategy().getWindowFn() instanceof GlobalWindows, equalTo(true));
    assertThat(output.getCoder(), equalTo(StringUtf8Coder.of()));
  }

  /** A value Java serialization cannot write, with a coder that can. */
  static final class NotSerializable {
    static final Coder<NotSerializable> CODER = new NotSerializableCoder();
    final String text;

    NotSerializable(String text) {
      this.text = text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof NotSerializable other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }
  }

  /** Encodes a {@link NotSerializable} as its text. */
  static final class NotSerializableCoder extends CustomCoder<NotSerializable> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(NotSerializable value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value.text, out);
    }

    @Override
    public NotSerializable decode(InputStream in) throws IOException {
      return new NotSerializable(StringUtf8Coder.of().decode(in));
    }
  }

  /** TestStream on a runner: watermarks, late data, panes and processing time, as Beam defines them. */
  @Nested
  @ValidatesRunner
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    private PCollection<String> groupAndDescribe(PCollection<String> windowed) {
      return windowed.apply(WithKeys.of("k")).apply(GroupByKey.create()).apply(DescribePanes.ofGroups());
    }

    @Test
    void fixedWindowsWithTheDefaultTriggerFireOncePerWindowWhenTheWatermarkPassesItsEnd() {
      TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
          .addElements(TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("b", new Instant(2)))
          .addElements(TimestampedValue.of("c", new Instant(12)))
          .advanceWatermarkTo(new Instant(10))
          .addElements(TimestampedValue.of("d", new Instant(15)))
          .advanceWatermarkToInfinity();

      PCollection<String> panes = groupAndDescribe(
          p.apply(stream).apply(Window.into(FixedWindows.of(Duration.millis(10)))));

      PAssert.that(panes).containsInAnyOrder("k=[a, b] [0,10) ON_TIME#0 last", "k=[c, d] [10,20) ON_TIME#0 last");
      p.run();
    }

    @Test
    void lateDataWithinTheAllowedLatenessFiresLatePanesAndLaterDataIsDropped() {
      Instant start = new Instant(0);
      TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
          .addElements(TimestampedValue.of("1", start), TimestampedValue.of("2", start), TimestampedValue.of("3", start))
          .advanceWatermarkTo(start.plus(Duration.standardMinutes(6)))
          .addElements(TimestampedValue.of("4", start), TimestampedValue.of("5", start))
          .advanceWatermarkTo(start.plus(Duration.standardMinutes(20)))
          .addElements(TimestampedValue.of("dropped", start))
          .advanceWatermarkToInfinity();

      PCollection<String> panes = groupAndDescribe(p.apply(stream)
          .apply(Window.<String>into(FixedWindows.of(Duration.standardMinutes(5)))
              .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
              .accumulatingFiredPanes()
              .withAllowedLateness(Duration.standardMinutes(5), Window.ClosingBehavior.FIRE_ALWAYS)));

      PAssert.that(panes).containsInAnyOrder(
          "k=[1, 2, 3] [0,300000) ON_TIME#0",
          "k=[1, 2, 3, 4, 5] [0,300000) LATE#1",
          "k=[1, 2, 3, 4, 5] [0,300000) LATE#2 last");
      p.run();
    }

    @Test
    void discardingModeGivesEachPaneOnlyWhatArrivedSinceThePreviousOne() {
      TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
          .advanceWatermarkTo(new Instant(0))
          .addElements(TimestampedValue.of("firstPane", new Instant(100)),
              TimestampedValue.of("alsoFirstPane", new Instant(200)))
          .addElements(TimestampedValue.of("onTimePane", new Instant(500)))
          .advanceWatermarkTo(new Instant(1000))
          .addElements(TimestampedValue.of("finalLatePane", new Instant(750)),
              TimestampedValue.of("alsoFinalLatePane", new Instant(250)))
          .advanceWatermarkToInfinity();

      PCollection<String> panes = groupAndDescribe(p.apply(stream)
          .apply(Window.<String>into(FixedWindows.of(Duration.millis(1000)))
              .triggering(AfterWatermark.pastEndOfWindow()
                  .withEarlyFirings(AfterPane.elementCountAtLeast(2))
                  .withLateFirings(Never.ever()))
              .discardingFiredPanes()
              .withAllowedLateness(Duration.millis(5000))));

      PAssert.that(panes).containsInAnyOrder(
          "k=[alsoFirstPane, firstPane] [0,1000) EARLY#0",
          "k=[onTimePane] [0,1000) ON_TIME#1",
          "k=[alsoFinalLatePane, finalLatePane] [0,1000) LATE#2 last");
      p.run();
    }

    @Test
    void anElementBehindTheAllowedLatenessIsDroppedEvenAsTheFirstOfItsWindow() {
      TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
          .advanceWatermarkTo(new Instant(0))
          .addElements(TimestampedValue.of("late", new Instant(-1_000_000)))
          .addElements(TimestampedValue.of("onTime", new Instant(100)))
          .advanceWatermarkToInfinity();

      PCollection<String> panes = groupAndDescribe(p.apply(stream)
          .apply(Window.<String>into(FixedWindows.of(Duration.millis(1000)))
              .withAllowedLateness(Duration.millis(5000))
              .discardingFiredPanes()));

      // The watermark passes the end of the window and its lateness at once: the on-time pane is also the last.
      PAssert.that(panes).containsInAnyOrder("k=[onTime] [0,1000) ON_TIME#0 last");
      p.run();
    }

    private PCollection<String> lateWithinFiveMillis(TestStream<String> stream) {
      return groupAndDescribe(p.apply(stream)
          .apply(Window.<String>into(FixedWindows.of(Duration.millis(10)))
              .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
              .discardingFiredPanes()
              .withAllowedLateness(Duration.millis(5))));
    }

    @Test
    void anElementArrivingWhenTheWatermarkIsExactlyAtTheEndOfTheLatenessIsStillLate() {
      // Window [0,10) ends at 9; with 5 ms of lateness it expires once the watermark passes 14.
      TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
          .addElements(TimestampedValue.of("a", new Instant(1)))
          .advanceWatermarkTo(new Instant(14))
          .addElements(TimestampedValue.of("late", new Instant(3)))
          .advanceWatermarkToInfinity();

      PAssert.that(lateWithinFiveMillis(stream)).containsInAnyOrder(
          "k=[a] [0,10) ON_TIME#0", "k=[late] [0,10) LATE#1");
      p.run();
    }

    @Test
    void anElementArrivingOneMillisecondPastTheLatenessIsDropped() {
      TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
          .addElements(TimestampedValue.of("a", new Instant(1)))
          .advanceWatermarkTo(new Instant(15))
          .addElements(TimestampedValue.of("tooLate", new Instant(3)))
          .advanceWatermarkToInfinity();

      PAssert.that(lateWithinFiveMillis(stream)).containsInAnyOrder("k=[a] [0,10) ON_TIME#0 last");
      p.run();
    }

    @Test
    void slidingWindowsFireEachWindowAnElementIsInWhenTheWatermarkPassesItsEnd() {
      TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
          .addElements(TimestampedValue.of("a", new Instant(7)))
          .advanceWatermarkTo(new Instant(10))
          .addElements(TimestampedValue.of("b", new Instant(12)))
          .advanceWatermarkToInfinity();

      PCollection<String> panes = groupAndDescribe(p.apply(stream)
          .apply(Window.into(SlidingWindows.of(Duration.millis(10)).every(Duration.millis(5)))));

      PAssert.that(panes).containsInAnyOrder(
          "k=[a] [0,10) ON_TIME#0 last",
          "k=[a, b] [5,15) ON_TIME#0 last",
          "k=[b] [10,20) ON_TIME#0 last");
      p.run();
    }

    @Test
    void elementsAtTheEndOfTheGlobalWindowAreGrouped() {
      Instant endOfGlobalWindow = GlobalWindow.INSTANCE.maxTimestamp();
      TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
          .addElements(TimestampedValue.of("foo", endOfGlobalWindow), TimestampedValue.of("bar", endOfGlobalWindow))
          .advanceWatermarkToInfinity();

      PCollection<String> values = p.apply(stream)
          .apply(Window.into(FixedWindows.of(Duration.standardHours(6))))
          .apply(WithKeys.of(1))
          .apply(GroupByKey.create())
          .apply(Values.create())
          .apply(Flatten.iterables());

      PAssert.that(values).containsInAnyOrder("foo", "bar");
      p.run();
    }

    @Test
    void severalStreamsInOnePipelineAllPlay() {
      PCollection<String> strings = p
          .apply("Strings", TestStream.create(StringUtf8Coder.of()).addElements("foo", "bar").advanceWatermarkToInfinity())
          .apply("WindowStrings", Window.<String>configure().triggering(AfterPane.elementCountAtLeast(2))
              .withAllowedLateness(Duration.ZERO).accumulatingFiredPanes());
      PCollection<Long> longs = p
          .apply("Longs", TestStream.create(VarLongCoder.of()).addElements(1L, 2L, 3L, 4L).advanceWatermarkToInfinity())
          .apply("WindowLongs", Window.<Long>configure().triggering(AfterPane.elementCountAtLeast(4))
              .withAllowedLateness(Duration.ZERO).accumulatingFiredPanes());

      PAssert.that(strings).containsInAnyOrder("foo", "bar");
      PAssert.that(longs).containsInAnyOrder(1L, 2L, 3L, 4L);
      p.run();
    }

    @Test
    void processingTimeTriggersFireWhenTheStreamAdvancesProcessingTime() {
      TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
          .addElements(TimestampedValue.of("1", new Instant(1000)), TimestampedValue.of("2", new Instant(2000)))
          .advanceProcessingTime(Duration.standardMinutes(12))
          .addElements(TimestampedValue.of("3", new Instant(3000)))
          .advanceProcessingTime(Duration.standardMinutes(6))
          .advanceWatermarkToInfinity();

      PCollection<String> panes = groupAndDescribe(p.apply(stream)
          .apply(Window.<String>configure()
              .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(
                  AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.standardMinutes(5))))
              .accumulatingFiredPanes()
              .withAllowedLateness(Duration.ZERO)));

      PAssert.that(panes).containsInAnyOrder(
          "k=[1, 2] global EARLY#0",
          "k=[1, 2, 3] global EARLY#1",
          "k=[1, 2, 3] global ON_TIME#2 last");
      p.run();
    }

    @Test
    void processingTimeThatHasNotReachedTheDelayFiresNothingEarly() {
      TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
          .addElements(TimestampedValue.of("1", new Instant(1000)))
          .advanceProcessingTime(Duration.standardMinutes(4))
          .addElements(TimestampedValue.of("2", new Instant(2000)))
          .advanceProcessingTime(Duration.standardMinutes(2))
          .addElements(TimestampedValue.of("3", new Instant(3000)))
          .advanceWatermarkToInfinity();

      PCollection<String> panes = groupAndDescribe(p.apply(stream)
          .apply(Window.<String>into(FixedWindows.of(Duration.standardMinutes(30)))
              .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(
                  AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.standardMinutes(5))))
              .discardingFiredPanes()
              .withAllowedLateness(Duration.ZERO)));

      PAssert.that(panes).containsInAnyOrder(
          "k=[1, 2] [0,1800000) EARLY#0",
          "k=[3] [0,1800000) ON_TIME#1 last");
      p.run();
    }
  }
}
