package dev.weir.sdk.testing.validation;

import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.DescribePanes;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Session windows on a stream: merging when out-of-order elements bridge gaps, per key, and with
 * triggers whose state merges with the windows. The gap is 10 ms throughout.
 */
@ValidatesRunner
class SessionsValidationTest {
  private static final Duration GAP = Duration.millis(10);

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private PCollection<String> panesOf(TestStream<String> stream, Window<String> window) {
    return p.apply(stream)
        .apply(window)
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.ofGroups());
  }

  private static TimestampedValue<String> at(String value, long millis) {
    return TimestampedValue.of(value, new Instant(millis));
  }

  @Test
  void anElementArrivingLaterButEarlierInTimeBridgesTwoSessionsIntoOne() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 0))
        .addElements(at("c", 16))
        .addElements(at("b", 8))
        .advanceWatermarkToInfinity();

    PAssert.that(panesOf(stream, Window.into(Sessions.withGapDuration(GAP))))
        .containsInAnyOrder("k=[a, b, c] [0,26) ON_TIME#0 last");
    p.run();
  }

  @Test
  void sessionsThatNothingBridgesStaySeparate() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("c", 20))
        .addElements(at("a", 0))
        .addElements(at("b", 9))
        .advanceWatermarkToInfinity();

    PAssert.that(panesOf(stream, Window.into(Sessions.withGapDuration(GAP))))
        .containsInAnyOrder("k=[a, b] [0,19) ON_TIME#0 last", "k=[c] [20,30) ON_TIME#0 last");
    p.run();
  }

  @Test
  void sessionsOfDifferentKeysNeverMerge() {
    TestStream<KV<String, String>> stream = TestStream.create(
            KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .addElements(TimestampedValue.of(KV.of("x", "a"), new Instant(0)))
        .addElements(TimestampedValue.of(KV.of("y", "b"), new Instant(5)))
        .addElements(TimestampedValue.of(KV.of("x", "c"), new Instant(8)))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = p.apply(stream)
        .apply(Window.into(Sessions.withGapDuration(GAP)))
        .apply(GroupByKey.create())
        .apply(DescribePanes.ofGroups());

    PAssert.that(panes).containsInAnyOrder(
        "x=[a, c] [0,18) ON_TIME#0 last", "y=[b] [5,15) ON_TIME#0 last");
    p.run();
  }

  @Test
  void aSessionFiresWhenTheWatermarkPassesTheEndOfItsLastElementsGap() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 0))
        .advanceWatermarkTo(new Instant(9))
        .addElements(at("b", 5))
        .advanceWatermarkTo(new Instant(14))
        .addElements(at("c", 20))
        .advanceWatermarkToInfinity();

    PAssert.that(panesOf(stream, Window.into(Sessions.withGapDuration(GAP))))
        .containsInAnyOrder("k=[a, b] [0,15) ON_TIME#0 last", "k=[c] [20,30) ON_TIME#0 last");
    p.run();
  }

  @Test
  void elementCountsOfMergingSessionsAddUpInTheMergedSession() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 0))
        .addElements(at("c", 16))
        .addElements(at("b", 8))
        .addElements(at("d", 30))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(stream, Window.<String>into(Sessions.withGapDuration(GAP))
        .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(3)))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());

    PAssert.that(panes).containsInAnyOrder(
        "k=[a, b, c] [0,26) EARLY#0", "k=[] [0,26) ON_TIME#1 last", "k=[d] [30,40) ON_TIME#0 last");
    p.run();
  }

  @Test
  void elementsInsideAnEarlyFiredSessionContinueItsPanes() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 0), at("b", 5))
        .addElements(at("inside1", 3), at("inside2", 4))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = panesOf(stream, Window.<String>into(Sessions.withGapDuration(GAP))
        .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(2)))
        .withAllowedLateness(Duration.ZERO)
        .accumulatingFiredPanes());

    PAssert.that(panes).containsInAnyOrder(
        "k=[a, b] [0,15) EARLY#0",
        "k=[a, b, inside1, inside2] [0,15) EARLY#1",
        "k=[a, b, inside1, inside2] [0,15) ON_TIME#2 last");
    p.run();
  }
}
