package dev.weir.runners.direct;

import static dev.weir.runners.direct.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runners.direct.Collected.Record;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.GenerateSequence;
import dev.weir.sdk.io.ListUnboundedSource;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The direct runner's execution of unbounded pipelines, by watermarks. */
class StreamingExecutionTest {

  @Test
  void playsATestStreamThroughStatelessSteps() {
    Pipeline p = pipeline();
    PCollection<String> upper = p
        .apply(TestStream.create(StringUtf8Coder.of())
            .addElements(TimestampedValue.of("a", new Instant(1)))
            .advanceWatermarkTo(new Instant(10))
            .addElements(TimestampedValue.of("b", new Instant(12)))
            .advanceWatermarkToInfinity())
        .apply(Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(ParDo.of(new Upper()));
    Collected<String> collected = Collected.of(upper);

    PipelineResult result = p.run();

    assertThat(result.getState(), equalTo(PipelineResult.State.DONE));
    assertThat(collected.records().stream().map(Record::value).toList(), containsInAnyOrder("A", "B"));
    assertThat(collected.records().stream().map(r -> r.window()).toList(), containsInAnyOrder(
        new IntervalWindow(new Instant(0), new Instant(10)), new IntervalWindow(new Instant(10), new Instant(20))));
  }

  @Test
  void readsAnUnboundedSourceUntilItsWatermarkReachesTheEndOfTime() {
    Pipeline p = pipeline("--targetParallelism=2");
    ListUnboundedSource<String> source = ListUnboundedSource.of(StringUtf8Coder.of(),
        TimestampedValue.of("x", new Instant(5)), TimestampedValue.of("y", new Instant(6)),
        TimestampedValue.of("z", new Instant(7))).withPauses(2);
    Collected<String> collected = Collected.of(p.apply(Read.from(source)));

    p.run();

    assertThat(collected.records().stream().map(r -> TimestampedValue.of(r.value(), r.timestamp())).toList(),
        containsInAnyOrder(TimestampedValue.of("x", new Instant(5)), TimestampedValue.of("y", new Instant(6)),
            TimestampedValue.of("z", new Instant(7))));
  }

  @Test
  @Timeout(60)
  void cancelStopsAnEndlessSequence() {
    Pipeline p = pipeline("--blockOnRun=false");
    AtomicLong seen = Counting.register();
    p.apply(GenerateSequence.from(0).withRate(1000, Duration.standardSeconds(1)))
        .apply(ParDo.of(new Counting(Counting.id(seen))));

    PipelineResult result = p.run();
    while (seen.get() < 5 && result.getState() == PipelineResult.State.RUNNING) {
      Thread.onSpinWait();
    }
    PipelineResult.State state = result.cancel();

    assertThat(state, equalTo(PipelineResult.State.CANCELLED));
    assertThat(result.waitUntilFinish(), equalTo(PipelineResult.State.CANCELLED));
    assertThat(seen.get(), greaterThan(4L));
  }

  @Test
  void aFailureOnAStreamFailsTheRunNamingTheTransform() {
    Pipeline p = pipeline();
    p.apply(TestStream.create(StringUtf8Coder.of()).addElements("boom").advanceWatermarkToInfinity())
        .apply("Explode", ParDo.of(new FailingFn()));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(e.getMessage(), containsString("Transform 'Explode/ParMultiDo(FailingFn)' failed"));
    assertThat(e.getCause().getMessage(), equalTo("cannot process boom"));
  }

  @Test
  void finalizesEachPartsCheckpointOnceItsRecordsAreCommitted() {
    Pipeline p = pipeline("--targetParallelism=1");
    ListUnboundedSource<String> source = ListUnboundedSource.of(StringUtf8Coder.of(),
        TimestampedValue.of("x", new Instant(5)), TimestampedValue.of("y", new Instant(6)));
    p.apply(Read.from(source));

    p.run();

    // One reader per record (the source splits into at most one part per record), each finalized at its end.
    assertThat(source.finalizedMarks(), containsInAnyOrder(1, 1));
  }

  @Test
  void resumesReadersFromTheirEncodedCheckpointsWithoutLosingOrRepeatingRecords() {
    Pipeline p = pipeline("--targetParallelism=1");
    List<TimestampedValue<String>> records = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      records.add(TimestampedValue.of("r" + i, new Instant(i)));
    }
    // With a pause after each record, every round reads one record: each part reads some 120 rounds.
    ListUnboundedSource<String> source = ListUnboundedSource.of(StringUtf8Coder.of(), records).withPauses(1);
    Collected<String> collected = Collected.of(p.apply(Read.from(source)));

    p.run();

    assertThat(collected.values(), containsInAnyOrder(records.stream().map(TimestampedValue::getValue).toArray()));
  }

