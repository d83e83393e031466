package dev.weir.runners.continuous;

import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.TestStream.ElementEvent;
import dev.weir.sdk.testing.TestStream.Event;
import dev.weir.sdk.testing.TestStream.ProcessingTimeEvent;
import dev.weir.sdk.testing.TestStream.WatermarkEvent;
import dev.weir.sdk.values.TimestampedValue;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.joda.time.Instant;

/**
 * The one subtask of a {@link TestStream}: plays its events in order, each only once the job is
 * quiescent (every message sent has been processed, every bounded source read), so that each
 * event's consequences are complete before the next one, as in Beam. An event's elements go
 * through the chain in the global window and reach each downstream subtask together, in one buffer; a watermark event sends the watermark downstream; a processing-time
 * event moves the job's manual clock and ticks every keyed subtask, whose timers then fire.
 *
 * <p>Several TestStreams play one after the other, in the order they were applied: each waits for
 * the previous one's latch.
 */
final class TestStreamTask extends Subtask {
  private final List<Event<Object>> events;
  private final CountDownLatch previous;
  private final CountDownLatch finished;

  @SuppressWarnings("unchecked")
  TestStreamTask(Job job, Stage stage, CountDownLatch previous, CountDownLatch finished) {
    super(job, stage, 0);
    this.events = ((TestStream<Object>) stage.head.transform()).getEvents();
    this.previous = previous;
    this.finished = finished;
  }

  @Override
  void body() throws Exception {
    try {
      Receiver output = chain.receiverFor(stage.head.outputCollection());
      chain.buildAll(List.of(stage.head.outputCollection()));
      if (previous != null) {
        previous.await();
      }
      int first = 0;
      if (restoredFinished()) {
        first = events.size();
      } else if (restoredState() != null) {
        first = (int) StateSections.decodeLong(restoredState().get(1));
        job.manualClock().set(new Instant(StateSections.decodeLong(restoredState().get(2))));
      }
      for (int i = first; i < events.size(); i++) {
        job.awaitQuiescence();
        long barrier = barrierDue();
        if (barrier != 0) {
          long played = i;
          takeCheckpoint(barrier, () -> StateSections.running().addLong(played)
              .addLong(job.manualClock().now().getMillis()).build(), null);
          // Records other sources sent after the barrier were set aside until it came; they go first.
          job.awaitQuiescence();
        }
        play(events.get(i), output);
      }
      job.awaitQuiescence();
      endOfInput();
    } finally {
      finished.countDown();
    }
  }

  private void play(Event<Object> event, Receiver output) {
    switch (event.getType()) {
      case ELEMENT -> {
        // An event's elements arrive together, whatever the buffer size and timeout.
        chain.hold(true);
        for (TimestampedValue<Object> element : ((ElementEvent<Object>) event).getElements()) {
          Handoff.to(output, WindowedValue.timestampedValueInGlobalWindow(element.getValue(), element.getTimestamp()));
          stats.recordsIn.incrementAndGet();
        }
        chain.finishBundles();
        chain.hold(false);
        chain.shipAll();
      }
      case WATERMARK -> emitWatermark(((WatermarkEvent<Object>) event).getWatermark());
      case PROCESSING_TIME -> {
        job.manualClock().advance(((ProcessingTimeEvent<Object>) event).getProcessingTimeAdvance());
        for (Stage other : job.plan().stages) {
          if (!other.kind.isSource()) {
            for (int i = 0; i < other.parallelism; i++) {
              job.send(other, i, new Message.Tick());
            }
          }
        }
      }
      default -> throw new IllegalStateException("Unknown TestStream event " + event);
    }
  }
}
