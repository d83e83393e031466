package dev.weir.runtime.jobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult.State;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class JobRunTest {
  @Test
  void endsInTheStateItsBodyReturns() {
    JobRun run = JobRun.start("TestRunner", "test-job", () -> State.DONE, () -> {});

    assertThat(run.waitUntilFinish(Duration.ZERO), is(State.DONE));
  }

  @Test
  void throwsTheBodysPipelineExecutionExceptionOnEveryWait() {
    PipelineExecutionException failure = new PipelineExecutionException("step 'X' failed", new RuntimeException());
    JobRun run = JobRun.start("TestRunner", "test-job", () -> {
      throw failure;
    }, () -> {});

    assertThat(assertThrows(PipelineExecutionException.class, () -> run.waitUntilFinish(Duration.ZERO)),
        sameInstance(failure));
    assertThat(assertThrows(PipelineExecutionException.class, () -> run.waitUntilFinish(Duration.ZERO)),
        sameInstance(failure));
    assertThat(run.state(), is(State.FAILED));
  }

  @Test
  void wrapsAnyOtherExceptionNamingTheRunner() {
    IOException cause = new IOException("disk full");
    JobRun run = JobRun.start("TestRunner", "test-job", () -> {
      throw cause;
    }, () -> {});

    PipelineExecutionException thrown =
        assertThrows(PipelineExecutionException.class, () -> run.waitUntilFinish(Duration.ZERO));
    assertThat(thrown.getMessage(), is("The TestRunner failed: java.io.IOException: disk full"));
    assertThat(thrown.getCause(), sameInstance(cause));
  }

  @Test
  void cancelStopsTheBodyOnceAndStaysCancelled() {
    CountDownLatch stop = new CountDownLatch(1);
    AtomicInteger cancels = new AtomicInteger();
    JobRun run = JobRun.start("TestRunner", "test-job", () -> {
      stop.await();
      return State.DONE;
    }, () -> {
      cancels.incrementAndGet();
      stop.countDown();
    });

    assertThat(run.cancel(), is(State.CANCELLED));
    assertThat(run.cancel(), is(State.CANCELLED));
    assertThat(run.waitUntilFinish(Duration.ZERO), is(State.CANCELLED));
    assertThat(cancels.get(), is(1));
  }

  @Test
  void aWaitThatRunsOutReturnsNull() {
    CountDownLatch stop = new CountDownLatch(1);
    JobRun run = JobRun.start("TestRunner", "test-job", () -> {
      stop.await();
      return State.DONE;
    }, stop::countDown);

    assertThat(run.waitUntilFinish(Duration.millis(20)), nullValue());
    run.cancel();
  }
}
