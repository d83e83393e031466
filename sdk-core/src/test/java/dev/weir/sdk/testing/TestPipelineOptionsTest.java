package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.PipelineOptions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How {@link TestPipeline#testingPipelineOptions()} reads the system properties. */
class TestPipelineOptionsTest {
  private final Map<String, String> saved = new HashMap<>();

  /** The direct runner's checks, as seen through an interface of this test. */
  public interface EnforcementOptions extends PipelineOptions {
    @Default.Boolean(false)
    boolean getEnforceImmutability();

    void setEnforceImmutability(boolean enforce);

    @Default.Boolean(false)
    boolean getEnforceEncodability();

    void setEnforceEncodability(boolean enforce);
  }

  @BeforeEach
  void saveProperties() {
    for (String name : new String[] {TestPipeline.PROPERTY_RUNNER, TestPipeline.PROPERTY_TEST_PIPELINE_OPTIONS}) {
      saved.put(name, System.getProperty(name));
      System.clearProperty(name);
    }
  }

  @AfterEach
  void restoreProperties() {
    saved.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
  }

  @Test
  void runnerComesFromTheRunnerProperty() {
    System.setProperty(TestPipeline.PROPERTY_RUNNER, ScriptedRunner.class.getName());

    assertThat(TestPipeline.testingPipelineOptions().getRunner(), equalTo(ScriptedRunner.class));
  }

  @Test
  void flagsComeFromTheJsonArrayProperty() {
    System.setProperty(TestPipeline.PROPERTY_TEST_PIPELINE_OPTIONS, "[\"--jobName=nightly\", \"--runner="
        + ScriptedRunner.class.getName() + "\"]");

    PipelineOptions options = TestPipeline.testingPipelineOptions();

    assertThat(options.getJobName(), equalTo("nightly"));
    assertThat(options.getRunner(), equalTo(ScriptedRunner.class));
  }

  @Test
  void directRunnerChecksAreOnByDefault() {
    EnforcementOptions options = TestPipeline.testingPipelineOptions().as(EnforcementOptions.class);

    assertThat(options.getEnforceImmutability(), equalTo(true));
    assertThat(options.getEnforceEncodability(), equalTo(true));
  }

  @Test
  void checkSetByTheFlagsKeepsItsValue() {
    System.setProperty(TestPipeline.PROPERTY_TEST_PIPELINE_OPTIONS, "[\"--enforceImmutability=false\"]");

    EnforcementOptions options = TestPipeline.testingPipelineOptions().as(EnforcementOptions.class);

    assertThat(options.getEnforceImmutability(), equalTo(false));
    assertThat(options.getEnforceEncodability(), equalTo(true));
  }

  @Test
  void createUsesTheTestingOptions() {
    System.setProperty(TestPipeline.PROPERTY_RUNNER, ScriptedRunner.class.getName());
    System.setProperty(TestPipeline.PROPERTY_TEST_PIPELINE_OPTIONS, "[\"--jobName=nightly\"]");

    TestPipeline p = TestPipeline.create();

    assertThat(p.getOptions().getRunner(), equalTo(ScriptedRunner.class));
    assertThat(p.getOptions().getJobName(), equalTo("nightly"));
  }

  @Test
  void propertyThatIsNotAJsonArrayFailsNamingIt() {
    System.setProperty(TestPipeline.PROPERTY_TEST_PIPELINE_OPTIONS, "--jobName=nightly");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, TestPipeline::testingPipelineOptions);

    assertThat(error.getMessage(), startsWith("System property weir.testPipelineOptions must be a JSON array of"
        + " strings, such as [\"--targetParallelism=2\"], but is: --jobName=nightly ("));
  }

  @Test
  void unknownFlagFailsNamingTheProperties() {
    System.setProperty(TestPipeline.PROPERTY_TEST_PIPELINE_OPTIONS, "[\"--jobNmae=nightly\"]");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, TestPipeline::testingPipelineOptions);

    assertThat(error.getMessage(), startsWith("The test pipeline flags [--jobNmae=nightly] (from system properties"
        + " weir.runner and weir.testPipelineOptions) do not parse: "));
    assertThat(error.getMessage(), containsString("jobNmae"));
  }

  @Test
  void runnerFlagThatContradictsTheRunnerPropertyFails() {
    System.setProperty(TestPipeline.PROPERTY_RUNNER, "DirectRunner");
    System.setProperty(TestPipeline.PROPERTY_TEST_PIPELINE_OPTIONS, "[\"--runner=MicroBatchRunner\"]");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, TestPipeline::testingPipelineOptions);

    assertThat(error.getMessage(), equalTo("System property weir.runner names runner 'DirectRunner' but"
        + " weir.testPipelineOptions has --runner=MicroBatchRunner. Fix: name the runner in one of the two"
        + " properties only."));
  }
}
