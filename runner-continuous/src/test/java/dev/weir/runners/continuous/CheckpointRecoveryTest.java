package dev.weir.runners.continuous;

import static dev.weir.runners.continuous.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.io.GenerateSequence;
import dev.weir.sdk.io.TransactionalWrite;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.Reshuffle;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TypeDescriptors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job restarted in the same JVM from its checkpoint directory resumes from the last complete
 * checkpoint: sources rewind to its positions, sinks commit what it held, nothing is lost or
 * committed twice.
 */
class CheckpointRecoveryTest {
  @TempDir Path directory;

  /** Throws once the sink has committed at least two transactions, if armed: a crash after a checkpoint. */
  static final class CrashAfterCommitsFn extends DoFn<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final String sink;
    private final boolean armed;

    CrashAfterCommitsFn(String sink, boolean armed) {
      this.sink = sink;
      this.armed = armed;
    }

    @ProcessElement
    public void process(@Element Long element, OutputReceiver<Long> out) {
      if (armed && RecordingSink.recording(sink).transactions() >= 2) {
        throw new IllegalStateException("crash");
      }
      out.output(element);
    }
  }

  private Pipeline endless(String sink, boolean armed, String... flags) {
    Pipeline p = pipeline(Stream.concat(Stream.of("--parallelism=1", "--checkpointInterval=5",
        "--checkpointDir=" + directory), Stream.of(flags)).toArray(String[]::new));
    p.apply("Numbers", GenerateSequence.from(0))
        .apply("Crash", ParDo.of(new CrashAfterCommitsFn(sink, armed)))
        .apply("EachRecord", Window.<Long>configure()
            .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1))).discardingFiredPanes())
        .apply("Shuffle", Reshuffle.viaRandomKey())
        .apply("Write", TransactionalWrite.to(new RecordingSink<>(sink)));
    return p;
  }

  private static List<String> numbersBelow(long end) {
    return LongStream.range(0, end).mapToObj(String::valueOf).collect(Collectors.toList());
  }

  private static List<String> sortedNumerically(List<String> values) {
    return values.stream().sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).toList();
  }

  @Test
  @Timeout(120)
  void anUnboundedJobResumesFromItsLastCheckpointWithoutLossOrDuplicates() throws Exception {
    String sink = UUID.randomUUID().toString();
    assertThrows(PipelineExecutionException.class, () -> endless(sink, true).run());
    RecordingSink.Recording recording = RecordingSink.recording(sink);
    int committedBeforeCrash = recording.committed().size();

    PipelineResult resumed = endless(sink, false, "--blockOnRun=false").run();
    boolean caughtUp = recording.awaitCommitted(committedBeforeCrash + 1000, 60);
    resumed.cancel();
    resumed.waitUntilFinish();

    assertThat(caughtUp, is(true));
    assertThat(((ContinuousPipelineResult) resumed).progress().checkpoints(), greaterThan(0L));
    List<String> committed = sortedNumerically(recording.committed());
    assertThat(committed, is(numbersBelow(committed.size())));
    assertThat(committedBeforeCrash, greaterThan(0));
    assertThat(recording.freshStarts(), is(1));
    assertThat(recording.resumes(), is(1));
  }

  /** Counts the elements of each key in state; outputs "key:count". */
  static final class CountPerKeyFn extends DoFn<KV<Long, Long>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Long>> count = StateSpecs.value(VarLongCoder.of());

    @ProcessElement
    public void process(@Element KV<Long, Long> element, @StateId("count") ValueState<Long> count,
        OutputReceiver<String> out) {
      long next = (count.read() == null ? 0 : count.read()) + 1;
      count.write(next);
      out.output(element.getKey() + ":" + next);
    }
  }

  /** Appends the side input to each element. */
  static final class AppendSideFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<String> side;

    AppendSideFn(PCollectionView<String> side) {
      this.side = side;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      context.output(context.element() + ":" + context.sideInput(side));
    }
  }

  private Pipeline countingPerKey(String sink, boolean armed, String... flags) {
    Pipeline p = pipeline(Stream.concat(Stream.of("--parallelism=2", "--checkpointInterval=5",
        "--checkpointDir=" + directory), Stream.of(flags)).toArray(String[]::new));
    PCollectionView<String> side = p.apply("Side", Create.of("s")).apply("AsSingleton", View.asSingleton());
    p.apply("Numbers", GenerateSequence.from(0))
        .apply("Crash", ParDo.of(new CrashAfterCommitsFn(sink, armed)))
        .apply("Key", WithKeys.of((Long i) -> i % 3).withKeyType(TypeDescriptors.longs()))
        .apply("Count", ParDo.of(new CountPerKeyFn()))
        .apply("AppendSide", ParDo.of(new AppendSideFn(side)).withSideInputs(side))
        .apply("Write", TransactionalWrite.to(new RecordingSink<>(sink)));
    return p;
  }

  @Test
  @Timeout(120)
  void aStatefulJobWithASideInputResumesWithoutLossOrDuplicates() throws Exception {
    String sink = UUID.randomUUID().toString();
    assertThrows(PipelineExecutionException.class, () -> countingPerKey(sink, true).run());
    RecordingSink.Recording recording = RecordingSink.recording(sink);
    int committedBeforeCrash = recording.committed().size();

    PipelineResult resumed = countingPerKey(sink, false, "--blockOnRun=false").run();
    boolean caughtUp = recording.awaitCommitted(committedBeforeCrash + 300, 60);
    resumed.cancel();
    resumed.waitUntilFinish();

    assertThat(caughtUp, is(true));
    assertThat(committedBeforeCrash, greaterThan(0));
    Map<String, List<Long>> countsByKey = recording.committed().stream()
        .map(line -> line.split(":"))
        .peek(parts -> assertThat(parts[2], is("s")))
        .collect(Collectors.groupingBy(parts -> parts[0],
            Collectors.mapping(parts -> Long.parseLong(parts[1]), Collectors.toList())));
    for (List<Long> counts : countsByKey.values()) {
      assertThat(counts.stream().sorted().toList(),
          is(LongStream.rangeClosed(1, counts.size()).boxed().toList()));
    }
  }

  private static final long GROUPED = 1_000_000;

  /** Passes numbers on; when armed, fails at a multiple of 1,000 once a checkpoint is complete in its directory. */
  static final class CrashAfterACheckpointFn extends DoFn<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final String directory;
    private final boolean armed;

    CrashAfterACheckpointFn(String directory, boolean armed) {
      this.directory = directory;
      this.armed = armed;
    }

    @ProcessElement
    public void process(@Element Long element, OutputReceiver<Long> out) throws Exception {
      if (armed && element % 1000 == 0 && aCheckpointIsComplete()) {
        throw new IllegalStateException("crash");
      }
      out.output(element);
    }

    private boolean aCheckpointIsComplete() throws Exception {
      try (Stream<Path> checkpoints = Files.list(Path.of(directory))) {
        return checkpoints.anyMatch(checkpoint -> Files.exists(checkpoint.resolve("_manifest")));
      }
    }
  }

  /** Counts the numbers below {@link #GROUPED} by last digit: a bounded grouping, crashing as {@code armed} says. */
  private Pipeline boundedCounts(String sink, boolean armed) {
    Pipeline p = pipeline("--parallelism=2", "--checkpointInterval=5", "--checkpointDir=" + directory);
    p.apply("Numbers", GenerateSequence.from(0).to(GROUPED))
        .apply("Crash", ParDo.of(new CrashAfterACheckpointFn(directory.toString(), armed)))
        .apply("ByLastDigit", WithKeys.of((Long i) -> i % 10).withKeyType(TypeDescriptors.longs()))
        .apply("Count", Count.perKey())
        .apply("Format", MapElements.into(TypeDescriptors.strings())
            .via((KV<Long, Long> count) -> count.getKey() + "=" + count.getValue()))
        .apply("Write", TransactionalWrite.to(new RecordingSink<>(sink)));
    return p;
  }

  @Test
  @Timeout(120)
  void aBoundedGroupingResumesFromACheckpointTakenWhileItsInputWasRead() throws Exception {
    String sink = UUID.randomUUID().toString();
    assertThrows(PipelineExecutionException.class, () -> boundedCounts(sink, true).run());
    assertThat(RecordingSink.recording(sink).committed(), is(List.of()));
    try (Stream<Path> checkpoints = Files.list(directory)) {
      assertThat(checkpoints.count(), greaterThan(0L));
    }

    boundedCounts(sink, false).run();

    RecordingSink.Recording recording = RecordingSink.recording(sink);
    assertThat(recording.resumes(), is(1));
    assertThat(recording.committed(), containsInAnyOrder(LongStream.range(0, 10)
        .mapToObj(digit -> digit + "=" + GROUPED / 10).toArray()));
  }

  private Pipeline bounded(String sink, int count, String name) {
    Pipeline p = pipeline("--parallelism=2", "--checkpointDir=" + directory);
    PCollection<Integer> numbers = p.apply("Numbers", Create.of(IntStream.range(0, count).boxed().toList()));
    numbers.apply(name, MapElements.into(TypeDescriptors.integers()).via((Integer i) -> i))
        .apply("Write", TransactionalWrite.to(new RecordingSink<>(sink)));
    return p;
  }

  @Test
  void aFinishedBoundedJobRunAgainCommitsNothingTwice() {
    String sink = UUID.randomUUID().toString();
    bounded(sink, 50, "Identity").run();

    PipelineResult.State again = bounded(sink, 50, "Identity").run().getState();

    assertThat(again, is(PipelineResult.State.DONE));
    assertThat(sortedNumerically(RecordingSink.recording(sink).committed()), is(numbersBelow(50)));
  }

  @Test
  void aChangedGraphFailsNamingTheCheckpointAndWhatChanged() {
    String sink = UUID.randomUUID().toString();
    bounded(sink, 5, "Identity").run();

    PipelineExecutionException e =
        assertThrows(PipelineExecutionException.class, () -> bounded(sink, 5, "Renamed").run());

    assertThat(e.getMessage(), containsString("does not match the one that wrote the checkpoint in " + directory));
    assertThat(e.getMessage(), containsString("Renamed"));
  }

  @Test
  void anotherParallelismThanTheCheckpointsFailsNamingTheFlag() {
    String sink = UUID.randomUUID().toString();
    bounded(sink, 5, "Identity").run();
    Pipeline wider = pipeline("--parallelism=3", "--checkpointDir=" + directory);
    wider.apply("Numbers", Create.of(IntStream.range(0, 5).boxed().toList()))
        .apply("Identity", MapElements.into(TypeDescriptors.integers()).via((Integer i) -> i))
        .apply("Write", TransactionalWrite.to(new RecordingSink<>(sink)));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, wider::run);

    assertThat(e.getMessage(), containsString("Fix: run with the same --parallelism"));
    assertThat(e.getMessage(), containsString(directory.toString()));
  }

  @Test
  void aCheckpointDirThatIsAFileFailsNamingTheFlag() throws Exception {
    Path file = Files.createFile(directory.resolve("not-a-directory"));
    Pipeline p = pipeline("--checkpointDir=" + file);
    p.apply(Create.of(1));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(e.getMessage(), containsString("--checkpointDir=" + file + " is not a directory"));
  }

  @Test
  void aDamagedManifestFailsNamingItsPath() throws Exception {
    String sink = UUID.randomUUID().toString();
    bounded(sink, 5, "Identity").run();
    Path manifest;
    try (Stream<Path> files = Files.walk(directory)) {
      manifest = files.filter(f -> f.getFileName().toString().equals("_manifest")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(manifest);
    bytes[bytes.length - 1] ^= 0x5a;
    Files.write(manifest, bytes);

    PipelineExecutionException e =
        assertThrows(PipelineExecutionException.class, () -> bounded(sink, 5, "Identity").run());

    assertThat(e.getMessage(), containsString(manifest.toString()));
  }
}
