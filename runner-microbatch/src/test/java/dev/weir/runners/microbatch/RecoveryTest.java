package dev.weir.runners.microbatch;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.io.ListUnboundedSource;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.io.TransactionalWrite;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.TypeDescriptors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarting a query from its checkpoint directory, in the same JVM. */
class RecoveryTest {
  /** The element at which {@link FailWhenArmed} throws; -1 when disarmed. */
  private static final AtomicInteger FAIL_AT = new AtomicInteger(-1);
  private static final int PER_KEY = 6;

  @TempDir Path dir;

  @Test
  void reRunsTheLoggedBatchThatFailedWithTheSameOffsetsAndCommitsEveryTotalOnce() throws IOException {
    String sink = UUID.randomUUID().toString();
    FAIL_AT.set(4);
    PipelineExecutionException failure =
        assertThrows(PipelineExecutionException.class, () -> totals(sink, "Fail").run());
    assertThat(failure.getMessage(), containsString("Fail"));
    long logged = ids("offsets").size();
    assertThat(ids("commits"), hasSize((int) logged - 1));

    FAIL_AT.set(-1);
    totals(sink, "Fail").run();

    assertEveryElementCountedOnceInTheTotals(BatchSink.elements(sink));
  }

  @Test
  void aBatchWhoseSinkCommittedButWhoseCommitEntryIsMissingIsReRunWithoutDuplicates() throws IOException {
    String sink = UUID.randomUUID().toString();
    BatchSink.FAIL_AFTER_NEXT_COMMIT.set(true);
    assertThrows(PipelineExecutionException.class, () -> totals(sink, "Fail").run());
    assertThat(ids("commits"), hasSize(0));
    assertThat(BatchSink.committed(sink).keySet(), contains(0L));

    totals(sink, "Fail").run();

    assertEveryElementCountedOnceInTheTotals(BatchSink.elements(sink));
  }

  @Test
  void restoresAViewAndTheElementsWaitingForItFromTheLastCommittedBatch() {
    String sink = UUID.randomUUID().toString();
    FAIL_AT.set(1);
    assertThrows(PipelineExecutionException.class, () -> withSideInput(sink).run());
    FAIL_AT.set(-1);

    withSideInput(sink).run();

    assertThat(BatchSink.elements(sink), containsInAnyOrder("bx:1", "bx:2", "bx:3", "bx:4", "bx:5"));
  }

  @Test
  void restoresAViewThatFollowsItsTriggerWithItsLatestPane() {
    String sink = UUID.randomUUID().toString();
    // The view is ready at its pane, in the first batch; the failure comes in a later one, so the
    // restarted run reads the view from the checkpoint (the side source is not read again).
    FAIL_AT.set(5);
    assertThrows(PipelineExecutionException.class, () -> withSideInput(sink, true).run());
    FAIL_AT.set(-1);

    withSideInput(sink, true).run();

    assertThat(BatchSink.elements(sink), containsInAnyOrder("bx:1", "bx:2", "bx:3", "bx:4", "bx:5"));
  }

  private Pipeline withSideInput(String sink) {
    return withSideInput(sink, false);
  }

