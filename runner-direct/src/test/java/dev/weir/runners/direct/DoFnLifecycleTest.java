package dev.weir.runners.direct;

import static dev.weir.runners.direct.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.testing.ListSource;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DoFnLifecycleTest {
  /** Events per test run, then per DoFn instance, in call order. */
  private static final Map<String, Map<Integer, Queue<String>>> EVENTS = new ConcurrentHashMap<>();
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /** Records every lifecycle call of each instance; fails on the element "fail". */
  static final class RecordingFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private transient Queue<String> events;

    RecordingFn(String runId) {
      this.runId = runId;
    }

    @Setup
    public void setup() {
      events = new ConcurrentLinkedQueue<>();
      EVENTS.get(runId).put(INSTANCES.incrementAndGet(), events);
      events.add("setup");
    }

    @StartBundle
    public void startBundle() {
      events.add("start");
    }

    @ProcessElement
    public void process(@Element String element) {
      events.add("process");
      if (element.equals("fail")) {
        throw new IllegalStateException("failing on purpose");
      }
    }

    @FinishBundle
    public void finishBundle() {
      events.add("finish");
    }

    @Teardown
    public void teardown() {
      events.add("teardown");
    }
  }

  private static String run(List<String> elements, String... flags) {
    String runId = UUID.randomUUID().toString();
    EVENTS.put(runId, new ConcurrentHashMap<>());
    Pipeline p = pipeline(flags);
    p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), elements)))
        .apply("Record", ParDo.of(new RecordingFn(runId)));
    p.run();
    return runId;
  }

  private static List<String> histories(String runId) {
    List<String> histories = new ArrayList<>();
    EVENTS.get(runId).values().forEach(events -> histories.add(String.join(" ", events)));
    return histories;
  }

  @Test
  void callsSetupOnceThenBundlesThenTeardownOnEachInstance() {
    String runId = run(IntStream.range(0, 200).mapToObj(i -> "e" + i).toList(), "--targetParallelism=2");

    assertThat(histories(runId), not(empty()));
    assertThat(histories(runId), everyItem(matchesPattern("setup( start( process)* finish)+ teardown")));
  }

  @Test
  void makesNoMoreInstancesThanWorkers() {
    String runId = run(IntStream.range(0, 200).mapToObj(i -> "e" + i).toList(), "--targetParallelism=2");

    assertThat(EVENTS.get(runId).size(), lessThanOrEqualTo(2));
  }

  @Test
  void tearsDownEveryInstanceWhenTheRunFails() {
    String runId = UUID.randomUUID().toString();
    EVENTS.put(runId, new ConcurrentHashMap<>());
    Pipeline p = pipeline("--targetParallelism=2");
    p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), List.of("a", "fail", "b"))))
        .apply("Record", ParDo.of(new RecordingFn(runId)));

    assertThrows(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(histories(runId), not(empty()));
    assertThat(histories(runId), everyItem(matchesPattern("setup .* teardown")));
  }

  @Test
  void setsUpNoInstanceForAnEmptyInput() {
    String runId = run(List.of());

    assertThat(EVENTS.get(runId).isEmpty(), is(true));
  }
}
