package dev.weir.runners.direct;

import static dev.weir.runners.direct.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.testing.ListSource;
import dev.weir.runtime.testing.TestWindowFns;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.Window;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FailureTest {

  /** A failure of the user's own. */
  static final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
      super(message);
    }
  }

  static final class ParseFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      if (element.equals("bad")) {
        throw new ParseException("cannot parse 'bad'");
      }
      out.output(element);
    }
  }

  private static Pipeline parsing(List<String> elements, String... flags) {
    Pipeline p = pipeline(flags);
    p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), elements)))
        .apply("Parse", ParDo.of(new ParseFn()));
    return p;
  }

  @Test
  void runFailsNamingTheTransformWithTheUsersExceptionAsCause() {
    Pipeline p = parsing(List.of("good", "bad"));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(e.getMessage(), containsString("Transform 'Parse/ParMultiDo(ParseFn)' failed"));
    assertThat(e.getCause(), instanceOf(ParseException.class));
    assertThat(e.getCause().getMessage(), is("cannot parse 'bad'"));
  }

  @Test
  void waitUntilFinishThrowsForABackgroundRunThatFailed() {
    PipelineResult result = parsing(List.of("bad"), "--blockOnRun=false").run();

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, result::waitUntilFinish);

    assertThat(e.getCause(), instanceOf(ParseException.class));
    assertThat(result.getState(), is(PipelineResult.State.FAILED));
  }

  private static final Map<String, CountDownLatch> BLOCKED = new ConcurrentHashMap<>();
  private static final Map<String, AtomicBoolean> INTERRUPTED = new ConcurrentHashMap<>();

  /** Blocks on "block" until interrupted; fails on "bad" once "block" is blocked. */
  static final class BlockOrFailFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    BlockOrFailFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element String element) throws InterruptedException {
      CountDownLatch blocked = BLOCKED.get(runId);
      if (element.equals("block")) {
        blocked.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          INTERRUPTED.get(runId).set(true);
          throw e;
        }
      } else if (blocked.await(30, TimeUnit.SECONDS)) {
        throw new ParseException("failing while another worker is blocked");
      }
    }
  }

  @Test
  @Timeout(60)
  void stopsOtherWorkersPromptlyWhenOneFails() {
    String runId = UUID.randomUUID().toString();
    BLOCKED.put(runId, new CountDownLatch(1));
    INTERRUPTED.put(runId, new AtomicBoolean());
    Pipeline p = pipeline("--targetParallelism=2");
    p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), List.of("block", "bad"))))
        .apply("Stuck", ParDo.of(new BlockOrFailFn(runId)));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(e.getCause().getMessage(), is("failing while another worker is blocked"));
    assertThat(INTERRUPTED.get(runId).get(), is(true));
  }

  static final class FailingSetupFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @Setup
    public void setup() {
      throw new ParseException("no connection");
    }

    @ProcessElement
    public void process(@Element String element) {}
  }

  @Test
  void aFailingSetupFailsTheRunNamingTheTransform() {
    Pipeline p = pipeline();
    p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), List.of("a"))))
        .apply("Connect", ParDo.of(new FailingSetupFn()));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(e.getMessage(), containsString("Transform 'Connect/ParMultiDo(FailingSetupFn)' failed"));
    assertThat(e.getCause().getMessage(), is("no connection"));
  }

  @Test
  void aFailingWindowFnFailsTheRunNamingTheTransform() {
    Pipeline p = pipeline();
    p.apply("Read", Read.from(ListSource.timestamped(StringUtf8Coder.of(), List.of("a"), -5)))
        .apply("Window", Window.into(new TestWindowFns.FailsOnNegative()));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(e.getMessage(), containsString("Transform 'Window/Window.Assign' failed"));
    assertThat(e.getCause().getMessage(), is("negative timestamp"));
  }
}
