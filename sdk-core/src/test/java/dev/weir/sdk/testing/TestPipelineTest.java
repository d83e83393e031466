package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.testing.ScriptedRunner.Outcome;
import dev.weir.sdk.values.PCollection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** TestPipeline's checks, with its JUnit callbacks called directly and a runner that runs nothing. */
class TestPipelineTest {
  private FakeExtensionContext context;
  private String testName;

  @BeforeEach
  void describeTheTest(TestInfo info) {
    context = FakeExtensionContext.of(info.getTestMethod().orElseThrow());
    testName = TestPipelineTest.class.getName() + "." + info.getTestMethod().orElseThrow().getName();
  }

  private TestPipeline registered(Outcome outcome) {
    TestPipeline p = TestPipeline.fromOptions(ScriptedRunner.options(outcome));
    p.beforeEach(context);
    return p;
  }

  private static PCollection<Integer> numbers(TestPipeline p) {
    return p.apply(InMemoryElements.of(VarIntCoder.of(), 1, 2, 3));
  }

  @Test
  void pipelineThatRanPasses() {
    TestPipeline p = registered(Outcome.ALL_ASSERTIONS_SUCCEED);
    PAssert.that(numbers(p)).containsInAnyOrder(1, 2, 3);

    p.run();

    assertDoesNotThrow(() -> p.afterEach(context));
  }

  @Test
  void pipelineBuiltButNeverRunFailsNamingTheTestAndTheFix() {
    TestPipeline p = registered(Outcome.ALL_ASSERTIONS_SUCCEED);
    PAssert.that(numbers(p)).containsInAnyOrder(1, 2, 3);

    TestPipeline.PipelineRunMissingException error =
        assertThrows(TestPipeline.PipelineRunMissingException.class, () -> p.afterEach(context));

    assertThat(error.getMessage(), equalTo("Test " + testName + " built a pipeline but never called run(), so none"
        + " of its 1 PAssert assertions was checked. Fix: call p.run() at the end of the test, or"
        + " p.enableAbandonedNodeEnforcement(false) if it deliberately never runs."));
  }

  @Test
  void emptyPipelineNeverRunPasses() {
    TestPipeline p = registered(Outcome.ALL_ASSERTIONS_SUCCEED);

    assertDoesNotThrow(() -> p.afterEach(context));
  }

  @Test
  void disabledEnforcementLetsABuiltPipelineGoUnrun() {
    TestPipeline p = registered(Outcome.ALL_ASSERTIONS_SUCCEED).enableAbandonedNodeEnforcement(false);
    numbers(p);

    assertDoesNotThrow(() -> p.afterEach(context));
  }

  @Test
  void autoRunRunsAPipelineTheTestDidNotRun() {
    TestPipeline p = registered(Outcome.FAILS).enableAutoRunIfMissing(true);
    numbers(p);

    // The scripted run fails, which shows that afterEach ran it.
    assertThrows(PipelineExecutionException.class, () -> p.afterEach(context));
  }

  @Test
  void pAssertAddedAfterRunFails() {
    TestPipeline p = registered(Outcome.ALL_ASSERTIONS_SUCCEED);
    PCollection<Integer> numbers = numbers(p);
    p.run();
    PAssert.that(numbers).empty();

    TestPipeline.AbandonedNodeException error =
        assertThrows(TestPipeline.AbandonedNodeException.class, () -> p.afterEach(context));

    assertThat(error.getMessage(), containsString("Test " + testName + " has a PAssert added after run(), which was"
        + " never checked: [PAssert$"));
    assertThat(error.getMessage(), containsString("Fix: declare assertions before p.run()."));
  }

  @Test
  void transformAppliedAfterRunFails() {
    TestPipeline p = registered(Outcome.ALL_ASSERTIONS_SUCCEED);
    numbers(p);
    p.run();
    p.apply("Late", InMemoryElements.of(VarIntCoder.of(), 4));

    TestPipeline.AbandonedNodeException error =
        assertThrows(TestPipeline.AbandonedNodeException.class, () -> p.afterEach(context));

    assertThat(error.getMessage(), equalTo("Test " + testName + " applied transforms after its last run(), which"
        + " never ran: [Late, Late/Read(ElementsSource)]. Fix: apply them before p.run(), or call p.run() again,"
        + " or p.enableAbandonedNodeEnforcement(false)."));
  }

