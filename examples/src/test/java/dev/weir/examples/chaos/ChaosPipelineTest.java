package dev.weir.examples.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.KV;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ChaosPipelineTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @TempDir Path dir;

  @Test
  void anUninterruptedRunOnTheDirectRunnerWritesExactlyTheExpectedOutput() {
    Path prefix = dir.resolve("records");
    ChaosPipeline.ChaosPipelineOptions options = PipelineOptionsFactory.fromArgs(
        "--runner=DirectRunner", "--records=5000", "--keys=7", "--output=" + prefix)
        .as(ChaosPipeline.ChaosPipelineOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    ChaosPipeline.runningTotals(pipeline, options)
        .apply(ChaosPipeline.committedFiles(prefix.toString()));

    pipeline.run().waitUntilFinish();

    ChaosChecker.Report report = ChaosChecker.check(prefix, 5000, 7);
    assertTrue(report.isExactlyOnce(), report.problems().toString());
    assertEquals(5000, report.records());
  }

  @Test
  void runningTotalsFollowSequenceNumbersWhateverTheArrivalOrder() {
    List<KV<String, KV<Long, Long>>> shuffled = List.of(
        KV.of("k0", KV.of(2L, 5L)), KV.of("k1", KV.of(0L, 7L)), KV.of("k0", KV.of(0L, 1L)),
        KV.of("k0", KV.of(1L, 3L)));

    PAssert.that(p.apply(Create.of(shuffled)).apply(ParDo.of(new RunningTotalFn())))
        .containsInAnyOrder("k0 0 1 1", "k0 1 3 4", "k0 2 5 9", "k1 0 7 7");
    p.run();
  }

  @Test
  void aRecordDeliveredTwiceIsOutputTwiceSoTheDuplicateShows() {
    List<KV<String, KV<Long, Long>>> twice = List.of(
        KV.of("k0", KV.of(0L, 1L)), KV.of("k0", KV.of(1L, 3L)), KV.of("k0", KV.of(0L, 1L)));

    PAssert.that(p.apply(Create.of(twice)).apply(ParDo.of(new RunningTotalFn())))
        .satisfies(lines -> {
          int copies = 0;
          for (String line : lines) {
            copies += line.startsWith("k0 0 ") ? 1 : 0;
          }
          assertEquals(2, copies, "copies of k0 seq 0 in " + lines);
          return null;
        });
    p.run();
  }
}
