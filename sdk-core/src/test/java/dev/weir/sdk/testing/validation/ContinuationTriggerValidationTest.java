package dev.weir.sdk.testing.validation;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.DescribePanes;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A second grouping downstream of a processing-time trigger runs the continuation trigger, as in
 * Beam: {@code AfterSynchronizedProcessingTime} in place of {@code AfterProcessingTime}. A pane of
 * the upstream grouping arriving at processing time t sets the downstream target to t, and the
 * downstream grouping fires once synchronized processing time is strictly after t, that is at the
 * next advance of processing time, not at the same instant; the watermark still fires its ON_TIME
 * pane.
 */
@ValidatesRunner
class ContinuationTriggerValidationTest {
  private static final Duration FIVE_MINUTES = Duration.standardMinutes(5);
  private static final String WINDOW = "[0,1800000)";

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** Joins a group's values, sorted, into one value under the same key. */
  private static final class JoinFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> group, OutputReceiver<KV<String, String>> out) {
      List<String> values = new ArrayList<>();
      group.getValue().forEach(values::add);
      values.sort(null);
      out.output(KV.of(group.getKey(), String.join("+", values)));
    }
  }

  /** Groups twice: first with early processing-time firings, then by the continuation trigger. */
  private PCollection<String> downstreamPanesOf(TestStream<String> stream) {
    return p.apply(stream)
        .apply(Window.<String>into(FixedWindows.of(Duration.standardMinutes(30)))
            .triggering(AfterWatermark.pastEndOfWindow()
                .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(FIVE_MINUTES)))
            .accumulatingFiredPanes()
            .withAllowedLateness(Duration.ZERO))
        .apply(WithKeys.of("k"))
        .apply("Upstream", GroupByKey.create())
        .apply(ParDo.of(new JoinFn()))
        .apply("Downstream", GroupByKey.create())
        .apply(DescribePanes.ofGroups());
  }

  private static TestStream.Builder<String> twoElements() {
    return TestStream.create(StringUtf8Coder.of())
        .addElements(TimestampedValue.of("a", new Instant(1000)), TimestampedValue.of("b", new Instant(2000)));
  }

  @Test
  void downstreamFiresAnEarlyPaneWhenProcessingTimeNextAdvancesAfterTheUpstreamEarlyPane() {
    TestStream<String> stream = twoElements()
        .advanceProcessingTime(Duration.standardMinutes(6))
        .advanceProcessingTime(Duration.standardMinutes(1))
        .advanceWatermarkToInfinity();

    PAssert.that(downstreamPanesOf(stream)).containsInAnyOrder(
        "k=[a+b] " + WINDOW + " EARLY#0",
        "k=[a+b, a+b] " + WINDOW + " ON_TIME#1 last");
    p.run();
  }

  @Test
  void downstreamHoldsTheUpstreamEarlyPaneUntilItsOnTimePaneWhenProcessingTimeStops() {
    TestStream<String> stream = twoElements()
        .advanceProcessingTime(Duration.standardMinutes(6))
        .advanceWatermarkToInfinity();

    PAssert.that(downstreamPanesOf(stream)).containsInAnyOrder(
        "k=[a+b, a+b] " + WINDOW + " ON_TIME#0 last");
    p.run();
  }
}
