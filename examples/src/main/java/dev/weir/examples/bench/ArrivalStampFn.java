package dev.weir.examples.bench;

import dev.weir.io.synthetic.Event;
import dev.weir.sdk.transforms.DoFn;

/**
 * Passes events on unchanged, telling the run's {@link LatencyRecorder} when each reached the
 * pipeline: the first step after the generator, from which the generator's start, its lag behind
 * schedule and its watermark over time are known.
 */
final class ArrivalStampFn extends DoFn<Event, Event> {
  private static final long serialVersionUID = 1L;

  private final String runId;
  private transient LatencyRecorder recorder;

  ArrivalStampFn(String runId) {
    this.runId = runId;
  }

  @Setup
  public void setup() {
    recorder = LatencyRecorder.forRun(runId);
  }

  @ProcessElement
  public void processElement(@Element Event event, OutputReceiver<Event> out) {
    recorder.eventArrived(event.index(), event.ts(), MeasuringSink.nowMicros());
    out.output(event);
  }
}
