package dev.weir.sdk.testing.validation;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.DescribePanes;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The timestamp of each grouped output, as its {@code TimestampCombiner} decides it from the
 * timestamps of the pane's elements and the window: EARLIEST, LATEST or END_OF_WINDOW (the
 * window's maximum timestamp, the default). The timestamp is the last part of each description.
 */
@ValidatesRunner
class TimestampCombinerValidationTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static TimestampedValue<String> at(String value, long millis) {
    return TimestampedValue.of(value, new Instant(millis));
  }

  private PCollection<String> groupedInFixedWindows(TimestampCombiner combiner) {
    return p.apply(Create.timestamped(at("a", 3), at("b", 7), at("c", 12)))
        .apply(Window.<String>into(FixedWindows.of(Duration.millis(10))).withTimestampCombiner(combiner))
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.withTimestamps());
  }

  @Test
  void earliestTimestampsEachGroupWithItsEarliestElement() {
    PAssert.that(groupedInFixedWindows(TimestampCombiner.EARLIEST)).containsInAnyOrder(
        "k=[a, b] [0,10) ON_TIME#0 last @3", "k=[c] [10,20) ON_TIME#0 last @12");
    p.run();
  }

  @Test
  void latestTimestampsEachGroupWithItsLatestElement() {
    PAssert.that(groupedInFixedWindows(TimestampCombiner.LATEST)).containsInAnyOrder(
        "k=[a, b] [0,10) ON_TIME#0 last @7", "k=[c] [10,20) ON_TIME#0 last @12");
    p.run();
  }

  @Test
  void endOfWindowTimestampsEachGroupWithTheMaximumTimestampOfItsWindow() {
    PAssert.that(groupedInFixedWindows(TimestampCombiner.END_OF_WINDOW)).containsInAnyOrder(
        "k=[a, b] [0,10) ON_TIME#0 last @9", "k=[c] [10,20) ON_TIME#0 last @19");
    p.run();
  }

  @Test
  void theDefaultIsTheEndOfTheWindow() {
    PCollection<String> groups = p.apply(Create.timestamped(at("a", 3), at("b", 7)))
        .apply(Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.withTimestamps());

    PAssert.that(groups).containsInAnyOrder("k=[a, b] [0,10) ON_TIME#0 last @9");
    p.run();
  }

  @Test
  void eachPaneIsTimestampedFromTheElementsThatArrivedSinceThePreviousPane() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 5), at("b", 3))
        .addElements(at("c", 7))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = p.apply(stream)
        .apply(Window.<String>into(FixedWindows.of(Duration.millis(10)))
            .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(2)))
            .withAllowedLateness(Duration.ZERO)
            .withTimestampCombiner(TimestampCombiner.EARLIEST)
            .discardingFiredPanes())
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.withTimestamps());

    PAssert.that(panes).containsInAnyOrder("k=[a, b] [0,10) EARLY#0 @3", "k=[c] [0,10) ON_TIME#1 last @7");
    p.run();
  }

  @Test
  void mergedSessionsAreTimestampedWithTheEarliestOfAllTheirElements() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("b", 8))
        .addElements(at("c", 16))
        .addElements(at("a", 2))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = p.apply(stream)
        .apply(Window.<String>into(Sessions.withGapDuration(Duration.millis(10)))
            .withTimestampCombiner(TimestampCombiner.EARLIEST))
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.withTimestamps());

    PAssert.that(panes).containsInAnyOrder("k=[a, b, c] [2,26) ON_TIME#0 last @2");
    p.run();
  }

  @Test
  void mergedSessionsWithEndOfWindowAreTimestampedAtTheEndOfTheMergedSession() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 2))
        .addElements(at("b", 8))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = p.apply(stream)
        .apply(Window.<String>into(Sessions.withGapDuration(Duration.millis(10)))
            .withTimestampCombiner(TimestampCombiner.END_OF_WINDOW))
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.withTimestamps());

    PAssert.that(panes).containsInAnyOrder("k=[a, b] [2,18) ON_TIME#0 last @17");
    p.run();
  }
}