  private Pipeline withSideInput(String sink, boolean triggered) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=microbatch", "--checkpointDir=" + dir,
        "--maxRecordsPerBatch=3", "--parallelism=2", "--quietProgress=true").create());
    PCollection<String> sideInput = p.apply("Side", Create.of("x"));
    if (triggered) {
      sideInput = sideInput.apply("EveryElement", Window.<String>into(new GlobalWindows())
          .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
          .discardingFiredPanes());
    }
    PCollectionView<String> side = sideInput.apply(View.asSingleton());
    List<KV<String, Integer>> main = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      main.add(KV.of("b", i));
    }
    p.apply("Main", Create.of(main).withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply("Append", ParDo.of(new AppendSideFn(side)).withSideInputs(side))
        .apply("Fail", ParDo.of(new FailWhenArmed()))
        .apply(MapElements.into(TypeDescriptors.strings()).via((KV<String, Integer> kv) -> kv.getKey() + ":" + kv.getValue()))
        .apply("Write", TransactionalWrite.to(new BatchSink(sink)));
    return p;
  }

  /** Appends the side input to each key. */
  static final class AppendSideFn extends DoFn<KV<String, Integer>, KV<String, Integer>> {
    private final PCollectionView<String> side;

    AppendSideFn(PCollectionView<String> side) {
      this.side = side;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      KV<String, Integer> element = context.element();
      context.output(KV.of(element.getKey() + context.sideInput(side), element.getValue()));
    }
  }

  @Test
  void resumesTheSinkWithTheTransactionItPreparedWhenItsCommitFailed() throws IOException {
    String sink = UUID.randomUUID().toString();
    BatchSink.FAIL_BEFORE_NEXT_COMMIT.set(true);
    assertThrows(PipelineExecutionException.class, () -> totals(sink, "Fail").run());
    assertThat(BatchSink.committed(sink).keySet(), hasSize(0));
    assertThat(ids("sinks"), contains(0L));

    totals(sink, "Fail").run();

    assertThat(BatchSink.resumed(sink), contains(0L));
    assertEveryElementCountedOnceInTheTotals(BatchSink.elements(sink));
  }

  @Test
  void restoresTheGroupsOfABoundedGroupingFromTheLastCommittedBatch() throws IOException {
    String sink = UUID.randomUUID().toString();
    FAIL_AT.set(5);
    assertThrows(PipelineExecutionException.class, () -> countsPerKey(sink).run());
    assertThat(ids("commits").isEmpty(), is(false));

    FAIL_AT.set(-1);
    countsPerKey(sink).run();

    assertThat(BatchSink.elements(sink), containsInAnyOrder("a=" + PER_KEY, "b=" + PER_KEY));
  }

  @Test
  void refusesToResumeABoundedSourceThatNowSplitsDifferentlyNamingTheSourceAndTheFix() {
    String sink = UUID.randomUUID().toString();
    FAIL_AT.set(4);
    assertThrows(PipelineExecutionException.class, () -> totals(sink, "Fail").run());
    FAIL_AT.set(-1);

    // One element per key instead of six: the source now splits into fewer shares than were logged.
    PipelineExecutionException failure =
        assertThrows(PipelineExecutionException.class, () -> totals(sink, "Fail", 1).run());

    assertThat(failure.getMessage(), containsString("shares of source 'Create.Values/Read(CreateSource)'"));
    assertThat(failure.getMessage(), containsString("Fix: start over with a new --checkpointDir"));
  }

  @Test
  void aRunOverAFinishedCheckpointAddsNothing() throws IOException {
    String sink = UUID.randomUUID().toString();
    totals(sink, "Fail").run();
    long batches = ids("commits").size();

    totals(sink, "Fail").run();

    assertThat((long) ids("commits").size(), is(batches));
    assertEveryElementCountedOnceInTheTotals(BatchSink.elements(sink));
  }

  @Test
  void refusesToResumeWithAChangedGraphNamingTheChange() {
    String sink = UUID.randomUUID().toString();
    totals(sink, "Fail").run();

    PipelineExecutionException failure =
        assertThrows(PipelineExecutionException.class, () -> totals(sink, "Renamed").run());

    assertThat(failure.getMessage(), containsString("does not match"));
    assertThat(failure.getMessage(), containsString("Renamed"));
  }

  @Test
  void failsWithThePathOfATruncatedOffsetLogEntry() throws IOException {
    String sink = UUID.randomUUID().toString();
    FAIL_AT.set(4);
    assertThrows(PipelineExecutionException.class, () -> totals(sink, "Fail").run());
    FAIL_AT.set(-1);
    Path entry = dir.resolve("offsets").resolve(Long.toString(ids("offsets").get(ids("offsets").size() - 1)));
    byte[] bytes = Files.readAllBytes(entry);
    Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    PipelineExecutionException failure =
        assertThrows(PipelineExecutionException.class, () -> totals(sink, "Fail").run());

    assertThat(failure.getMessage(), containsString(entry.toString()));
  }

  @Test
  void keepsOnlyTheRetainedBatchAndTheStateFilesThatRebuildIt() throws IOException {
    String sink = UUID.randomUUID().toString();
    totals(sink, "Fail", "--minBatchesToRetain=1", "--stateSnapshotInterval=2").run();

    List<Long> commits = ids("commits");
    assertThat(commits, hasSize(1));
    long last = commits.get(0);
    assertThat(ids("offsets"), contains(last));
    assertThat(names("state"), anyOf(contains(last + ".snapshot"), contains((last - 1) + ".snapshot", last + ".delta")));
  }

  @Test
  void reportsEveryBatchInTheResultAndAsJsonLines() throws IOException {
    String sink = UUID.randomUUID().toString();
    MicroBatchPipelineResult result = (MicroBatchPipelineResult) totals(sink, "Fail").run();

    List<String> lines = Files.readAllLines(dir.resolve("progress").resolve("progress.jsonl"));
    assertThat(lines, hasSize(ids("commits").size()));
    assertThat(result.recentProgress(), hasSize(lines.size()));
    assertThat(result.lastProgress().toJson(), is(lines.get(lines.size() - 1)));
    assertThat(result.recentProgress().get(0).inputRows(), is(3L));
    assertThat(result.lastProgress().stateRows().keySet(), containsInAnyOrder("Total/ParMultiDo(RunningTotalFn)"));
  }

  @Test
  void cutsTheHalfWrittenProgressLineOfACrashAtTheNextStart() throws IOException {
    String sink = UUID.randomUUID().toString();
    totals(sink, "Fail").run();
    Path progress = dir.resolve("progress").resolve("progress.jsonl");
    List<String> whole = Files.readAllLines(progress);
    Files.writeString(progress, "{\"batchId\":9", java.nio.file.StandardOpenOption.APPEND);

    totals(sink, "Fail").run();

    assertThat(Files.readAllLines(progress), is(whole));
  }

  @Test
  void aFailingDoFnFailsTheRunNamingItsTransformWithTheUsersException() {
    FAIL_AT.set(2);
    PipelineExecutionException failure = assertThrows(PipelineExecutionException.class,
        () -> totals(UUID.randomUUID().toString(), "Fail").run());
    FAIL_AT.set(-1);

    assertThat(failure.getMessage(), containsString("Transform 'Fail/ParMultiDo(FailWhenArmed)' failed"));
    assertThat(failure.getCause(), instanceOf(IllegalStateException.class));
    assertThat(failure.getCause().getMessage(), is("injected failure at 2"));
  }

  @Test
  void resumesAnUnboundedSourceFromTheCheckpointMarkOfTheLastCommittedBatch() {
    String sink = UUID.randomUUID().toString();
    List<TimestampedValue<KV<String, Integer>>> records = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      records.add(TimestampedValue.of(KV.of("b", i), new Instant(i * 1000L)));
    }
    ListUnboundedSource<KV<String, Integer>> source =
        ListUnboundedSource.of(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()), records);
    FAIL_AT.set(7);
    assertThrows(PipelineExecutionException.class, () -> windowedCounts(source, sink).run());
    FAIL_AT.set(-1);

    windowedCounts(source, sink).run();

    assertThat(BatchSink.elements(sink), containsInAnyOrder("[0,4000)=4", "[4000,8000)=4", "[8000,12000)=4"));
  }

  private Pipeline windowedCounts(ListUnboundedSource<KV<String, Integer>> source, String sink) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=microbatch", "--checkpointDir=" + dir,
        "--maxRecordsPerBatch=3", "--parallelism=2", "--quietProgress=true").create());
    p.apply(Read.from(source))
        .apply("Fail", ParDo.of(new FailWhenArmed()))
        .apply(Window.into(FixedWindows.of(Duration.standardSeconds(4))))
        .apply(Count.perKey())
        .apply(ParDo.of(new WindowedCountFn()))
        .apply("Write", TransactionalWrite.to(new BatchSink(sink)));
    return p;
  }

  /** Formats a count as "window=count". */
  static final class WindowedCountFn extends DoFn<KV<String, Long>, String> {
    @ProcessElement
    public void process(@Element KV<String, Long> count, BoundedWindow window, OutputReceiver<String> out) {
      IntervalWindow interval = (IntervalWindow) window;
      out.output("[" + interval.start().getMillis() + "," + interval.end().getMillis() + ")=" + count.getValue());
    }
  }

  /** Counts per key of {@link #PER_KEY} elements of "a" and of "b", a bounded grouping, failing where {@link #FAIL_AT} says. */
  private Pipeline countsPerKey(String sink) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=microbatch", "--checkpointDir=" + dir,
        "--maxRecordsPerBatch=3", "--parallelism=2", "--quietProgress=true").create());
    List<KV<String, Integer>> input = new ArrayList<>();
    for (int i = 1; i <= PER_KEY; i++) {
      input.add(KV.of("a", i));
      input.add(KV.of("b", i));
    }
    p.apply(Create.of(input).withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply("Fail", ParDo.of(new FailWhenArmed()))
        .apply(Count.perKey())
        .apply(MapElements.into(TypeDescriptors.strings()).via((KV<String, Long> kv) -> kv.getKey() + "=" + kv.getValue()))
        .apply("Write", TransactionalWrite.to(new BatchSink(sink)));
    return p;
  }

  private Pipeline totals(String sink, String failName, String... flags) {
    return totals(sink, failName, PER_KEY, flags);
  }

  private Pipeline totals(String sink, String failName, int perKey, String... flags) {
    List<String> args = new ArrayList<>(List.of("--runner=microbatch", "--checkpointDir=" + dir,
        "--maxRecordsPerBatch=3", "--parallelism=2", "--quietProgress=true"));
    args.addAll(List.of(flags));
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).create());
    List<KV<String, Integer>> input = new ArrayList<>();
    for (int i = 1; i <= perKey; i++) {
      input.add(KV.of("a", i));
      input.add(KV.of("b", i));
    }
    p.apply(Create.of(input).withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply(failName, ParDo.of(new FailWhenArmed()))
        .apply("Total", ParDo.of(new RunningTotalFn()))
        .apply("Write", TransactionalWrite.to(new BatchSink(sink)));
    return p;
  }

  /**
   * Asserts that the sink holds, for each key, one "key:value:total" line per value 1 to
   * {@link #PER_KEY} and that the totals chain: ordered by total, each is the one before plus its
   * value. The values of a key may come in any order (a bounded source is read in parallel shares),
   * so the chain proves each was added to the restored state exactly once.
   */
  private static void assertEveryElementCountedOnceInTheTotals(List<String> lines) {
    Map<String, List<int[]>> byKey = new TreeMap<>();
    for (String line : lines) {
      String[] fields = line.split(":");
      byKey.computeIfAbsent(fields[0], k -> new ArrayList<>())
          .add(new int[] {Integer.parseInt(fields[1]), Integer.parseInt(fields[2])});
    }
    assertThat(byKey.keySet(), contains("a", "b"));
    for (Map.Entry<String, List<int[]>> key : byKey.entrySet()) {
      List<int[]> totals = key.getValue();
      totals.sort(Comparator.comparingInt(valueAndTotal -> valueAndTotal[1]));
      List<Integer> values = new ArrayList<>();
      int previous = 0;
      for (int[] valueAndTotal : totals) {
        assertThat(key.getKey() + " total after " + valueAndTotal[0], valueAndTotal[1], is(previous + valueAndTotal[0]));
        previous = valueAndTotal[1];
        values.add(valueAndTotal[0]);
      }
      assertThat(key.getKey() + " values", values, containsInAnyOrder(IntStream.rangeClosed(1, PER_KEY).boxed().toArray()));
    }
  }


  private List<Long> ids(String log) throws IOException {
    List<Long> ids = new ArrayList<>();
    for (String name : names(log)) {
      ids.add(Long.parseLong(name));
    }
    ids.sort(null);
    return ids;
  }

  private List<String> names(String sub) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve(sub))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  /** Passes elements on, and throws at the element {@link #FAIL_AT} names, when armed. */
  static final class FailWhenArmed extends DoFn<KV<String, Integer>, KV<String, Integer>> {
    @ProcessElement
    public void process(@Element KV<String, Integer> element, OutputReceiver<KV<String, Integer>> out) {
      if (element.getValue() == FAIL_AT.get() && element.getKey().startsWith("b")) {
        throw new IllegalStateException("injected failure at " + element.getValue());
      }
      out.output(element);
    }
  }

  /** Outputs "key:value:running total" for each element, keeping the total in state. */
  static final class RunningTotalFn extends DoFn<KV<String, Integer>, String> {
    @StateId("total")
    private final StateSpec<ValueState<Integer>> total = StateSpecs.value(VarIntCoder.of());

    @ProcessElement
    public void process(@Element KV<String, Integer> element, @StateId("total") ValueState<Integer> total,
        OutputReceiver<String> out) {
      Integer before = total.read();
      int now = (before == null ? 0 : before) + element.getValue();
      total.write(now);
      out.output(element.getKey() + ":" + element.getValue() + ":" + now);
    }
  }
}
