package dev.weir.sdk.testing.validation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.metrics.MetricResult;
import dev.weir.sdk.metrics.MetricsFilter;
import dev.weir.sdk.testing.DescribePanes;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Allowed lateness, with Beam's rule at the boundary: an element is dropped when its window's
 * maximum timestamp plus the allowed lateness is before the input watermark. For the window [0,10)
 * (maximum timestamp 9) with 5 ms of lateness, an element is still kept when the watermark is at 14
 * and dropped from 15. Windows use the default trigger, which fires a late pane for each late
 * element, and discard fired panes.
 */
@ValidatesRunner
class LatenessValidationTest {
  /** The name Beam gives the counter of elements dropped because their window had expired. */
  private static final String DROPPED_DUE_TO_LATENESS = "droppedDueToLateness";

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private PCollection<String> panesOf(TestStream<String> stream, Duration allowedLateness) {
    return p.apply(stream)
        .apply(Window.<String>into(FixedWindows.of(Duration.millis(10)))
            .withAllowedLateness(allowedLateness)
            .discardingFiredPanes())
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.ofGroups());
  }

  private static TimestampedValue<String> at(String value, long millis) {
    return TimestampedValue.of(value, new Instant(millis));
  }

  private static long droppedDueToLateness(PipelineResult result) {
    long dropped = 0;
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder().build()).getCounters()) {
      if (counter.getName().getName().equals(DROPPED_DUE_TO_LATENESS)) {
        dropped += counter.getAttempted();
      }
    }
    return dropped;
  }

  @Test
  void anElementArrivingWhenTheWatermarkIsExactlyAtTheEndOfTheLatenessIsKept() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("onTime", 1))
        .advanceWatermarkTo(new Instant(14))
        .addElements(at("lastMoment", 9))
        .advanceWatermarkToInfinity();

    PAssert.that(panesOf(stream, Duration.millis(5)))
        .containsInAnyOrder("k=[onTime] [0,10) ON_TIME#0", "k=[lastMoment] [0,10) LATE#1");
    p.run();
  }

  @Test
  void anElementArrivingOneMillisecondAfterTheEndOfTheLatenessIsDropped() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("onTime", 1))
        .advanceWatermarkTo(new Instant(15))
        .addElements(at("tooLate", 9))
        .advanceWatermarkToInfinity();

    PAssert.that(panesOf(stream, Duration.millis(5))).containsInAnyOrder("k=[onTime] [0,10) ON_TIME#0 last");
    p.run();
  }

  @Test
  void withoutLatenessAnElementIsKeptWhileTheWatermarkIsAtTheEndOfItsWindow() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .advanceWatermarkTo(new Instant(9))
        .addElements(at("justInTime", 5))
        .advanceWatermarkToInfinity();

    PAssert.that(panesOf(stream, Duration.ZERO)).containsInAnyOrder("k=[justInTime] [0,10) ON_TIME#0 last");
    p.run();
  }

  @Test
  void withoutLatenessAnElementIsDroppedOnceTheWatermarkPassesItsWindow() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .advanceWatermarkTo(new Instant(10))
        .addElements(at("tooLate", 5), at("nextWindow", 10))
        .advanceWatermarkToInfinity();

    PAssert.that(panesOf(stream, Duration.ZERO)).containsInAnyOrder("k=[nextWindow] [10,20) ON_TIME#0 last");
    p.run();
  }

  @Test
  void lateElementsAreDroppedByTheirWindowNotTheirOwnTimestamp() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .advanceWatermarkTo(new Instant(16))
        .addElements(at("windowExpired", 9), at("windowAlive", 10))
        .advanceWatermarkToInfinity();

    PAssert.that(panesOf(stream, Duration.millis(5))).containsInAnyOrder("k=[windowAlive] [10,20) ON_TIME#0 last");
    p.run();
  }

  @Test
  void droppedElementsAreCountedInTheDroppedDueToLatenessMetric() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("onTime", 1))
        .advanceWatermarkTo(new Instant(100))
        .addElements(at("tooLate1", 2), at("tooLate2", 3), at("tooLate3", 4))
        .advanceWatermarkToInfinity();

    PAssert.that(panesOf(stream, Duration.millis(5))).containsInAnyOrder("k=[onTime] [0,10) ON_TIME#0 last");
    PipelineResult result = p.run();

    assertThat(droppedDueToLateness(result), equalTo(3L));
  }
}
