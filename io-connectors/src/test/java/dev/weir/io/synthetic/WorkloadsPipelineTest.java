package dev.weir.io.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.Filter;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.SerializableFunction;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.SlidingWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.List;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Workloads W0 to W3 of WORKLOADS.md on the test runner, over the generator read as a batch and
 * as a stream, give the rows and checksum of a plain loop over the spec ({@link SpecReference}).
 */
@ValidatesRunner
class WorkloadsPipelineTest {
  private static final long N = 100_000;
  /**
   * Event time reaches 2 s: every event is in six sliding windows, several of them before time 0,
   * and users with more than one event have sessions that merge.
   */
  private static final long SMALL_N = 20_000;
  /**
   * Enough events for event time to cross two window ends (25 s), so that a watermark running
   * ahead of the spec's would drop late events from closed windows and change the rows.
   */
  private static final long N_CROSSING_WINDOWS = 250_000;

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** W0: events with signal > 15, each hashed as the row (device, signal, ts). */
  private static PCollection<Long> w0(PCollection<Event> events) {
    return events
        .apply(Filter.by((Event e) -> e.signal() > 15))
        .apply(MapElements.into(TypeDescriptors.longs()).via((Event e) -> RowHash.of(e.device(), e.signal(), e.ts())));
  }

  /** W1: counts per device per fixed 10 s window, as rows "device,windowStart,count". */
  private static PCollection<String> w1(PCollection<Event> events) {
    return events
        .apply(Window.into(FixedWindows.of(Duration.standardSeconds(10))))
        .apply(MapElements.into(TypeDescriptors.strings()).via(Event::device))
        .apply(Count.perElement())
        .apply(ParDo.of(new W1RowFn()));
  }

  /** Writes a per-device count as the W1 row of the window it was counted in. */
  private static final class W1RowFn extends DoFn<KV<String, Long>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, Long> count, IntervalWindow window, OutputReceiver<String> out) {
      out.output(count.getKey() + "," + window.start().getMillis() + "," + count.getValue());
    }
  }

  /** Checks the row count and checksum of hashed rows against the reference's. */
  private static SerializableFunction<Iterable<Long>, Void> hasRowsAndChecksum(long rows, long checksum) {
    return hashes -> {
      Checksum actual = new Checksum();
      hashes.forEach(actual::add);
      assertEquals(rows, actual.rows(), "rows");
      assertEquals(checksum, actual.value(), "checksum");
      return null;
    };
  }

  @Test
  void w0OverABatchMatchesThePlainLoop() {
    List<Long> expected = SpecReference.w0RowHashes(N);
    PAssert.that(w0(p.apply(SyntheticEvents.bounded(N))))
        .satisfies(hasRowsAndChecksum(expected.size(), SpecReference.sum(expected)));
    p.run();
  }

  @Test
  void w1OverABatchMatchesThePlainLoop() {
    List<String> expected = SpecReference.w1Rows(N);
    PCollection<String> rows = w1(p.apply(SyntheticEvents.bounded(N)));
    PAssert.that(rows).containsInAnyOrder(expected);
    PAssert.that(rows.apply("HashRows", MapElements.into(TypeDescriptors.longs()).via(SpecReference::w1RowHash)))
        .satisfies(hasRowsAndChecksum(expected.size(), SpecReference.sum(
            expected.stream().map(SpecReference::w1RowHash).toList())));
    p.run();
  }

  @Test
  void w1OverAStreamMatchesThePlainLoopSinceNoEventIsLate() {
    List<String> expected = SpecReference.w1Rows(N_CROSSING_WINDOWS);
    PAssert.that(w1(p.apply(SyntheticEvents.unbounded().withMaxEvents(N_CROSSING_WINDOWS))))
        .containsInAnyOrder(expected);
    p.run();
  }

  @Test
  void w0OverAStreamMatchesThePlainLoop() {
    List<Long> expected = SpecReference.w0RowHashes(N);
    PAssert.that(w0(p.apply(SyntheticEvents.unbounded().withMaxEvents(N))))
        .satisfies(hasRowsAndChecksum(expected.size(), SpecReference.sum(expected)));
    p.run();
  }
  /** W2: sum of signal per device per sliding 60 s window every 10 s, as rows "device,windowStart,sum". */
  private static PCollection<String> w2(PCollection<Event> events) {
    return events
        .apply(Window.into(SlidingWindows.of(Duration.standardSeconds(60)).every(Duration.standardSeconds(10))))
        .apply(MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.integers()))
            .via((Event e) -> KV.of(e.device(), e.signal())))
        .apply(Sum.integersPerKey())
        .apply(ParDo.of(new WindowRowFn<Integer>(false)));
  }

  /** W3: events per session of a user (gap 5 s), as rows "user,sessionStart,sessionEnd,count". */
  private static PCollection<String> w3(PCollection<Event> events) {
    return events
        .apply(Window.into(Sessions.withGapDuration(Duration.standardSeconds(5))))
        .apply(MapElements.into(TypeDescriptors.strings()).via(Event::user))
        .apply(Count.perElement())
        .apply(ParDo.of(new WindowRowFn<Long>(true)));
  }

  /** Writes a per-key aggregate as "key,windowStart[,windowEnd],value". */
  private static final class WindowRowFn<V> extends DoFn<KV<String, V>, String> {
    private static final long serialVersionUID = 1L;
    private final boolean withEnd;

    WindowRowFn(boolean withEnd) {
      this.withEnd = withEnd;
    }

    @ProcessElement
    public void processElement(@Element KV<String, V> kv, IntervalWindow window, OutputReceiver<String> out) {
      out.output(kv.getKey() + "," + window.start().getMillis() + (withEnd ? "," + window.end().getMillis() : "")
          + "," + kv.getValue());
    }
  }

  /** Checks rows and their checksum against the reference's rows. */
  private static void assertRowsAndChecksum(PCollection<String> rows, List<String> expected) {
    PAssert.that(rows).containsInAnyOrder(expected);
    PAssert.that(rows.apply("HashRows", MapElements.into(TypeDescriptors.longs()).via(SpecReference::rowHashOf)))
        .satisfies(hasRowsAndChecksum(expected.size(), SpecReference.sum(
            expected.stream().map(SpecReference::rowHashOf).toList())));
  }

  @Test
  void w2OverABatchMatchesThePlainLoop() {
    assertRowsAndChecksum(w2(p.apply(SyntheticEvents.bounded(SMALL_N))), SpecReference.w2Rows(SMALL_N));
    p.run();
  }

  @Test
  void w3OverABatchMatchesThePlainLoop() {
    assertRowsAndChecksum(w3(p.apply(SyntheticEvents.bounded(SMALL_N))), SpecReference.w3Rows(SMALL_N));
    p.run();
  }

  @Test
  void w3OverAStreamMatchesThePlainLoop() {
    assertRowsAndChecksum(w3(p.apply(SyntheticEvents.unbounded().withMaxEvents(SMALL_N))),
        SpecReference.w3Rows(SMALL_N));
    p.run();
  }
}
