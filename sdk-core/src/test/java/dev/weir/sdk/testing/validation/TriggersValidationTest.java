package dev.weir.sdk.testing.validation;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.DescribePanes;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.AfterAll;
import dev.weir.sdk.transforms.windowing.AfterEach;
import dev.weir.sdk.transforms.windowing.AfterFirst;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterProcessingTime;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.Never;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each trigger alone and composed, on a stream: which panes fire, when, with what, and which is
 * the last. Panes discard what they fired, so each pane shows what arrived since the previous one.
 * A trigger that never finishes leaves the window open until the watermark passes its end; then
 * the ON_TIME pane fires even when empty (the default {@code OnTimeBehavior.FIRE_ALWAYS}), as
 * Beam does.
 */
@ValidatesRunner
class TriggersValidationTest {
  private static final Duration MINUTE = Duration.standardMinutes(1);

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private PCollection<String> panesOf(TestStream<String> stream, Window<String> window) {
    return p.apply(stream)
        .apply(window)
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.ofGroups());
  }

  private static Window<String> fixed10() {
    return Window.into(FixedWindows.of(Duration.millis(10)));
  }

  private static Window<String> global() {
    return Window.into(new GlobalWindows());
  }

  private static TimestampedValue<String> at(String value, long millis) {
    return TimestampedValue.of(value, new Instant(millis));
  }

  private static TestStream.Builder<String> stream() {
    return TestStream.create(StringUtf8Coder.of());
  }

  @Test
  void afterWatermarkAloneFiresOneOnTimePaneAndClosesTheWindow() {
    TestStream<String> events = stream()
        .addElements(at("a", 1), at("b", 5))
        .advanceWatermarkTo(new Instant(10))
        .addElements(at("lateButClosed", 2))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, fixed10()
        .triggering(AfterWatermark.pastEndOfWindow())
        .withAllowedLateness(Duration.millis(100))
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a, b] [0,10) ON_TIME#0 last");
    p.run();
  }

  @Test
  void afterWatermarkWithEarlyCountFiringsFiresEarlyThenOnTime() {
    TestStream<String> events = stream()
        .addElements(at("a", 1), at("b", 2))
        .addElements(at("c", 3))
        .advanceWatermarkTo(new Instant(10))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, fixed10()
        .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(2)))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a, b] [0,10) EARLY#0", "k=[c] [0,10) ON_TIME#1 last");
    p.run();
  }

  @Test
  void afterWatermarkWithEarlyProcessingTimeFiringsFiresEarlyOnceTheDelayHasPassed() {
    TestStream<String> events = stream()
        .addElements(at("a", 1))
        .advanceProcessingTime(MINUTE.plus(Duration.millis(1)))
        .addElements(at("b", 2))
        .advanceWatermarkTo(new Instant(10))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, fixed10()
        .triggering(AfterWatermark.pastEndOfWindow()
            .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(MINUTE)))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a] [0,10) EARLY#0", "k=[b] [0,10) ON_TIME#1 last");
    p.run();
  }

  @Test
  void afterWatermarkWithLateFiringsFiresALatePanePerLateElement() {
    TestStream<String> events = stream()
        .addElements(at("a", 1))
        .advanceWatermarkTo(new Instant(10))
        .addElements(at("late1", 2))
        .addElements(at("late2", 3))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, fixed10()
        .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(Duration.millis(100))
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder(
        "k=[a] [0,10) ON_TIME#0", "k=[late1] [0,10) LATE#1", "k=[late2] [0,10) LATE#2");
    p.run();
  }

  @Test
  void afterWatermarkWithEarlyAndLateFiringsFiresAllThreeKindsOfPane() {
    TestStream<String> events = stream()
        .addElements(at("early", 1))
        .advanceProcessingTime(MINUTE.plus(Duration.millis(1)))
        .addElements(at("onTime", 2))
        .advanceWatermarkTo(new Instant(10))
        .addElements(at("late", 3))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, fixed10()
        .triggering(AfterWatermark.pastEndOfWindow()
            .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(MINUTE))
            .withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(Duration.millis(100))
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder(
        "k=[early] [0,10) EARLY#0", "k=[onTime] [0,10) ON_TIME#1", "k=[late] [0,10) LATE#2");
    p.run();
  }

  @Test
  void afterPaneFiresOnceTheCountIsReachedAndThenClosesTheWindow() {
    TestStream<String> events = stream()
        .addElements(at("a", 1))
        .addElements(at("b", 2))
        .addElements(at("afterClose", 3))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, global()
        .triggering(AfterPane.elementCountAtLeast(2))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a, b] global EARLY#0 last");
    p.run();
  }

  @Test
  void afterProcessingTimeFiresOnceTheDelayAfterTheFirstElementHasPassed() {
    TestStream<String> events = stream()
        .addElements(at("a", 1))
        .advanceProcessingTime(Duration.standardSeconds(30))
        .addElements(at("b", 2))
        .advanceProcessingTime(Duration.standardSeconds(31))
        .addElements(at("afterClose", 3))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, global()
        .triggering(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(MINUTE))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a, b] global EARLY#0 last");
    p.run();
  }

  @Test
  void repeatedlyFiresItsTriggerAgainForEachNewPane() {
    TestStream<String> events = stream()
        .addElements(at("a", 1))
        .advanceProcessingTime(MINUTE.multipliedBy(2))
        .addElements(at("b", 2), at("c", 3))
        .advanceProcessingTime(MINUTE.multipliedBy(2))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, global()
        .triggering(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(MINUTE)))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder(
        "k=[a] global EARLY#0", "k=[b, c] global EARLY#1", "k=[] global ON_TIME#2 last");
    p.run();
  }

  @Test
  void repeatedlyCountsAfreshAfterEachFiring() {
    TestStream<String> events = stream()
        .addElements(at("a", 1), at("b", 2))
        .addElements(at("c", 3))
        .addElements(at("d", 4))
        .addElements(at("e", 5))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, global()
        .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(2)))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder(
        "k=[a, b] global EARLY#0", "k=[c, d] global EARLY#1", "k=[e] global ON_TIME#2 last");
    p.run();
  }

  @Test
  void afterEachRunsItsTriggersInOrderAndClosesAfterTheLast() {
    TestStream<String> events = stream()
        .addElements(at("a", 1), at("b", 2))
        .addElements(at("c", 3), at("d", 4))
        .addElements(at("e", 5))
        .addElements(at("afterClose", 6))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, global()
        .triggering(AfterEach.inOrder(AfterPane.elementCountAtLeast(2), AfterPane.elementCountAtLeast(3)))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a, b] global EARLY#0", "k=[c, d, e] global EARLY#1 last");
    p.run();
  }

  @Test
  void afterFirstFiresWhenAnyOfItsTriggersFires() {
    TestStream<String> events = stream()
        .addElements(at("a", 1))
        .advanceProcessingTime(MINUTE.multipliedBy(2))
        .addElements(at("b", 2), at("c", 3), at("d", 4))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, global()
        .triggering(Repeatedly.forever(AfterFirst.of(
            AfterPane.elementCountAtLeast(3), AfterProcessingTime.pastFirstElementInPane().plusDelayOf(MINUTE))))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder(
        "k=[a] global EARLY#0", "k=[b, c, d] global EARLY#1", "k=[] global ON_TIME#2 last");
    p.run();
  }

  @Test
  void afterAllFiresOnlyOnceEveryOneOfItsTriggersHasFired() {
    TestStream<String> events = stream()
        .addElements(at("a", 1))
        .advanceProcessingTime(MINUTE.multipliedBy(2))
        .addElements(at("b", 2))
        .addElements(at("afterClose", 3))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, global()
        .triggering(AfterAll.of(
            AfterPane.elementCountAtLeast(2), AfterProcessingTime.pastFirstElementInPane().plusDelayOf(MINUTE)))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a, b] global EARLY#0 last");
    p.run();
  }

  @Test
  void orFinallyFiresLikeItsMainTriggerUntilTheFinishingTriggerFiresAndClosesTheWindow() {
    TestStream<String> events = stream()
        .addElements(at("a", 1), at("b", 2))
        .addElements(at("c", 3))
        .advanceWatermarkTo(new Instant(10))
        .addElements(at("lateButClosed", 4))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, fixed10()
        .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(2)).orFinally(AfterWatermark.pastEndOfWindow()))
        .withAllowedLateness(Duration.millis(100))
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a, b] [0,10) EARLY#0", "k=[c] [0,10) ON_TIME#1 last");
    p.run();
  }

  @Test
  void neverFiresOnlyTheFinalPaneWhenTheAllowedLatenessHasPassed() {
    TestStream<String> events = stream()
        .addElements(at("a", 1))
        .advanceWatermarkTo(new Instant(10))
        .addElements(at("late", 2))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(events, fixed10()
        .triggering(Never.ever())
        .withAllowedLateness(Duration.millis(5))
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder("k=[a, late] [0,10) ON_TIME#0 last");
    p.run();
  }
}
