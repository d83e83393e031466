package dev.weir.runners.direct.streaming;

import dev.weir.runtime.graph.Step;
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
 * Executes a {@link TestStream} step by playing its events, one per call of {@link #playNext}, on
 * the driver thread: elements become one batch in the global window, a watermark event moves this
 * source's watermark, a processing-time event moves the run's manual clock.
 *
 * <p>The driver plays the next event only when the pipeline is quiescent (no work running or
 * ready), so each event's consequences are complete before the next one happens.
 *
 * @param <T> the element type
 */
final class TestStreamExecutor<T> extends StepExecutor {
  private final List<Event<T>> events;
  private int next;
  private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

  @SuppressWarnings("unchecked")
  TestStreamExecutor(Step step, Driver driver) {
    super(step, driver);
    this.events = ((TestStream<T>) step.transform()).getEvents();
  }

  @Override
  Instant sourceWatermark() {
    return watermark;
  }

  @Override
  void dispatchReady() {}

  /** Whether an event is left to play. */
  boolean hasNext() {
    return next < events.size();
  }

  /** Plays the next event. */
  void playNext() {
    Event<T> event = events.get(next++);
    switch (event.getType()) {
      case ELEMENT -> {
        List<WindowedValue<T>> elements = new ArrayList<>();
        for (TimestampedValue<T> element : ((ElementEvent<T>) event).getElements()) {
          elements.add(WindowedValue.timestampedValueInGlobalWindow(element.getValue(), element.getTimestamp()));
        }
        driver.emit(step.outputCollection(), Batch.of(elements));
      }
      case WATERMARK -> watermark = ((WatermarkEvent<T>) event).getWatermark();
      case PROCESSING_TIME -> driver.advanceProcessingTime(((ProcessingTimeEvent<T>) event).getProcessingTimeAdvance());
      default -> throw new IllegalStateException("Unknown TestStream event " + event);
    }
  }
}
