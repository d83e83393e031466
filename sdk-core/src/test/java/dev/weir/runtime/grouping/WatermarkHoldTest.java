package dev.weir.runtime.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.runtime.grouping.WatermarkHold.Clocks;
import dev.weir.runtime.grouping.WatermarkHold.Release;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.Window.ClosingBehavior;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Beam's watermark hold rules for a window [0, 10) with 100 ms of allowed lateness. */
class WatermarkHoldTest {
  private static final IntervalWindow W0 = new IntervalWindow(new Instant(0), new Instant(10));
  private static final IntervalWindow W0_TO_20 = new IntervalWindow(new Instant(0), new Instant(20));
  private static final Clocks START = new Clocks(BoundedWindow.TIMESTAMP_MIN_VALUE, BoundedWindow.TIMESTAMP_MIN_VALUE);
  private static final Instant GC = new Instant(109);

  private static WatermarkHold holds(TimestampCombiner combiner) {
    return new WatermarkHold(WindowingStrategy.of(FixedWindows.of(Duration.millis(10)))
        .withAllowedLateness(Duration.millis(100))
        .withTimestampCombiner(combiner));
  }

  private static Holds add(WatermarkHold rules, Clocks clocks, long... timestamps) {
    Holds holds = Holds.NONE;
    for (long timestamp : timestamps) {
      holds = rules.addElement(holds, W0, new Instant(timestamp), clocks);
    }
    return holds;
  }

  @Test
  void earliestHoldsAtTheEarliestElement() {
    assertEquals(new Holds(new Instant(2), null), add(holds(TimestampCombiner.EARLIEST), START, 5, 2, 7));
  }

  @Test
  void latestHoldsAtTheLatestElement() {
    assertEquals(new Holds(new Instant(7), null), add(holds(TimestampCombiner.LATEST), START, 5, 2, 7));
  }

  @Test
  void endOfWindowHoldsAtTheWindowsMaxTimestamp() {
    assertEquals(new Holds(new Instant(9), null), add(holds(TimestampCombiner.END_OF_WINDOW), START, 5, 2));
  }

  @Test
  void elementBehindTheOutputWatermarkHoldsAtGarbageCollectionInstead() {
    Clocks clocks = new Clocks(new Instant(4), new Instant(4));

    assertEquals(new Holds(null, GC), add(holds(TimestampCombiner.EARLIEST), clocks, 3));
    assertEquals(new Holds(new Instant(4), GC), add(holds(TimestampCombiner.EARLIEST), clocks, 3, 4));
  }

  @Test
  void elementOnTimeForTheOutputWatermarkHoldsThoughTheInputWatermarkPassedItsTimestamp() {
    // Beam's dontSetHoldIfTooLateForEndOfWindowTimer: input watermark 15, output watermark 11.
    WatermarkHold rules = new WatermarkHold(WindowingStrategy.of(FixedWindows.of(Duration.millis(10)))
        .withAllowedLateness(Duration.millis(10))
        .withTimestampCombiner(TimestampCombiner.EARLIEST));
    IntervalWindow w10 = new IntervalWindow(new Instant(10), new Instant(20));

    assertEquals(new Holds(new Instant(14), null),
        rules.addElement(Holds.NONE, w10, new Instant(14), new Clocks(new Instant(15), new Instant(11))));
  }

  @Test
  void elementOfAWindowWhoseEndPassedHoldsAtGarbageCollection() {
    Clocks clocks = new Clocks(new Instant(10), BoundedWindow.TIMESTAMP_MIN_VALUE);

    assertEquals(new Holds(null, GC), add(holds(TimestampCombiner.END_OF_WINDOW), clocks, 5));
  }

  @Test
  void noHoldOnceTheGarbageCollectionTimeIsBehindTheInputWatermark() {
    Clocks clocks = new Clocks(new Instant(110), new Instant(110));

    assertEquals(Holds.NONE, add(holds(TimestampCombiner.EARLIEST), clocks, 5));
  }

  @Test
  void mergeCombinesElementHoldsAndAddsAGarbageCollectionHold() {
    Holds merged = holds(TimestampCombiner.EARLIEST).merge(
        List.of(new Holds(new Instant(5), null), new Holds(new Instant(3), GC)), W0_TO_20, START);

    assertEquals(new Holds(new Instant(3), new Instant(119)), merged);
  }

  @Test
  void endOfWindowMergeHoldsAtTheMergedWindowsEnd() {
    Holds merged = holds(TimestampCombiner.END_OF_WINDOW).merge(
        List.of(new Holds(new Instant(9), null)), W0_TO_20, START);

    assertEquals(new Holds(new Instant(19), new Instant(119)), merged);
  }

  @Test
  void releaseGivesTheHoldAsThePaneTimestampAndClearsIt() {
    Release release = holds(TimestampCombiner.EARLIEST).release(new Holds(new Instant(3), GC), W0, false, new Instant(5));

    assertEquals(new Release(new Instant(3), Holds.NONE), release);
  }

  @Test
  void releaseOfAGarbageCollectionHoldTimestampsThePaneAtTheEndOfTheWindow() {
    Release release = holds(TimestampCombiner.EARLIEST).release(new Holds(null, GC), W0, true, new Instant(50));

    assertEquals(new Instant(9), release.outputTimestamp());
  }

  @Test
  void releaseWithoutHoldsTimestampsThePaneAtTheEndOfTheWindow() {
    assertEquals(new Instant(9), holds(TimestampCombiner.LATEST).release(Holds.NONE, W0, true, new Instant(50))
        .outputTimestamp());
  }

  @Test
  void fireAlwaysKeepsAGarbageCollectionHoldAfterANonFinalPane() {
    WatermarkHold rules = new WatermarkHold(WindowingStrategy.of(FixedWindows.of(Duration.millis(10)))
        .withAllowedLateness(Duration.millis(100))
        .withClosingBehavior(ClosingBehavior.FIRE_ALWAYS));

    assertEquals(new Holds(null, GC), rules.release(new Holds(new Instant(9), null), W0, false, new Instant(5)).remaining());
    assertEquals(Holds.NONE, rules.release(new Holds(new Instant(9), null), W0, true, new Instant(5)).remaining());
  }
}
