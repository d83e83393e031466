package dev.weir.sdk.testing;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.metrics.MetricNameFilter;
import dev.weir.sdk.metrics.MetricQueryResults;
import dev.weir.sdk.metrics.MetricResult;
import dev.weir.sdk.metrics.MetricsFilter;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.runners.TransformHierarchy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link Pipeline} for tests, and the JUnit 5 extension that checks how a test used it.
 *
 * <pre>{@code
 * @RegisterExtension final transient TestPipeline p = TestPipeline.create();
 *
 * @Test
 * void countsWords() {
 *   PCollection<String> words = p.apply(Create.of("a", "b", "a"));
 *   PAssert.that(words.apply(Count.perElement())).containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L));
 *   p.run();
 * }
 * }</pre>
 *
 * <p>{@link #create()} takes its options from system properties (see {@link
 * #testingPipelineOptions()}), so one test class runs unchanged on every runner. {@link #run()}
 * waits for the run to finish and rethrows its failure (a failed {@link PAssert} is a {@link
 * Pipeline.PipelineExecutionException} caused by an {@link AssertionError}); when the runner
 * reports metrics it then checks that every assertion declared on the pipeline reported success,
 * which catches assertions that silently never ran.
 *
 * <p>After each test that did not fail on its own, the extension fails the test if it applied
 * transforms but never called {@code run()} ({@link PipelineRunMissingException}), or applied
 * transforms after its last {@code run()} ({@link AbandonedNodeException}), unless disabled with
 * {@link #enableAbandonedNodeEnforcement(boolean)}. A test whose own assertion failed is reported
 * as that failure, never masked by these checks.
 *
 * <p>Declare it as a non-static field with {@code @RegisterExtension}, one per test (the default
 * per-method test instance lifecycle): an instance serves one test, and {@code run()} fails if the
 * extension was not registered. Not thread-safe, like {@link Pipeline}. Declare it {@code
 * transient} when the test class has inner {@code DoFn}s that capture the test instance.
 */
public class TestPipeline extends Pipeline implements BeforeEachCallback, AfterEachCallback {

  /** The system property naming the runner tests run on, such as {@code DirectRunner}. */
  public static final String PROPERTY_RUNNER = "weir.runner";

  /** The system property holding further flags, as a JSON array of strings. */
  public static final String PROPERTY_TEST_PIPELINE_OPTIONS = "weir.testPipelineOptions";

  /** Checks of the direct runner that every test pipeline turns on unless its flags set them. */
  private static final List<String> ENFORCEMENT_FLAGS = List.of("enforceImmutability", "enforceEncodability");

  private static final ObjectMapper JSON = new ObjectMapper();

  private boolean abandonedNodeEnforcement = true;
  private boolean autoRunIfMissing;
  private boolean registered;
  private String currentTest;
  private Set<String> nodesAtLastRun;

  /** A test pipeline; prefer {@link #create()} or {@link #fromOptions}. */
  protected TestPipeline(PipelineOptions options) {
    super(options);
  }

  /** A test pipeline with the {@link #testingPipelineOptions()}. */
  public static TestPipeline create() {
    return fromOptions(testingPipelineOptions());
  }

  /** A test pipeline with the given options, for tests that need options of their own. */
  public static TestPipeline fromOptions(PipelineOptions options) {
    return new TestPipeline(checkNotNull(options, "options"));
  }

  /**
   * The options test pipelines run with, from system properties: {@value #PROPERTY_RUNNER} names
   * the runner (absent: the default runner), and {@value #PROPERTY_TEST_PIPELINE_OPTIONS} holds
   * further flags as a JSON array of strings, such as {@code ["--targetParallelism=2"]}. Unless
   * those flags set them, {@code --enforceImmutability=true} and {@code --enforceEncodability=true}
   * are added: the direct runner's checks are on in tests (other runners ignore them). Flags are
   * parsed strictly, except those two, which are accepted even where no runner declares them.
   *
   * @throws IllegalArgumentException naming the property, if a property is malformed, the flags
   *     contain an option no registered interface declares, or they name another runner than
   *     {@value #PROPERTY_RUNNER}
   */
  public static PipelineOptions testingPipelineOptions() {
    List<String> flags = flagsFromProperty(System.getProperty(PROPERTY_TEST_PIPELINE_OPTIONS));
    addRunnerFromProperty(flags, System.getProperty(PROPERTY_RUNNER));
    checkParseStrictly(flags);
    for (String check : ENFORCEMENT_FLAGS) {
      if (flagValue(flags, check).isEmpty()) {
        flags.add("--" + check + "=true");
      }
    }
    // Without strict parsing, the enforcement flags are kept even where no runner declares them.
    return PipelineOptionsFactory.fromArgs(flags.toArray(String[]::new)).withoutStrictParsing().create();
  }

  private static void addRunnerFromProperty(List<String> flags, String runner) {
    if (runner == null || runner.isBlank()) {
      return;
    }
    Optional<String> flagged = flagValue(flags, "runner");
    if (flagged.isPresent() && !flagged.get().equals(runner.trim())) {
      throw new IllegalArgumentException(
          "System property " + PROPERTY_RUNNER + " names runner '" + runner.trim() + "' but "
              + PROPERTY_TEST_PIPELINE_OPTIONS + " has --runner=" + flagged.get()
              + ". Fix: name the runner in one of the two properties only.");
    }
    if (flagged.isEmpty()) {
      flags.add(0, "--runner=" + runner.trim());
    }
  }

  /**
   * Parses all flags but the enforcement ones (which only the direct runner declares) strictly, so
   * that a misspelt flag fails instead of being silently kept.
   */
  private static void checkParseStrictly(List<String> flags) {
    String[] checked = flags.stream().filter(flag -> !isEnforcementFlag(flag)).toArray(String[]::new);
    try {
      PipelineOptionsFactory.fromArgs(checked).create();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The test pipeline flags " + flags + " (from system properties " + PROPERTY_RUNNER + " and "
              + PROPERTY_TEST_PIPELINE_OPTIONS + ") do not parse: " + e.getMessage(),
          e);
    }
  }

  private static List<String> flagsFromProperty(String json) {
    if (json == null || json.isBlank()) {
      return new ArrayList<>();
    }
    try {
      String[] flags = JSON.readValue(json, String[].class);
      return new ArrayList<>(Arrays.asList(flags));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "System property " + PROPERTY_TEST_PIPELINE_OPTIONS + " must be a JSON array of strings, such as"
              + " [\"--targetParallelism=2\"], but is: " + json + " (" + e.getOriginalMessage() + ")",
          e);
    }
  }

  private static boolean isEnforcementFlag(String flag) {
    return ENFORCEMENT_FLAGS.stream().anyMatch(name -> flagValue(List.of(flag), name).isPresent());
  }

  /** The value of the last {@code --name} flag ("true" for a bare one), if any. */
  private static Optional<String> flagValue(List<String> flags, String name) {
    String bare = "--" + name;
    Optional<String> value = Optional.empty();
    for (String flag : flags) {
      if (flag.equals(bare)) {
        value = Optional.of("true");
      } else if (flag.startsWith(bare + "=")) {
        value = Optional.of(flag.substring(bare.length() + 1));
      }
    }
    return value;
  }

  /**
   * Whether, after the test, to fail it if it applied transforms without running them (on by
   * default). Turn it off for a test that builds a pipeline deliberately never run.
   */
  public TestPipeline enableAbandonedNodeEnforcement(boolean enable) {
    this.abandonedNodeEnforcement = enable;
    return this;
  }

  /** Whether, after a test that never called {@code run()}, to run the pipeline (off by default). */
  public TestPipeline enableAutoRunIfMissing(boolean enable) {
    this.autoRunIfMissing = enable;
    return this;
  }

  /** Runs the pipeline with its own options; see {@link #run(PipelineOptions)}. */
  @Override
  public PipelineResult run() {
    return run(getOptions());
  }

  /**
   * Runs the pipeline, waits until the run finishes, and checks that every {@link PAssert}
   * assertion reported success when the runner reports metrics.
   *
   * @throws Pipeline.PipelineExecutionException if the run failed, for example on an assertion
   * @throws AssertionError if the run did not end DONE, or an assertion never reported success
   * @throws IllegalStateException if the extension is not registered with {@code @RegisterExtension}
   */
  @Override
  public PipelineResult run(PipelineOptions options) {
    checkState(registered,
        "This TestPipeline is not registered as a JUnit 5 extension, so it cannot check how the test uses it."
            + " Fix: declare it as '@RegisterExtension final transient TestPipeline p = TestPipeline.create();'"
            + " (a non-static field).");
    nodesAtLastRun = appliedTransforms().stream().map(AppliedTransform::fullName).collect(Collectors.toSet());
    PipelineResult result = super.run(options);
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new AssertionError(
          "The pipeline run of " + currentTest + " ended in state " + state + " instead of DONE, so its"
              + " assertions may not have been checked.");
    }
    verifyPAssertsSucceeded(this, result);
    return result;
  }

  /**
   * Checks that every {@link PAssert} assertion of {@code pipeline} reported success in {@code
   * result}; does nothing when the runner does not report metrics.
   *
   * @throws AssertionError naming the assertions that never reported success
   */
  public static void verifyPAssertsSucceeded(Pipeline pipeline, PipelineResult result) {
    List<String> assertions = assertionNames(pipeline);
    if (assertions.isEmpty()) {
      return;
    }
    Optional<MetricQueryResults> successes = successCounters(result);
    if (successes.isEmpty()) {
      return;
    }
    List<String> silent = new ArrayList<>();
    for (String assertion : assertions) {
      boolean succeeded = false;
      for (MetricResult<Long> counter : successes.get().getCounters()) {
        String step = counter.getKey().stepName();
        succeeded |= counter.getAttempted() > 0 && (step.equals(assertion) || step.startsWith(assertion + "/"));
      }
      if (!succeeded) {
        silent.add(assertion);
      }
    }
    if (!silent.isEmpty()) {
      throw new AssertionError(
          "Expected all " + assertions.size() + " PAssert assertions to succeed, but " + silent
              + " never reported success (counter " + PAssert.SUCCESS_COUNTER + "): the runner did not run"
              + " their checks.");
    }
  }

  private static Optional<MetricQueryResults> successCounters(PipelineResult result) {
    MetricsFilter filter = MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(PAssert.class, PAssert.SUCCESS_COUNTER))
        .build();
    try {
      return result.metrics() == null ? Optional.empty() : Optional.ofNullable(result.metrics().queryMetrics(filter));
    } catch (UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private static List<String> assertionNames(Pipeline pipeline) {
    List<String> names = new ArrayList<>();
    pipeline.traverseTopologically(new PipelineVisitor.Defaults() {
      @Override
      public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
        if (!node.isRootNode() && PAssert.isAssertion(node)) {
          names.add(node.getFullName());
          return CompositeBehavior.DO_NOT_ENTER_TRANSFORM;
        }
        return CompositeBehavior.ENTER_TRANSFORM;
      }
    });
    return names;
  }

  /** The transforms applied to this pipeline, composites and their parts, in the order applied. */
  private List<AppliedTransform> appliedTransforms() {
    List<AppliedTransform> applied = new ArrayList<>();
    traverseTopologically(new PipelineVisitor.Defaults() {
      @Override
      public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
        if (!node.isRootNode()) {
          applied.add(new AppliedTransform(node.getFullName(), PAssert.isAssertion(node)));
        }
        return CompositeBehavior.ENTER_TRANSFORM;
      }

      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {
        applied.add(new AppliedTransform(node.getFullName(), false));
      }
    });
    return applied;
  }

  /** One applied transform, by full name, and whether it is a {@link PAssert} assertion. */
  private record AppliedTransform(String fullName, boolean isAssertion) {}

  @Override
  public void beforeEach(ExtensionContext context) {
    checkState(!registered,
        "This TestPipeline is shared by several tests (%s, then %s): a pipeline serves one test. Fix: declare"
            + " it as a non-static '@RegisterExtension final transient TestPipeline p = TestPipeline.create();'"
            + " field and keep the default per-method test instance lifecycle.",
        currentTest, describe(context));
    registered = true;
    currentTest = describe(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      return;
    }
    List<AppliedTransform> applied = appliedTransforms();
    if (nodesAtLastRun == null && !applied.isEmpty()) {
      if (autoRunIfMissing) {
        run();
      } else if (abandonedNodeEnforcement) {
        throw new PipelineRunMissingException(
            "Test " + currentTest + " built a pipeline but never called run(), so none of its "
                + PAssert.countAsserts(this) + " PAssert assertions was checked. Fix: call p.run() at the end"
                + " of the test, or p.enableAbandonedNodeEnforcement(false) if it deliberately never runs.");
      }
    } else if (nodesAtLastRun != null && abandonedNodeEnforcement) {
      checkNoneAppliedAfterRun(applied);
    }
  }

  private void checkNoneAppliedAfterRun(List<AppliedTransform> applied) {
    List<AppliedTransform> late = applied.stream().filter(t -> !nodesAtLastRun.contains(t.fullName())).toList();
    List<String> lateAsserts = late.stream().filter(AppliedTransform::isAssertion).map(AppliedTransform::fullName).toList();
    if (!lateAsserts.isEmpty()) {
      throw new AbandonedNodeException(
          "Test " + currentTest + " has a PAssert added after run(), which was never checked: " + lateAsserts
              + ". Fix: declare assertions before p.run().");
    }
    if (!late.isEmpty()) {
      throw new AbandonedNodeException(
          "Test " + currentTest + " applied transforms after its last run(), which never ran: "
              + late.stream().map(AppliedTransform::fullName).toList()
              + ". Fix: apply them before p.run(), or call p.run() again, or p.enableAbandonedNodeEnforcement(false).");
    }
  }

  private static String describe(ExtensionContext context) {
    String testClass = context.getTestClass().map(Class::getName).orElse("?");
    return context.getTestMethod().map(m -> testClass + "." + m.getName()).orElse(context.getDisplayName());
  }

  @Override
  public String toString() {
    return "TestPipeline#" + System.identityHashCode(this) + (currentTest == null ? "" : " of " + currentTest);
  }

  /** Thrown after a test that applied transforms to its {@link TestPipeline} but never ran it. */
  public static class PipelineRunMissingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineRunMissingException(String message) {
      super(message);
    }
  }

  /** Thrown after a test that applied transforms to its {@link TestPipeline} after its last run. */
  public static class AbandonedNodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AbandonedNodeException(String message) {
      super(message);
    }
  }
}
