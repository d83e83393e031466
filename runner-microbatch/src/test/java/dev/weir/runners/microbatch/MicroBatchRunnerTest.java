package dev.weir.runners.microbatch;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.io.GenerateSequence;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.Combine;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** Selecting the runner, checking its options, and cancelling a query that would not end. */
class MicroBatchRunnerTest {

  @Test
  void isFoundByItsShortName() {
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--runner=microbatch").create();

    assertThat(options.getRunner().getSimpleName(), is("MicroBatchRunner"));
  }

  @Test
  void rejectsParallelismBelowOneNamingTheFlag() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MicroBatchRunner.fromOptions(PipelineOptionsFactory.fromArgs("--parallelism=0").create()));

    assertThat(e.getMessage(), is("--parallelism must be at least 1, got 0"));
  }

  @Test
  void rejectsANegativeRecordLimitNamingTheFlag() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MicroBatchRunner.fromOptions(PipelineOptionsFactory.fromArgs("--maxRecordsPerBatch=-1").create()));

    assertThat(e.getMessage(), is("--maxRecordsPerBatch must be 0 (no limit) or more, got -1"));
  }

  @Test
  void rejectsAnUnknownTriggerListingTheAcceptedForms() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MicroBatchRunner.fromOptions(PipelineOptionsFactory.fromArgs("--trigger=sometimes").create()));

    assertThat(e.getMessage(), containsString("Invalid --trigger=sometimes"));
    assertThat(e.getMessage(), containsString("processingTime:<duration>"));
  }

  @Test
  void cancelStopsAQueryOverAnEndlessSource() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=microbatch", "--blockOnRun=false",
        "--quietProgress=true", "--maxRecordsPerBatch=100").create());
    p.apply(GenerateSequence.from(0)).apply(MapElements.into(TypeDescriptors.longs()).via((Long x) -> x + 1));
    MicroBatchPipelineResult result = (MicroBatchPipelineResult) p.run();

    assertThat(result.waitUntilFinish(Duration.millis(200)), is((PipelineResult.State) null));
    assertThat(result.cancel(), is(PipelineResult.State.CANCELLED));
    assertThat(result.waitUntilFinish(), is(PipelineResult.State.CANCELLED));
    assertThat(Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith("weir-microbatch-worker") && t.isAlive()), is(false));
  }

  /** Sums, but cannot take 13. */
  static final class NoThirteenFn extends Combine.BinaryCombineLongFn {
    private static final long serialVersionUID = 1L;

    @Override
    public long apply(long left, long right) {
      if (right == 13) {
        throw new IllegalArgumentException("cannot take 13");
      }
      return left + right;
    }

    @Override
    public long identity() {
      return 0;
    }
  }

  @Test
  void aFailureOfTheCombineFnInTheMapSideCombineNamesTheGrouping() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=microbatch", "--quietProgress=true",
        "--parallelism=2").create());
    p.apply(GenerateSequence.from(0).to(100))
        .apply(WithKeys.of((Long x) -> x % 2).withKeyType(TypeDescriptors.longs()))
        .apply("Sum", Combine.perKey(new NoThirteenFn()));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(e.getMessage(), containsString("Transform 'Sum/GroupByKey' failed"));
    assertThat(e.getCause().getMessage(), is("cannot take 13"));
  }
}
