package dev.weir.examples.bench;

import dev.weir.io.synthetic.Event;
import dev.weir.io.synthetic.RowHash;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.Filter;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.SlidingWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * The throughput workloads W0 to W3 of {@code WORKLOADS.md}, each as the pipeline that turns the
 * generator's events into the hashes of its output rows ({@link RowHash}), one hash per row.
 *
 * <p>Every returned collection is in the global window, ready for one global combine of the
 * checksum. The windowed workloads use the default trigger, so each window yields its row once.
 */
enum Workload {
  /** Filter and project: events with {@code signal > 15}, as rows {@code (device, signal, ts)}. */
  W0(10_000_000L) {
    @Override
    PCollection<Long> rowHashes(PCollection<Event> events) {
      return events
          .apply("SignalAbove15", Filter.by((Event e) -> e.signal() > 15))
          .apply("HashRows", MapElements.into(TypeDescriptors.longs())
              .via((Event e) -> RowHash.of(e.device(), e.signal(), e.ts())));
    }
  },
  /** Windowed count: events per device per fixed 10 s window, as rows {@code (device, windowStart, count)}. */
  W1(10_000_000L) {
    @Override
    PCollection<Long> rowHashes(PCollection<Event> events) {
      return events
          .apply("FixedWindows10s", Window.into(FixedWindows.of(Duration.standardSeconds(10))))
          .apply("Device", MapElements.into(TypeDescriptors.strings()).via(Event::device))
          .apply("CountPerDevice", Count.perElement())
          .apply("HashRows", ParDo.of(new WindowStartRowFn<Long>()));
    }
  },
  /** Sliding sum: signal summed per device per 60 s window every 10 s, as rows {@code (device, windowStart, sum)}. */
  W2(10_000_000L) {
    @Override
    PCollection<Long> rowHashes(PCollection<Event> events) {
      return events
          .apply("SlidingWindows60sEvery10s", Window.into(
              SlidingWindows.of(Duration.standardSeconds(60)).every(Duration.standardSeconds(10))))
          .apply("DeviceSignal", MapElements
              .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.integers()))
              .via((Event e) -> KV.of(e.device(), e.signal())))
          .apply("SumPerDevice", Sum.integersPerKey())
          .apply("HashRows", ParDo.of(new WindowStartRowFn<Integer>()));
    }
  },
  /** Sessions: events per user session (5 s gap), as rows {@code (user, sessionStart, sessionEnd, count)}. */
  W3(2_000_000L) {
    @Override
    PCollection<Long> rowHashes(PCollection<Event> events) {
      return events
          .apply("Sessions5s", Window.into(Sessions.withGapDuration(Duration.standardSeconds(5))))
          .apply("User", MapElements.into(TypeDescriptors.strings()).via(Event::user))
          .apply("CountPerSession", Count.perElement())
          .apply("HashRows", ParDo.of(new SessionRowFn()));
    }
  };

  private final long defaultEvents;

  Workload(long defaultEvents) {
    this.defaultEvents = defaultEvents;
  }

  /** The spec's default number of events for this workload. */
  long defaultEvents() {
    return defaultEvents;
  }

  /** The workload's pipeline, less its final checksum: the rows' hashes, windowed (after grouping) globally. */
  final PCollection<Long> rows(PCollection<Event> events) {
    return rowHashes(events).apply("GlobalWindow", Window.<Long>into(new GlobalWindows()));
  }

  abstract PCollection<Long> rowHashes(PCollection<Event> events);

  /** Hashes a per-key aggregate as the row {@code (key, windowStart, value)} of its window. */
  private static final class WindowStartRowFn<V extends Number> extends DoFn<KV<String, V>, Long> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, V> aggregate, IntervalWindow window,
        OutputReceiver<Long> out) {
      out.output(RowHash.of(aggregate.getKey(), window.start().getMillis(), aggregate.getValue().longValue()));
    }
  }

  /** Hashes a per-user session count as the row {@code (user, sessionStart, sessionEnd, count)}. */
  private static final class SessionRowFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, Long> count, IntervalWindow window, OutputReceiver<Long> out) {
      out.output(RowHash.of(count.getKey(), window.start().getMillis(), window.end().getMillis(), count.getValue()));
    }
  }
}
