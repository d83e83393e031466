package dev.weir.runners.direct;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class RunnerSelectionTest {

  @Test
  void runnerDirectSelectsTheDirectRunner() {
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--runner=direct").create();

    assertThat(options.getRunner(), sameInstance(DirectRunner.class));
    assertThat(PipelineRunner.fromOptions(options), instanceOf(DirectRunner.class));
  }

  @Test
  void isTheDefaultRunner() {
    assertThat(PipelineOptionsFactory.create().getRunner(), sameInstance(DirectRunner.class));
  }

  @Test
  void parsesItsOwnFlags() {
    DirectOptions options = PipelineOptionsFactory.fromArgs(
        "--targetParallelism=3", "--enforceImmutability", "--enforceEncodability=true", "--blockOnRun=false")
        .as(DirectOptions.class);

    assertThat(options.getTargetParallelism(), is(3));
    assertThat(options.isEnforceImmutability(), is(true));
    assertThat(options.isEnforceEncodability(), is(true));
    assertThat(options.isBlockOnRun(), is(false));
  }

  @Test
  void defaultsToBlockingWithoutChecksOnEveryProcessor() {
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);

    assertThat(options.getTargetParallelism(), is(Runtime.getRuntime().availableProcessors()));
    assertThat(options.isEnforceImmutability(), is(false));
    assertThat(options.isEnforceEncodability(), is(false));
    assertThat(options.isBlockOnRun(), is(true));
  }

  @Test
  void rejectsATargetParallelismBelowOneNamingTheFlag() {
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--targetParallelism=0").create();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DirectRunner.fromOptions(options));

    assertThat(e.getMessage(), containsString("--targetParallelism must be at least 1, got 0"));
  }
}
