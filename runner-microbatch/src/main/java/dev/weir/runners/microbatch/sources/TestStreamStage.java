package dev.weir.runners.microbatch.sources;

import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runners.microbatch.durability.SourceOffset;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.timers.ManualClock;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.TestStream.ElementEvent;
import dev.weir.sdk.testing.TestStream.Event;
import dev.weir.sdk.testing.TestStream.ProcessingTimeEvent;
import dev.weir.sdk.testing.TestStream.WatermarkEvent;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.TimestampedValue;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * Runs a {@link TestStream} step: every event is one batch boundary. Planning a batch plays one
 * event: elements become the batch's records (in the global window), a watermark event sets the
 * watermark the batch runs under, a processing-time event moves the run's manual clock before the
 * batch. Its position is the index of the next event.
 *
 * @param <T> the element type
 */
public final class TestStreamStage<T> extends SourceStage<T> {
  private final List<Event<T>> events;
  private final ManualClock clock;
  private int next;
  private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

  @SuppressWarnings("unchecked")
  public TestStreamStage(Step step, StageContext context, ManualClock clock) {
    super(step, context);
    this.events = ((TestStream<T>) step.transform()).getEvents();
    this.clock = clock;
  }

  /** Whether an event is left to play. */
  public boolean hasNext() {
    return next < events.size();
  }

  /** Plays the next event; {@code maxRecords} does not apply, an event being one batch. */
  @Override
  public SourceOffset plan(long maxRecords) {
    int start = next;
    List<WindowedValue<T>> read = hasNext() ? play(events.get(next++), true) : List.of();
    keep(read, watermark);
    return new SourceOffset(step.fullName(), encodeLong(start), encodeLong(next), read.size(), watermark, watermark);
  }

  /** Plans a batch in which this stream plays no event, because another stream plays. */
  public SourceOffset idle() {
    keep(List.of(), watermark);
    return new SourceOffset(step.fullName(), encodeLong(next), encodeLong(next), 0, watermark, watermark);
  }

  @Override
  public void replay(SourceOffset offset) {
    next = (int) decodeLong("event index of " + step.fullName(), offset.start());
    int end = (int) decodeLong("event index of " + step.fullName(), offset.end());
    List<WindowedValue<T>> read = new ArrayList<>();
    while (next < end) {
      // The batch's processing time comes from the offset log, so the clock is not moved again.
      read.addAll(play(events.get(next++), false));
    }
    watermark = offset.nextWatermark();
    keep(read, offset.watermark());
  }

  @Override
  public void resumeAfter(SourceOffset offset) {
    keep(List.of(), offset.watermark());
    next = (int) decodeLong("event index of " + step.fullName(), offset.end());
    watermark = offset.nextWatermark();
  }

  private List<WindowedValue<T>> play(Event<T> event, boolean moveClock) {
    List<WindowedValue<T>> read = new ArrayList<>();
    switch (event.getType()) {
      case ELEMENT -> {
        for (TimestampedValue<T> element : ((ElementEvent<T>) event).getElements()) {
          read.add(WindowedValue.timestampedValueInGlobalWindow(element.getValue(), element.getTimestamp()));
        }
      }
      case WATERMARK -> watermark = ((WatermarkEvent<T>) event).getWatermark();
      case PROCESSING_TIME -> {
        if (moveClock) {
          clock.advance(((ProcessingTimeEvent<T>) event).getProcessingTimeAdvance());
        }
      }
      default -> throw new IllegalStateException("Unknown TestStream event " + event);
    }
    return read;
  }

  @Override
  public Instant upcomingWatermark() {
    return watermark;
  }

  @Override
  public boolean isExhausted() {
    return !hasNext();
  }
}
