package dev.weir.sdk.testing.validation;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.DescribePanes;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.CalendarWindows;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.SlidingWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import java.util.Arrays;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each {@code WindowFn} through {@code GroupByKey} and {@code Count}: which windows an element lands
 * in, on bounded input and on a stream.
 */
@ValidatesRunner
class WindowFnsValidationTest {
  private static final DateTimeZone LOS_ANGELES = DateTimeZone.forID("America/Los_Angeles");

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @SafeVarargs
  private PCollection<String> groupedIn(WindowFn<Object, ?> windowFn, TimestampedValue<String>... elements) {
    return p.apply(Create.timestamped(Arrays.asList(elements)))
        .apply(Window.into(windowFn))
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.ofGroups());
  }

  private static TimestampedValue<String> at(String value, long millis) {
    return TimestampedValue.of(value, new Instant(millis));
  }

  private static TimestampedValue<String> at(String value, DateTime time) {
    return TimestampedValue.of(value, time.toInstant());
  }

  private static String window(DateTime start, DateTime end) {
    return DescribePanes.window(new IntervalWindow(start.toInstant(), end.toInstant()));
  }

  @Test
  void fixedWindowsWithAnOffsetStartAtTheOffsetAndRepeatEverySize() {
    PCollection<String> groups = groupedIn(FixedWindows.of(Duration.millis(10)).withOffset(Duration.millis(3)),
        at("a", 2), at("b", 3), at("c", 12), at("d", 13));

    PAssert.that(groups).containsInAnyOrder(
        "k=[a] [-7,3) ON_TIME#0 last", "k=[b, c] [3,13) ON_TIME#0 last", "k=[d] [13,23) ON_TIME#0 last");
    p.run();
  }

  @Test
  void slidingWindowsPutEachElementInEveryWindowThatCoversIt() {
    PCollection<String> groups = groupedIn(SlidingWindows.of(Duration.millis(10)).every(Duration.millis(5)),
        at("a", 7), at("b", 12));

    PAssert.that(groups).containsInAnyOrder(
        "k=[a] [0,10) ON_TIME#0 last", "k=[a, b] [5,15) ON_TIME#0 last", "k=[b] [10,20) ON_TIME#0 last");
    p.run();
  }

  @Test
  void slidingWindowsCoverTimestampsNearZeroWithWindowsThatStartBeforeZero() {
    PCollection<String> groups = groupedIn(SlidingWindows.of(Duration.millis(10)).every(Duration.millis(5)),
        at("a", 0), at("b", 4));

    PAssert.that(groups).containsInAnyOrder("k=[a, b] [-5,5) ON_TIME#0 last", "k=[a, b] [0,10) ON_TIME#0 last");
    p.run();
  }

  @Test
  void slidingWindowsCountEachElementOncePerWindow() {
    PCollection<String> counts = p.apply(Create.timestamped(at("a", 1), at("a", 6), at("b", 6)))
        .apply(Window.into(SlidingWindows.of(Duration.millis(10)).every(Duration.millis(5))))
        .apply(Count.perElement())
        .apply(DescribePanes.ofElements());

    PAssert.that(counts).containsInAnyOrder(
        "KV{a, 1} [-5,5) ON_TIME#0 last",
        "KV{a, 2} [0,10) ON_TIME#0 last", "KV{b, 1} [0,10) ON_TIME#0 last",
        "KV{a, 1} [5,15) ON_TIME#0 last", "KV{b, 1} [5,15) ON_TIME#0 last");
    p.run();
  }

  @Test
  void sessionsJoinElementsCloserThanTheGapAndSplitTheRest() {
    PCollection<String> groups = groupedIn(Sessions.withGapDuration(Duration.millis(10)),
        at("a", 0), at("b", 9), at("c", 18), at("d", 30));

    PAssert.that(groups).containsInAnyOrder("k=[a, b, c] [0,28) ON_TIME#0 last", "k=[d] [30,40) ON_TIME#0 last");
    p.run();
  }

  @Test
  void sessionsAreFormedPerKey() {
    PCollection<String> counts = p.apply(Create.timestamped(at("x", 0), at("y", 5), at("x", 8), at("y", 20)))
        .apply(Window.into(Sessions.withGapDuration(Duration.millis(10))))
        .apply(Count.perElement())
        .apply(DescribePanes.ofElements());

    PAssert.that(counts).containsInAnyOrder(
        "KV{x, 2} [0,18) ON_TIME#0 last", "KV{y, 1} [5,15) ON_TIME#0 last", "KV{y, 1} [20,30) ON_TIME#0 last");
    p.run();
  }

  @Test
  void theGlobalWindowHoldsEverything() {
    PCollection<String> groups = groupedIn(new GlobalWindows(), at("a", -1_000_000), at("b", 0), at("c", 1_000_000));

    PAssert.that(groups).containsInAnyOrder("k=[a, b, c] global ON_TIME#0 last");
    p.run();
  }

  @Test
  void calendarDaysFollowMidnightInTheirTimeZoneIncludingAShortDaylightSavingDay() {
    DateTime startOfMarch10 = new DateTime(2024, 3, 10, 0, 0, LOS_ANGELES);
    DateTime startOfMarch11 = new DateTime(2024, 3, 11, 0, 0, LOS_ANGELES);

    PCollection<String> groups = groupedIn(CalendarWindows.days(1).withTimeZone(LOS_ANGELES),
        at("lastMinuteOfMarch9", startOfMarch10.minusMinutes(1)),
        at("firstMinuteOfMarch10", startOfMarch10),
        at("lastMinuteOfMarch10", startOfMarch11.minusMinutes(1)));

    PAssert.that(groups).containsInAnyOrder(
        "k=[lastMinuteOfMarch9] " + window(startOfMarch10.minusDays(1), startOfMarch10) + " ON_TIME#0 last",
        "k=[firstMinuteOfMarch10, lastMinuteOfMarch10] " + window(startOfMarch10, startOfMarch11)
            + " ON_TIME#0 last");
    p.run();
  }

  @Test
  void calendarMonthsStartOnTheFirstOfTheMonthInTheirTimeZone() {
    DateTime february = new DateTime(2024, 2, 1, 0, 0, LOS_ANGELES);
    DateTime march = new DateTime(2024, 3, 1, 0, 0, LOS_ANGELES);

    PCollection<String> groups = groupedIn(CalendarWindows.months(1).withTimeZone(LOS_ANGELES),
        at("january31", february.minusHours(1)),
        at("february1", february),
        at("february29", march.minusHours(1)));

    PAssert.that(groups).containsInAnyOrder(
        "k=[january31] " + window(february.minusMonths(1), february) + " ON_TIME#0 last",
        "k=[february1, february29] " + window(february, march) + " ON_TIME#0 last");
    p.run();
  }

  @Test
  void onAStreamEachSlidingWindowFiresWhenTheWatermarkPassesItsOwnEnd() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 7))
        .advanceWatermarkTo(new Instant(10))
        .addElements(at("b", 12))
        .advanceWatermarkToInfinity();

    PCollection<String> groups = p.apply(stream)
        .apply(Window.into(SlidingWindows.of(Duration.millis(10)).every(Duration.millis(5))))
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.ofGroups());

    PAssert.that(groups).containsInAnyOrder(
        "k=[a] [0,10) ON_TIME#0 last", "k=[a, b] [5,15) ON_TIME#0 last", "k=[b] [10,20) ON_TIME#0 last");
    p.run();
  }

  @Test
  void onAStreamFixedWindowsWithAnOffsetFireAtTheirOwnEnds() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 2), at("b", 3))
        .advanceWatermarkTo(new Instant(3))
        .addElements(at("c", 12))
        .advanceWatermarkToInfinity();

    PCollection<String> groups = p.apply(stream)
        .apply(Window.into(FixedWindows.of(Duration.millis(10)).withOffset(Duration.millis(3))))
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(DescribePanes.ofGroups());

    PAssert.that(groups).containsInAnyOrder("k=[a] [-7,3) ON_TIME#0 last", "k=[b, c] [3,13) ON_TIME#0 last");
    p.run();
  }
}
