package dev.weir.runners.direct;

import static dev.weir.runners.direct.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.weir.runtime.testing.ListSource;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelismTest {
  private static final Map<String, CountDownLatch> BOTH_RUNNING = new ConcurrentHashMap<>();
  private static final Map<String, Set<String>> THREADS = new ConcurrentHashMap<>();

  /**
   * Waits, on its first element, until another bundle is being processed at the same time: the run
   * fails unless two workers really run at once.
   */
  static final class MeetAnotherWorkerFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    MeetAnotherWorkerFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element String element) throws InterruptedException {
      THREADS.get(runId).add(Thread.currentThread().getName());
      CountDownLatch latch = BOTH_RUNNING.get(runId);
      latch.countDown();
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("no second worker ran while this one waited");
      }
    }
  }

  @Test
  void runsBundlesOnSeveralWorkersAtOnceButNoMoreThanTargetParallelism() {
    String runId = UUID.randomUUID().toString();
    BOTH_RUNNING.put(runId, new CountDownLatch(2));
    THREADS.put(runId, ConcurrentHashMap.newKeySet());
    Pipeline p = pipeline("--targetParallelism=3");
    p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), IntStream.range(0, 60).mapToObj(i -> "e" + i).toList())))
        .apply("Meet", ParDo.of(new MeetAnotherWorkerFn(runId)));

    p.run();

    assertThat(THREADS.get(runId).size(), allOf(greaterThanOrEqualTo(2), lessThanOrEqualTo(3)));
  }
}