  @Test
  void aSourceWhoseCheckpointsDoNotRestoreFailsTheRunSayingSo() {
    Pipeline p = pipeline("--targetParallelism=1");
    List<TimestampedValue<String>> records = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      records.add(TimestampedValue.of("r" + i, new Instant(i)));
    }
    p.apply("Read", Read.from(ListUnboundedSource.of(StringUtf8Coder.of(), records)
        .withPauses(1).withUndecodableCheckpointMarks()));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(e.getMessage(), containsString("Transform 'Read' failed"));
    assertThat(e.getMessage(), containsString("does not survive a round trip through the source's checkpoint mark coder"));
  }

  @Test
  @Timeout(60)
  void processingTimeTriggersFireOnTheSystemClockOfAnEndlessRun() {
    Pipeline p = pipeline("--blockOnRun=false");
    AtomicLong panes = Counting.register();
    p.apply(GenerateSequence.from(0).withRate(500, Duration.standardSeconds(1)))
        .apply(Window.<Long>into(new GlobalWindows())
            .triggering(Repeatedly.forever(
                AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.millis(20))))
            .discardingFiredPanes())
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(ParDo.of(new CountPanes(Counting.id(panes))));

    PipelineResult result = p.run();
    while (panes.get() < 3 && result.getState() == PipelineResult.State.RUNNING) {
      Thread.onSpinWait();
    }
    result.cancel();

    assertThat(result.waitUntilFinish(), equalTo(PipelineResult.State.CANCELLED));
    assertThat(panes.get(), greaterThan(2L));
  }

  /** Fails on every element. */
  static final class FailingFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element) {
      throw new IllegalStateException("cannot process " + element);
    }
  }

  /** Counts the early panes it sees in a static counter, found by id. */
  static final class CountPanes extends DoFn<KV<String, Iterable<Long>>, Void> {
    private static final long serialVersionUID = 1L;
    private final String id;

    CountPanes(String id) {
      this.id = id;
    }

    @ProcessElement
    public void process(PaneInfo pane) {
      if (pane.getTiming() == PaneInfo.Timing.EARLY) {
        Counting.COUNTERS.get(id).incrementAndGet();
      }
    }
  }

  static final class Upper extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String s, OutputReceiver<String> out) {
      out.output(s.toUpperCase(Locale.ROOT));
    }
  }

  /** Counts the elements it sees in a static counter, found by id. */
  static final class Counting extends DoFn<Long, Void> {
    private static final long serialVersionUID = 1L;
    static final Map<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();
    private final String id;

    Counting(String id) {
      this.id = id;
    }

    static AtomicLong register() {
      AtomicLong counter = new AtomicLong();
      COUNTERS.put(UUID.randomUUID().toString(), counter);
      return counter;
    }

    static String id(AtomicLong counter) {
      return COUNTERS.entrySet().stream().filter(e -> e.getValue() == counter).findFirst().orElseThrow().getKey();
    }

    @ProcessElement
    public void process(@Element Long n) {
      COUNTERS.get(id).incrementAndGet();
    }
  }
}
