package dev.weir.runners.continuous;

import static dev.weir.runners.continuous.TestOptions.jobThreadsAlive;
import static dev.weir.runners.continuous.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.io.GenerateSequence;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ContinuousRunnerTest {
  /** Per test, the names of the threads a DoFn ran on. */
  private static final Map<String, Set<String>> THREADS = new ConcurrentHashMap<>();
  /** Per test, counted down by the elements a DoFn saw. */
  private static final Map<String, CountDownLatch> SEEN = new ConcurrentHashMap<>();

  @Test
  void isSelectedByItsShortName() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=continuous").create());
    p.apply(Create.of(1, 2, 3));

    PipelineResult result = p.run();

    assertThat(result, instanceOf(ContinuousPipelineResult.class));
    assertThat(result.getState(), is(PipelineResult.State.DONE));
  }

  @Test
  void rejectsAParallelismBelowOneNamingTheFlag() {
    Pipeline p = pipeline("--parallelism=0");
    p.apply(Create.of(1));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::run);

    assertThat(e.getMessage(), containsString("--parallelism must be at least 1, got 0"));
  }

  @Test
  void rejectsANegativeBufferTimeoutNamingTheFlag() {
    Pipeline p = pipeline("--bufferTimeout=-1");
    p.apply(Create.of(1));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::run);

    assertThat(e.getMessage(), containsString("--bufferTimeout must be 0"));
  }

  @Test
  void rejectsOutOfRangeBufferChannelCheckpointProgressAndIdlenessFlagsNamingEach() {
    assertThat(failureOf("--bufferSize=0"), containsString("--bufferSize must be at least 1 record, got 0"));
    assertThat(failureOf("--channelCapacity=0"), containsString("--channelCapacity must be at least 1 buffer, got 0"));
    assertThat(failureOf("--checkpointInterval=0"),
        containsString("--checkpointInterval must be at least 1 millisecond, got 0"));
    assertThat(failureOf("--progressInterval=0"),
        containsString("--progressInterval must be at least 1 millisecond (use --quietProgress"));
    assertThat(failureOf("--sourceIdleTimeout=-5"),
        containsString("--sourceIdleTimeout must be 0 (never idle) or more milliseconds, got -5"));
  }

  private static String failureOf(String flag) {
    Pipeline p = pipeline(flag);
    p.apply(Create.of(1));
    return assertThrows(IllegalArgumentException.class, p::run).getMessage();
  }

  /** Records the name of the thread it runs on. */
  static final class RecordThreadFn extends DoFn<KV<Integer, Iterable<Integer>>, Integer> {
    private static final long serialVersionUID = 1L;
    private final String test;

    RecordThreadFn(String test) {
      this.test = test;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Integer>> element, OutputReceiver<Integer> out) {
      THREADS.computeIfAbsent(test, t -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
      out.output(element.getKey());
    }
  }

  @Test
  void chainsAStatelessParDoIntoTheThreadsOfTheKeyedOperatorBeforeIt() {
    String test = UUID.randomUUID().toString();
    Pipeline p = pipeline("--parallelism=2");
    p.apply(Create.of(1, 2, 3, 4, 5, 6, 7, 8))
        .apply(WithKeys.of((Integer i) -> i % 4).withKeyType(TypeDescriptors.integers()))
        .apply("Group", GroupByKey.create())
        .apply("Record", ParDo.of(new RecordThreadFn(test)));

    p.run();

    assertThat(THREADS.get(test), everyItem(startsWith("weir-continuous-Group-")));
  }

  /** Fails on the element "bad". */
  static final class FailOnBadFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      if (element.equals("bad")) {
        throw new IllegalStateException("cannot take 'bad'");
      }
      out.output(element);
    }
  }

  @Test
  void aFailureInUserCodeFailsTheJobNamingTheOperatorWithTheUsersException() {
    Pipeline p = pipeline();
    p.apply(Create.of("good", "bad")).apply("Check", ParDo.of(new FailOnBadFn()));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(e.getMessage(), containsString("Transform 'Check/ParMultiDo(FailOnBadFn)' failed"));
    assertThat(e.getCause(), instanceOf(IllegalStateException.class));
    assertThat(e.getCause().getMessage(), is("cannot take 'bad'"));
    assertThat(jobThreadsAlive(), is(false));
  }

  /** Counts down its test's latch for each element. */
  static final class CountDownFn extends DoFn<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final String test;

    CountDownFn(String test) {
      this.test = test;
    }

    @ProcessElement
    public void process(@Element Long element, OutputReceiver<Long> out) {
      SEEN.get(test).countDown();
      out.output(element);
    }
  }

  @Test
  @Timeout(60)
  void cancelStopsAnEndlessJobAndLeavesNoThreadRunning() throws Exception {
    String test = UUID.randomUUID().toString();
    SEEN.put(test, new CountDownLatch(100));
    Pipeline p = pipeline("--blockOnRun=false", "--parallelism=2");
    p.apply(GenerateSequence.from(0))
        .apply(ParDo.of(new CountDownFn(test)))
        .apply(Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(WithKeys.of((Long i) -> i % 7).withKeyType(TypeDescriptors.longs()))
        .apply(GroupByKey.create());
    PipelineResult result = p.run();
    assertThat(SEEN.get(test).await(30, TimeUnit.SECONDS), is(true));

    PipelineResult.State state = result.cancel();

    assertThat(state, is(PipelineResult.State.CANCELLED));
    assertThat(result.waitUntilFinish(), is(PipelineResult.State.CANCELLED));
    assertThat(jobThreadsAlive(), is(false));
  }

  @Test
  void progressCountsTheRecordsOfEachOperator() {
    Pipeline p = pipeline("--parallelism=2");
    p.apply("Numbers", Create.of(List.of(1, 2, 3, 4, 5, 6)))
        .apply(WithKeys.of((Integer i) -> i % 2).withKeyType(TypeDescriptors.integers()))
        .apply("Group", GroupByKey.create());

    ContinuousPipelineResult result = (ContinuousPipelineResult) p.run();
    Progress progress = result.progress();

    assertThat(progress.operator("Numbers/Read(CreateSource)").recordsIn(), is(6L));
    assertThat(progress.operator("Numbers/Read(CreateSource)").recordsOut(), is(6L));
    assertThat(progress.operator("Group").recordsIn(), is(6L));
    assertThat(progress.operator("Group").subtasks(), is(2));
    assertThat(progress.operators(), hasSize(2));
  }
}
