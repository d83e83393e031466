package dev.weir.runners.continuous;

import static dev.weir.runners.continuous.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class RecordAtATimeTest {

  @Test
  void aCountTriggerFiresOnTheRecordThatCompletesTheCount() {
    Pipeline p = pipeline("--parallelism=1");
    PCollection<Integer> paneSizes = p
        .apply(Create.of(KV.of("k", 1), KV.of("k", 2), KV.of("k", 3), KV.of("k", 4), KV.of("k", 5), KV.of("k", 6)))
        .apply(Window.<KV<String, Integer>>configure()
            .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(2))).discardingFiredPanes())
        .apply(GroupByKey.create())
        .apply(MapElements.into(TypeDescriptors.integers())
            .via((KV<String, Iterable<Integer>> group) -> (int) group.getValue().spliterator().getExactSizeIfKnown()));

    // Three panes of two, then the on-time pane at the end of the window, empty (OnTimeBehavior.FIRE_ALWAYS).
    PAssert.that(paneSizes).containsInAnyOrder(2, 2, 2, 0);
    p.run();
  }

  @Test
  void aProgressLineGivesRatesWatermarkLagAndBlockedTimePerOperatorThenCheckpoints() {
    Progress earlier = new Progress(List.of(
        new Progress.Operator("Read", 1, 100, 100, new Instant(1_000), 5)), 0, 0, 0);
    Progress later = new Progress(List.of(
        new Progress.Operator("Read", 1, 2100, 2100, new Instant(9_000), 25)), 3, 12, 4096);

    String line = later.line(earlier, 2000, new Instant(10_000));

    assertThat(line, containsString("Read[in/s=1000 out/s=1000 wm=1970-01-01T00:00:09.000Z lag=1000ms blocked=20ms]"));
    assertThat(line.endsWith("checkpoints=3 last=12ms/4096B"), is(true));
  }
}
