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
import dev.weir.sdk.testing.TestStream.ElementEvent;
import dev.weir.sdk.testing.TestStream.Event;
import dev.weir.sdk.testing.TestStream.EventType;
import dev.weir.sdk.testing.TestStream.ProcessingTimeEvent;
import dev.weir.sdk.testing.TestStream.WatermarkEvent;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
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
import org.junit.jupiter.api.Test;

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
}
