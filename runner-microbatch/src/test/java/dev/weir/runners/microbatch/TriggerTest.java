package dev.weir.runners.microbatch;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.GenerateSequence;
import dev.weir.sdk.io.ListUnboundedSource;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.io.TransactionalWrite;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.TypeDescriptors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How batches are cut: by --trigger, --maxRecordsPerBatch and TestStream events. */
class TriggerTest {

  @Test
  void onceReadsEverythingInOneBatchThenRunsTheBatchItsWatermarkNeeds() {
    String sink = UUID.randomUUID().toString();
    MicroBatchPipelineResult result = countLetters(sink, "--trigger=once", "--maxRecordsPerBatch=2");

    assertThat(rowsPerBatch(result), contains(6L, 0L));
    assertThat(BatchSink.elements(sink), containsInAnyOrder("a=3", "b=2", "c=1"));
  }

  @Test
  void maxRecordsPerBatchCutsABoundedInputIntoSeveralBatches() {
    String sink = UUID.randomUUID().toString();
    MicroBatchPipelineResult result = countLetters(sink, "--maxRecordsPerBatch=4");

    assertThat(rowsPerBatch(result), contains(4L, 2L, 0L));
    assertThat(BatchSink.elements(sink), containsInAnyOrder("a=3", "b=2", "c=1"));
  }

  @Test
  void backToBackBatchesReadAtMostTwoHundredThousandRecordsByDefaultWhileAGroupingKeepsEveryValue() {
    Pipeline p = pipeline();
    keyedNumbers(p, 250_000).apply(GroupByKey.create());

    MicroBatchPipelineResult result = (MicroBatchPipelineResult) p.run();

    assertThat(rowsPerBatch(result), contains(200_000L, 50_000L, 0L));
  }

  @Test
  void backToBackBatchesReadUpToAMillionRecordsByDefaultWhenEveryGroupingCombinesBeforeItsShuffle() {
    Pipeline p = pipeline();
    keyedNumbers(p, 1_250_000).apply(Count.perKey());

    MicroBatchPipelineResult result = (MicroBatchPipelineResult) p.run();

    assertThat(rowsPerBatch(result), contains(1_000_000L, 250_000L, 0L));
  }

  @Test
  void aGroupingThatKeepsEveryValueAfterACombineDoesNotMakeBatchesSmaller() {
    Pipeline p = pipeline();
    keyedNumbers(p, 1_250_000).apply(Count.perKey()).apply(GroupByKey.create());

    MicroBatchPipelineResult result = (MicroBatchPipelineResult) p.run();

    assertThat(rowsPerBatch(result), contains(1_000_000L, 250_000L, 0L));
  }

  @Test
  void pacedBatchesReadEverythingThatArrivedUpToAMillionByDefault() {
    MicroBatchPipelineResult result = countNumbers(60_000, "--trigger=processingTime:50ms");

    assertThat(rowsPerBatch(result), contains(60_000L, 0L));
  }

  @Test
  void aProcessingTimeTriggerStartsBatchesNoCloserThanItsInterval() {
    String sink = UUID.randomUUID().toString();
    MicroBatchPipelineResult result = countLetters(sink, "--trigger=processingTime:100ms", "--maxRecordsPerBatch=2");

    List<BatchProgress> batches = result.recentProgress();
    assertThat(rowsPerBatch(result), contains(2L, 2L, 2L, 0L));
    for (int i = 1; i < batches.size(); i++) {
      long gap = batches.get(i).timestamp().getMillis() - batches.get(i - 1).timestamp().getMillis();
      assertThat("gap before batch " + i, gap >= 100, is(true));
    }
    assertThat(BatchSink.elements(sink), containsInAnyOrder("a=3", "b=2", "c=1"));
  }

