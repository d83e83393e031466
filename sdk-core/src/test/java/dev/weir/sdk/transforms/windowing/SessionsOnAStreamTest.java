package dev.weir.sdk.transforms.windowing;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.DescribePanes;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Session windows on a stream: merging as elements arrive out of order, with triggers and lateness. */
@ValidatesRunner
class SessionsOnAStreamTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private PCollection<String> sessionsOf(TestStream<String> stream, Window<String> window) {
    return p.apply(stream)
        .apply(window)
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.ofGroups());
  }

  @Test
  void sessionsMergeAsOutOfOrderElementsBridgeTheirGaps() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("c", new Instant(30)))
        .addElements(TimestampedValue.of("b", new Instant(8)))
        .addElements(TimestampedValue.of("d", new Instant(25)))
        .addElements(TimestampedValue.of("e", new Instant(17)))
        .addElements(TimestampedValue.of("alone", new Instant(100)))
        .advanceWatermarkToInfinity();

    PCollection<String> panes =
        sessionsOf(stream, Window.into(Sessions.withGapDuration(Duration.millis(10))));

    PAssert.that(panes).containsInAnyOrder(
        "k=[a, b, c, d, e] [1,40) ON_TIME#0 last",
        "k=[alone] [100,110) ON_TIME#0 last");
    p.run();
  }

  @Test
  void eachSessionFiresWhenTheWatermarkPassesItsEnd() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("b", new Instant(5)))
        .addElements(TimestampedValue.of("c", new Instant(50)))
        .advanceWatermarkTo(new Instant(20))
        .addElements(TimestampedValue.of("d", new Instant(55)))
        .advanceWatermarkToInfinity();

    PCollection<String> panes =
        sessionsOf(stream, Window.into(Sessions.withGapDuration(Duration.millis(10))));

    PAssert.that(panes).containsInAnyOrder(
        "k=[a, b] [1,15) ON_TIME#0 last",
        "k=[c, d] [50,65) ON_TIME#0 last");
    p.run();
  }

  /** As in Beam, a merged window starts its pane count afresh: its first pane has index 0. */
  @Test
  void aSessionThatMergedAfterAnEarlyPaneFiresWhatItHoldsWithAFreshPaneCount() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("b", new Instant(5)))
        .addElements(TimestampedValue.of("c", new Instant(12)))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = sessionsOf(stream, Window.<String>into(Sessions.withGapDuration(Duration.millis(10)))
        .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(2)))
        .accumulatingFiredPanes()
        .withAllowedLateness(Duration.ZERO));

    PAssert.that(panes).containsInAnyOrder(
        "k=[a, b] [1,15) EARLY#0",
        "k=[a, b, c] [1,22) ON_TIME#0 last");
    p.run();
  }

  /** As in Beam, a session that absorbs new elements' windows keeps its pane count. */
  @Test
  void aSessionThatAbsorbsWindowsAfterAnEarlyPaneContinuesItsPaneCount() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("b", new Instant(5)))
        .addElements(TimestampedValue.of("c", new Instant(2)), TimestampedValue.of("d", new Instant(3)))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = sessionsOf(stream, Window.<String>into(Sessions.withGapDuration(Duration.millis(10)))
        .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(2)))
        .accumulatingFiredPanes()
        .withAllowedLateness(Duration.ZERO));

    PAssert.that(panes).containsInAnyOrder(
        "k=[a, b] [1,15) EARLY#0",
        "k=[a, b, c, d] [1,15) EARLY#1",
        "k=[a, b, c, d] [1,15) ON_TIME#2 last");
    p.run();
  }

  @Test
  void lateDataForAnExpiredSessionIsDroppedButWithinTheLatenessItStartsALatePane() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(TimestampedValue.of("a", new Instant(1)))
        .advanceWatermarkTo(new Instant(20))
        .addElements(TimestampedValue.of("late", new Instant(5)))
        .advanceWatermarkTo(new Instant(100))
        .addElements(TimestampedValue.of("tooLate", new Instant(6)))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = sessionsOf(stream, Window.<String>into(Sessions.withGapDuration(Duration.millis(10)))
        .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
        .discardingFiredPanes()
        .withAllowedLateness(Duration.millis(30)));

    PAssert.that(panes).containsInAnyOrder(
        "k=[a] [1,11) ON_TIME#0",
        "k=[late] [1,15) LATE#0");
    p.run();
  }
}
