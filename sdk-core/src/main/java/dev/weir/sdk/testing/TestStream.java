package dev.weir.sdk.testing;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * A scripted unbounded input for tests: a sequence of events (elements arriving, the watermark
 * advancing, processing time advancing) that a runner plays in order, letting the pipeline finish
 * all the work each event causes before it plays the next. That makes results deterministic:
 * which elements are late, which panes fire early, and when processing-time triggers and timers
 * fire.
 *
 * <pre>{@code
 * TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
 *     .addElements(TimestampedValue.of("a", new Instant(1)))
 *     .advanceWatermarkTo(new Instant(10))
 *     .addElements(TimestampedValue.of("late", new Instant(2)))
 *     .advanceProcessingTime(Duration.standardMinutes(1))
 *     .advanceWatermarkToInfinity();
 * }</pre>
 *
 * <p>Elements are in the global window. The watermark starts at
 * {@link BoundedWindow#TIMESTAMP_MIN_VALUE}, never goes back, and reaches the end of time only with
 * {@link Builder#advanceWatermarkToInfinity()}, which ends the script; elements behind the
 * watermark are allowed, as late data. Processing time is a clock the runner owns while a
 * {@code TestStream} runs: it moves only with {@link Builder#advanceProcessingTime}. A runner that
 * cannot run a {@code TestStream} must reject the pipeline.
 *
 * <p>Immutable and serializable: the events are kept encoded with the element coder, so the
 * elements need not be {@code Serializable}.
 *
 * @param <T> the element type
 */
public final class TestStream<T> extends PTransform<PBegin, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private final Coder<T> coder;
  private final byte[] encodedEvents;
  private transient List<Event<T>> events;

  private TestStream(Coder<T> coder, List<Event<T>> events) {
    this.coder = coder;
    this.events = List.copyOf(events);
    this.encodedEvents = encode(coder, this.events);
  }

  /** A builder of a stream of elements encoded with {@code coder}, with no events yet. */
  public static <T> Builder<T> create(Coder<T> coder) {
    return new Builder<>(Objects.requireNonNull(coder, "coder"), List.of(), BoundedWindow.TIMESTAMP_MIN_VALUE);
  }

  /** The coder of the elements. */
  public Coder<T> getValueCoder() {
    return coder;
  }

  /** A coder of this stream's events. */
  public Coder<Event<T>> getEventCoder() {
    return new TestStreamEventCoder<>(coder);
  }

  /** The events, in the order runners play them; the last one advances the watermark to infinity. */
  public List<Event<T>> getEvents() {
    if (events == null) {
      try {
        events = List.copyOf(CoderUtils.decodeFromByteArray(ListCoder.of(getEventCoder()), encodedEvents));
      } catch (CoderException e) {
        throw new IllegalStateException("The events of " + this + " no longer decode with " + coder, e);
      }
    }
    return events;
  }

  @Override
  public PCollection<T> expand(PBegin input) {
    return PCollection.createPrimitiveOutputInternal(
        input.getPipeline(), WindowingStrategy.globalDefault(), PCollection.IsBounded.UNBOUNDED, coder);
  }

  private static <T> byte[] encode(Coder<T> coder, List<Event<T>> events) {
    try {
      return CoderUtils.encodeToByteArray(ListCoder.of(new TestStreamEventCoder<>(coder)), events);
    } catch (CoderException e) {
      throw new IllegalArgumentException(
          "TestStream: an element could not be encoded with " + coder + ": " + e.getMessage()
              + ". Fix: pass TestStream.create the coder of the elements you add.", e);
    }
  }

  /**
   * Builds a {@link TestStream} one event at a time. Immutable: each method returns a new builder
   * with one more event, so a builder can be shared as a common prefix of several streams.
   *
   * @param <T> the element type
   */
  public static final class Builder<T> {
    private final Coder<T> coder;
    private final List<Event<T>> events;
    private final Instant currentWatermark;

    private Builder(Coder<T> coder, List<Event<T>> events, Instant currentWatermark) {
      this.coder = coder;
      this.events = events;
      this.currentWatermark = currentWatermark;
    }

    /** Adds elements that arrive together, each timestamped with the current watermark. */
    @SafeVarargs
    public final Builder<T> addElements(T element, T... elements) {
      List<TimestampedValue<T>> timestamped = new ArrayList<>();
      timestamped.add(TimestampedValue.of(element, currentWatermark));
      for (T value : elements) {
        timestamped.add(TimestampedValue.of(value, currentWatermark));
      }
      return addAll(timestamped);
    }

    /**
     * Adds elements that arrive together, at their own timestamps, which may be behind the
     * watermark (late data).
     *
     * @throws IllegalArgumentException if a timestamp is not before the end of time
     */
    @SafeVarargs
    public final Builder<T> addElements(TimestampedValue<T> element, TimestampedValue<T>... elements) {
      List<TimestampedValue<T>> timestamped = new ArrayList<>();
      timestamped.add(element);
      timestamped.addAll(List.of(elements));
      return addAll(timestamped);
    }

    private Builder<T> addAll(List<TimestampedValue<T>> elements) {
      for (TimestampedValue<T> element : elements) {
        Objects.requireNonNull(element, "TestStream.addElements: a TimestampedValue is null");
        checkArgument(element.getTimestamp().isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE),
            "TestStream.addElements: element %s has timestamp %s, but elements must be before the end of time %s."
                + " Fix: give it an earlier timestamp.",
            element.getValue(), element.getTimestamp(), BoundedWindow.TIMESTAMP_MAX_VALUE);
        checkArgument(!element.getTimestamp().isBefore(BoundedWindow.TIMESTAMP_MIN_VALUE),
            "TestStream.addElements: element %s has timestamp %s, before the beginning of time %s.",
            element.getValue(), element.getTimestamp(), BoundedWindow.TIMESTAMP_MIN_VALUE);
      }
      return with(ElementEvent.add(elements), currentWatermark);
    }

    /**
     * Advances the watermark to {@code newWatermark}: the promise that no more on-time element
     * earlier than it will arrive.
     *
     * @throws IllegalArgumentException if {@code newWatermark} is before the current watermark, or
     *     at or after the end of time (use {@link #advanceWatermarkToInfinity()})
     */
    public Builder<T> advanceWatermarkTo(Instant newWatermark) {
      Objects.requireNonNull(newWatermark, "newWatermark");
      checkArgument(!newWatermark.isBefore(currentWatermark),
          "TestStream.advanceWatermarkTo(%s): the watermark must not go back, and it is already at %s."
              + " Fix: advance it to %s or later.",
          newWatermark, currentWatermark, currentWatermark);
      checkArgument(newWatermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE),
          "TestStream.advanceWatermarkTo(%s): the watermark must stay before the end of time %s."
              + " Fix: end the stream with advanceWatermarkToInfinity().",
          newWatermark, BoundedWindow.TIMESTAMP_MAX_VALUE);
      return with(WatermarkEvent.advanceTo(newWatermark), newWatermark);
    }

    /**
     * Advances processing time by {@code amount}.
     *
     * @throws IllegalArgumentException if {@code amount} is not positive
     */
    public Builder<T> advanceProcessingTime(Duration amount) {
      Objects.requireNonNull(amount, "amount");
      checkArgument(amount.getMillis() > 0,
          "TestStream.advanceProcessingTime(%s): processing time must advance by a positive amount.", amount);
      return with(ProcessingTimeEvent.advanceBy(amount), currentWatermark);
    }

    /** Advances the watermark to the end of time, which ends the stream, and builds it. */
    public TestStream<T> advanceWatermarkToInfinity() {
      List<Event<T>> all = new ArrayList<>(events);
      all.add(WatermarkEvent.advanceTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
      return new TestStream<>(coder, all);
    }

    private Builder<T> with(Event<T> event, Instant watermark) {
      List<Event<T>> all = new ArrayList<>(events);
      all.add(event);
      return new Builder<>(coder, List.copyOf(all), watermark);
    }
  }

  /** The kinds of {@link Event}. */
  public enum EventType {
    /** Elements arrive: an {@link ElementEvent}. */
    ELEMENT,
    /** The watermark advances: a {@link WatermarkEvent}. */
    WATERMARK,
    /** Processing time advances: a {@link ProcessingTimeEvent}. */
    PROCESSING_TIME
  }

  /**
   * One step of a {@link TestStream}'s script. Implementations are immutable values.
   *
   * @param <T> the element type
   */
  public interface Event<T> {
    /** Which kind of event this is. */
    EventType getType();
  }

  /**
   * Elements that arrive together, in one bundle.
   *
   * @param <T> the element type
   */
  public static final class ElementEvent<T> implements Event<T> {
    private final List<TimestampedValue<T>> elements;

    private ElementEvent(List<TimestampedValue<T>> elements) {
      this.elements = List.copyOf(elements);
    }

    static <T> ElementEvent<T> add(List<TimestampedValue<T>> elements) {
      return new ElementEvent<>(elements);
    }

    @Override
    public EventType getType() {
      return EventType.ELEMENT;
    }

    /** The elements with their timestamps, in the order added. */
    public List<TimestampedValue<T>> getElements() {
      return elements;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ElementEvent<?> other && elements.equals(other.elements);
    }

    @Override
    public int hashCode() {
      return elements.hashCode();
    }

    @Override
    public String toString() {
      return "ElementEvent" + elements;
    }
  }

  /**
   * The watermark advancing.
   *
   * @param <T> the element type
   */
  public static final class WatermarkEvent<T> implements Event<T> {
    private final Instant watermark;

    private WatermarkEvent(Instant watermark) {
      this.watermark = watermark;
    }

    static <T> WatermarkEvent<T> advanceTo(Instant watermark) {
      return new WatermarkEvent<>(watermark);
    }

    @Override
    public EventType getType() {
      return EventType.WATERMARK;
    }

    /** The new watermark. */
    public Instant getWatermark() {
      return watermark;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof WatermarkEvent<?> other && watermark.equals(other.watermark);
    }

    @Override
    public int hashCode() {
      return watermark.hashCode();
    }

    @Override
    public String toString() {
      return "WatermarkEvent{" + watermark + "}";
    }
  }

  /**
   * Processing time advancing.
   *
   * @param <T> the element type
   */
  public static final class ProcessingTimeEvent<T> implements Event<T> {
    private final Duration advance;

    private ProcessingTimeEvent(Duration advance) {
      this.advance = advance;
    }

    static <T> ProcessingTimeEvent<T> advanceBy(Duration advance) {
      return new ProcessingTimeEvent<>(advance);
    }

    @Override
    public EventType getType() {
      return EventType.PROCESSING_TIME;
    }

    /** How far processing time advances. */
    public Duration getProcessingTimeAdvance() {
      return advance;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ProcessingTimeEvent<?> other && advance.equals(other.advance);
    }

    @Override
    public int hashCode() {
      return advance.hashCode();
    }

    @Override
    public String toString() {
      return "ProcessingTimeEvent{" + advance + "}";
    }
  }
}