  @Test
  void runningAgainAfterMoreTransformsPasses() {
    TestPipeline p = registered(Outcome.ALL_ASSERTIONS_SUCCEED);
    PCollection<Integer> numbers = numbers(p);
    p.run();
    PAssert.that(numbers).containsInAnyOrder(1, 2, 3);
    p.run();

    assertDoesNotThrow(() -> p.afterEach(context));
  }

  @Test
  void failureOfTheTestItselfIsNotMasked() {
    TestPipeline p = registered(Outcome.ALL_ASSERTIONS_SUCCEED);
    numbers(p);

    assertDoesNotThrow(() -> p.afterEach(context.failedWith(new AssertionError("the test's own failure"))));
  }

  @Test
  void runWithoutRegisteringTheExtensionFails() {
    TestPipeline p = TestPipeline.fromOptions(ScriptedRunner.options(Outcome.ALL_ASSERTIONS_SUCCEED));
    numbers(p);

    IllegalStateException error = assertThrows(IllegalStateException.class, p::run);

    assertThat(error.getMessage(), containsString("not registered as a JUnit 5 extension"));
    assertThat(error.getMessage(),
        containsString("Fix: declare it as '@RegisterExtension final transient TestPipeline p = TestPipeline.create();'"));
  }

  @Test
  void sharingOnePipelineBetweenTestsFails() {
    TestPipeline p = registered(Outcome.ALL_ASSERTIONS_SUCCEED);

    IllegalStateException error = assertThrows(IllegalStateException.class, () -> p.beforeEach(context));

    assertThat(error.getMessage(), containsString("shared by several tests (" + testName + ", then " + testName + ")"));
  }

  @Test
  void runRethrowsTheFailureOfTheRun() {
    TestPipeline p = registered(Outcome.FAILS);
    numbers(p);

    PipelineExecutionException error = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(error.getCause(), instanceOf(AssertionError.class));
  }

  @Test
  void runThatEndsCancelledFails() {
    TestPipeline p = registered(Outcome.CANCELLED);
    numbers(p);

    AssertionError error = assertThrows(AssertionError.class, p::run);

    assertThat(error.getMessage(), equalTo("The pipeline run of " + testName + " ended in state CANCELLED instead"
        + " of DONE, so its assertions may not have been checked."));
  }

  @Test
  void runFailsWhenAnAssertionNeverReportedSuccess() {
    TestPipeline p = registered(Outcome.NO_ASSERTION_RUNS);
    PAssert.that(numbers(p)).containsInAnyOrder(1, 2, 3);

    AssertionError error = assertThrows(AssertionError.class, p::run);

    assertThat(error.getMessage(), containsString("Expected all 1 PAssert assertions to succeed, but [PAssert$"));
    assertThat(error.getMessage(),
        containsString("] never reported success (counter PAssertSuccess): the runner did not run their checks."));
  }

  @Test
  void runnerWithoutMetricsIsNotAskedForSuccesses() {
    TestPipeline p = registered(Outcome.NO_METRICS);
    PAssert.that(numbers(p)).containsInAnyOrder(1, 2, 3);

    PipelineResult result = p.run();

    assertThat(result.getState(), equalTo(PipelineResult.State.DONE));
  }

  @Test
  void runPassesWhenEveryAssertionReportedSuccess() {
    TestPipeline p = registered(Outcome.ALL_ASSERTIONS_SUCCEED);
    PCollection<Integer> numbers = numbers(p);
    PAssert.that(numbers).containsInAnyOrder(1, 2, 3);
    PAssert.thatSingleton(numbers).notEqualTo(7);

    PipelineResult result = p.run();

    assertThat(result.getState(), equalTo(PipelineResult.State.DONE));
  }
}