  @Test
  void aWindowClosesInTheNextTickBatchAfterTheDataThatMovedTheWatermarkPastIt(@TempDir Path dir) {
    // Two records per batch: batch 1 reads 15 and 16, so the source's watermark moves to 16, past
    // the end of [0, 10); batch 1 still runs under the watermark reported after batch 0 (2).
    List<TimestampedValue<String>> records = new ArrayList<>();
    for (long time : new long[] {1, 2, 15, 16, 17, 18}) {
      records.add(TimestampedValue.of("x", new Instant(time)));
    }
    Pipeline p = pipeline("--trigger=processingTime:300ms", "--maxRecordsPerBatch=2", "--checkpointDir=" + dir);
    String sink = UUID.randomUUID().toString();
    p.apply(Read.from(ListUnboundedSource.of(StringUtf8Coder.of(), records)))
        .apply(Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(Count.perElement())
        .apply(MapElements.into(TypeDescriptors.strings()).via((KV<String, Long> kv) -> kv.getKey() + "=" + kv.getValue()))
        .apply(TransactionalWrite.to(new BatchSink(sink)));

    MicroBatchPipelineResult result = (MicroBatchPipelineResult) p.run();

    // As in Spark, every batch starts on a tick: batch 2 reads 17 and 18 and runs under watermark 16,
    // closing [0, 10). Once the input is used up, batches that read nothing run on the next ticks for
    // the watermark alone: batch 3 learns the source is at its end, batch 4 runs under the end of
    // time and closes [10, 20).
    assertThat(rowsPerBatch(result), contains(2L, 2L, 2L, 0L, 0L));
    assertThat(BatchSink.committed(sink), is(new TreeMap<>(Map.of(2L, List.of("x=2"), 4L, List.of("x=4")))));
    assertThat(Files.exists(dir.resolve("offsets").resolve("4")), is(true));
    assertThat(Files.exists(dir.resolve("commits").resolve("4")), is(true));
  }

  @Test
  void availableNowProcessesAnUnboundedSourceInBatchesAndStops() {
    List<TimestampedValue<String>> records = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      records.add(TimestampedValue.of("r" + i, new Instant(i)));
    }
    Pipeline p = pipeline("--trigger=availableNow", "--maxRecordsPerBatch=2");
    String sink = UUID.randomUUID().toString();
    p.apply(Read.from(ListUnboundedSource.of(StringUtf8Coder.of(), records)))
        .apply(TransactionalWrite.to(new BatchSink(sink)));

    MicroBatchPipelineResult result = (MicroBatchPipelineResult) p.run();

    assertThat(rowsPerBatch(result).subList(0, 3), contains(2L, 2L, 1L));
    assertThat(BatchSink.elements(sink), containsInAnyOrder("r0", "r1", "r2", "r3", "r4"));
  }

  @Test
  void everyTestStreamEventIsOneBatch() {
    Pipeline p = pipeline();
    String sink = UUID.randomUUID().toString();
    p.apply(TestStream.create(StringUtf8Coder.of())
            .addElements(TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("b", new Instant(2)))
            .advanceWatermarkTo(new Instant(5))
            .advanceProcessingTime(Duration.standardSeconds(1))
            .addElements(TimestampedValue.of("c", new Instant(7)))
            .advanceWatermarkToInfinity())
        .apply(TransactionalWrite.to(new BatchSink(sink)));

    MicroBatchPipelineResult result = (MicroBatchPipelineResult) p.run();

    assertThat(rowsPerBatch(result), contains(2L, 0L, 0L, 1L, 0L));
    assertThat(BatchSink.committed(sink).keySet(), contains(0L, 3L));
  }

  private static MicroBatchPipelineResult countLetters(String sink, String... flags) {
    Pipeline p = pipeline(flags);
    PCollection<String> letters = p.apply(Create.timestamped(
        TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("b", new Instant(2)),
        TimestampedValue.of("a", new Instant(3)), TimestampedValue.of("c", new Instant(4)),
        TimestampedValue.of("b", new Instant(5)), TimestampedValue.of("a", new Instant(6))));
    letters.apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))))
        .apply(Count.perElement())
        .apply(MapElements.into(TypeDescriptors.strings()).via((KV<String, Long> kv) -> kv.getKey() + "=" + kv.getValue()))
        .apply(TransactionalWrite.to(new BatchSink(sink)));
    return (MicroBatchPipelineResult) p.run();
  }

  private static Pipeline pipeline(String... flags) {
    List<String> args = new ArrayList<>(List.of("--runner=microbatch", "--parallelism=2", "--quietProgress=true"));
    args.addAll(List.of(flags));
    return Pipeline.create(PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).create());
  }

  private static MicroBatchPipelineResult countNumbers(int count, String... flags) {
    Pipeline p = pipeline(flags);
    p.apply(GenerateSequence.from(0).to(count));
    return (MicroBatchPipelineResult) p.run();
  }

  /** The numbers {@code 0 <= n < count}, keyed by their last digit. */
  private static PCollection<KV<Long, Long>> keyedNumbers(Pipeline p, long count) {
    return p.apply(GenerateSequence.from(0).to(count))
        .apply(WithKeys.<Long, Long>of(n -> n % 10).withKeyType(TypeDescriptors.longs()));
  }

  private static List<Long> rowsPerBatch(MicroBatchPipelineResult result) {
    List<Long> rows = new ArrayList<>();
    result.recentProgress().forEach(progress -> rows.add(progress.inputRows()));
    assertThat(result.getState(), is(dev.weir.sdk.PipelineResult.State.DONE));
    return rows;
  }
}
