package dev.weir.examples.bench;

import dev.weir.io.synthetic.Event;
import dev.weir.io.synthetic.RowHash;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.Filter;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptor;
import dev.weir.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * The latency workloads of {@code WORKLOADS.md}: the pipelines of W0 and W1, whose rows carry, besides
 * their hash, the index of the event their latency counts from.
 */
public enum LatencyWorkload {
  /** W0 at a rate: each row's latency counts from the event it came from. */
  L0(Workload.W0) {
    @Override
    PCollection<LatencyRow> rows(PCollection<Event> events) {
      return events
          .apply("SignalAbove15", Filter.by((Event e) -> e.signal() > 15))
          .apply("Rows", MapElements.into(TypeDescriptor.of(LatencyRow.class))
              .via((Event e) -> new LatencyRow(e.index(), RowHash.of(e.device(), e.signal(), e.ts()),
                  LatencyRow.NO_WINDOW)))
          .setCoder(LatencyRow.RowCoder.of());
    }
  },
  /**
   * W1 at a rate: a window's rows count from event {@code (windowEnd + 2048) * 10}, the first whose
   * arrival moves the watermark past the window's end.
   */
  L1(Workload.W1) {
    @Override
    PCollection<LatencyRow> rows(PCollection<Event> events) {
      return events
          .apply("FixedWindows10s", Window.into(FixedWindows.of(Duration.standardSeconds(10))))
          .apply("Device", MapElements.into(TypeDescriptors.strings()).via(Event::device))
          .apply("CountPerDevice", Count.perElement())
          .apply("Rows", ParDo.of(new WindowRowFn()))
          .setCoder(LatencyRow.RowCoder.of());
    }
  };

  private final Workload throughputWorkload;

  LatencyWorkload(Workload throughputWorkload) {
    this.throughputWorkload = throughputWorkload;
  }

  /** The throughput workload this one runs at a rate; a finished run has its rows and checksum. */
  public String throughputWorkload() {
    return throughputWorkload.name();
  }

  Workload workload() {
    return throughputWorkload;
  }

  abstract PCollection<LatencyRow> rows(PCollection<Event> events);

  /** The row {@code (device, windowStart, count)} of a window, due from the event that closes it. */
  private static final class WindowRowFn extends DoFn<KV<String, Long>, LatencyRow> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, Long> count, IntervalWindow window,
        OutputReceiver<LatencyRow> out) {
      long end = window.end().getMillis();
      out.output(new LatencyRow((end + 2048) * 10,
          RowHash.of(count.getKey(), window.start().getMillis(), count.getValue()), end));
    }
  }
}
