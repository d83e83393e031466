package dev.weir.runtime.grouping;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.runtime.metrics.StepMetricsContainer;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.metrics.MetricName;
import dev.weir.sdk.metrics.MetricsEnvironment;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.SlidingWindows;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import dev.weir.sdk.values.WindowingStrategy.AccumulationMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * How the grouping core meets the rest of Weir: what a window keeps (a combiner's accumulator
 * instead of the values), metrics, window functions that assign several windows, and the bounded
 * case, which is the streaming core fed everything and then the end of time.
 */
class GroupAlsoByWindowCoreSeamsTest {
  private static final WindowingStrategy<?, ?> FIXED_10 = WindowingStrategy.of(FixedWindows.of(Duration.millis(10)));
  private static final IntervalWindow W0 = new IntervalWindow(new Instant(0), new Instant(10));

  private static WindowedValue<Integer> at(int value, long timestamp, BoundedWindow window) {
    return WindowedValue.of(value, new Instant(timestamp), window, PaneInfo.NO_FIRING);
  }

  @Test
  void combiningContentsKeepOnlyTheAccumulatorAcrossSnapshotsAndPanes() {
    List<WindowedValue<KV<String, Integer>>> output = new ArrayList<>();
    GroupAlsoByWindowSpec<String, Integer, Integer, Integer> spec = GroupAlsoByWindowSpec.of("Sum/Combine",
        StringUtf8Coder.of(), new Sum(),
        FIXED_10.withTrigger(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(2)))
            .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES));
    GroupAlsoByWindowCore<String, Integer, Integer, Integer> core = new GroupAlsoByWindowCore<>(spec, output::add);
    core.processElements("k", List.of(at(1, 1, W0), at(2, 2, W0)));
    core = GroupAlsoByWindowCore.restore(spec, core.snapshot(), output::add);
    core.processElements("k", List.of(at(3, 3, W0)));
    core = GroupAlsoByWindowCore.restore(spec, core.snapshot(), output::add);
    core.advanceInputWatermark(new Instant(10));

    assertEquals(List.of(
        WindowedValue.of(KV.of("k", 3), new Instant(9), W0, PaneInfo.createPane(true, false, Timing.EARLY, 0, -1)),
        WindowedValue.of(KV.of("k", 6), new Instant(9), W0, PaneInfo.createPane(false, true, Timing.ON_TIME, 1, 0))),
        output);
  }

  @Test
  @SuppressWarnings("try") // the scope only installs the step's metrics container
  void droppedElementsAreCountedInTheStepsMetrics() {
    StepMetricsContainer metrics = new StepMetricsContainer("Test/GroupByKey");
    GroupAlsoByWindowCore<String, Integer, List<Integer>, Iterable<Integer>> core = new GroupAlsoByWindowCore<>(
        GroupAlsoByWindowSpec.of("Test/GroupByKey", StringUtf8Coder.of(), PaneContents.buffering(VarIntCoder.of()),
            FIXED_10.withTrigger(AfterWatermark.pastEndOfWindow()).withAllowedLateness(Duration.millis(5))),
        value -> { });
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(metrics)) {
      core.processElements("k", List.of(at(1, 1, W0)));
      core.advanceInputWatermark(new Instant(10));
      core.processElements("k", List.of(at(2, 2, W0)));
      core.advanceInputWatermark(new Instant(15));
      core.processElements("k", List.of(at(3, 3, W0), at(4, 4, W0)));
    }

    assertThat(metrics.counterValues(), is(Map.of(
        MetricName.named(GroupAlsoByWindowCore.class, "droppedDueToClosedWindow"), 1L,
        MetricName.named(GroupAlsoByWindowCore.class, "droppedDueToLateness"), 2L)));
  }

  @Test
  void slidingWindowsGroupAnElementInEachOfItsWindows() {
    GroupAlsoByWindowTester<String, Integer> t = GroupAlsoByWindowTester.of(StringUtf8Coder.of(), VarIntCoder.of(),
            WindowingStrategy.of(SlidingWindows.of(Duration.millis(10)).every(Duration.millis(5))))
        .addElement("k", 1, 7)
        .addElement("k", 2, 12)
        .advanceInputWatermark(100);

    assertThat(t.extractPanes(), containsInAnyOrder(
        GroupAlsoByWindowTester.Pane.of("k", new IntervalWindow(new Instant(0), new Instant(10)), 9,
            PaneInfo.ON_TIME_AND_ONLY_FIRING, 1),
        GroupAlsoByWindowTester.Pane.of("k", new IntervalWindow(new Instant(5), new Instant(15)), 14,
            PaneInfo.ON_TIME_AND_ONLY_FIRING, 1, 2),
        GroupAlsoByWindowTester.Pane.of("k", new IntervalWindow(new Instant(10), new Instant(20)), 19,
            PaneInfo.ON_TIME_AND_ONLY_FIRING, 2)));
  }

  @Test
  void fedEverythingThenTheEndOfTimeItGivesWhatTheBatchGroupingGives() {
    WindowingStrategy<?, ?> strategy = FIXED_10.withTimestampCombiner(TimestampCombiner.EARLIEST);
    List<WindowedValue<KV<String, Integer>>> input = List.of(
        WindowedValue.of(KV.of("a", 1), new Instant(4), W0, PaneInfo.NO_FIRING),
        WindowedValue.of(KV.of("b", 2), new Instant(15), new IntervalWindow(new Instant(10), new Instant(20)),
            PaneInfo.NO_FIRING),
        WindowedValue.of(KV.of("a", 3), new Instant(2), W0, PaneInfo.NO_FIRING));

    Set<WindowedValue<KV<String, Iterable<Integer>>>> streaming = groupStreaming(strategy, input);

    assertEquals(groupBatch(strategy, input), streaming);
    assertEquals(2, streaming.size());
  }

  @Test
  void withSessionsFedEverythingThenTheEndOfTimeItGivesWhatTheBatchGroupingGives() {
    WindowingStrategy<?, ?> strategy = WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10)))
        .withTimestampCombiner(TimestampCombiner.EARLIEST);
    // a@0, a@25 and a@40 join only through a@8, a@16 and a@33, which arrive last.
    List<WindowedValue<KV<String, Integer>>> input = List.of(
        session("a", 1, 0), session("a", 2, 25), session("a", 3, 40), session("b", 4, 3),
        session("a", 5, 8), session("a", 6, 16), session("a", 8, 33), session("a", 7, 70));

    Set<WindowedValue<KV<String, Set<Integer>>>> streaming = valuesAsSets(groupStreaming(strategy, input));

    // A grouping's iterable has no defined order: the two may list a merged window's values differently.
    assertEquals(valuesAsSets(groupBatch(strategy, input)), streaming);
    assertThat(streaming, containsInAnyOrder(
        WindowedValue.of(KV.of("a", Set.of(1, 2, 3, 5, 6, 8)), new Instant(0),
            new IntervalWindow(new Instant(0), new Instant(50)), PaneInfo.ON_TIME_AND_ONLY_FIRING),
        WindowedValue.of(KV.of("a", Set.of(7)), new Instant(70),
            new IntervalWindow(new Instant(70), new Instant(80)), PaneInfo.ON_TIME_AND_ONLY_FIRING),
        WindowedValue.of(KV.of("b", Set.of(4)), new Instant(3),
            new IntervalWindow(new Instant(3), new Instant(13)), PaneInfo.ON_TIME_AND_ONLY_FIRING)));
  }

  private static Set<WindowedValue<KV<String, Set<Integer>>>> valuesAsSets(
      Set<WindowedValue<KV<String, Iterable<Integer>>>> panes) {
    Set<WindowedValue<KV<String, Set<Integer>>>> result = new HashSet<>();
    for (WindowedValue<KV<String, Iterable<Integer>>> pane : panes) {
      Set<Integer> values = new HashSet<>();
      pane.getValue().getValue().forEach(values::add);
      result.add(pane.withValue(KV.of(pane.getValue().getKey(), values)));
    }
    return result;
  }

  private static WindowedValue<KV<String, Integer>> session(String key, int value, long millis) {
    return WindowedValue.of(KV.of(key, value), new Instant(millis),
        new IntervalWindow(new Instant(millis), new Instant(millis + 10)), PaneInfo.NO_FIRING);
  }

  private static Set<WindowedValue<KV<String, Iterable<Integer>>>> groupStreaming(
      WindowingStrategy<?, ?> strategy, List<WindowedValue<KV<String, Integer>>> input) {
    Set<WindowedValue<KV<String, Iterable<Integer>>>> streaming = new HashSet<>();
    GroupAlsoByWindowCore<String, Integer, List<Integer>, Iterable<Integer>> core = new GroupAlsoByWindowCore<>(
        GroupAlsoByWindowSpec.of("GBK", StringUtf8Coder.of(), PaneContents.buffering(VarIntCoder.of()), strategy),
        streaming::add);
    for (WindowedValue<KV<String, Integer>> element : input) {
      core.processElements(element.getValue().getKey(), List.of(element.withValue(element.getValue().getValue())));
    }
    core.advanceInputWatermark(BoundedWindow.TIMESTAMP_MAX_VALUE);
    return streaming;
  }

  private static Set<WindowedValue<KV<String, Iterable<Integer>>>> groupBatch(
      WindowingStrategy<?, ?> strategy, List<WindowedValue<KV<String, Integer>>> input) {
    Set<WindowedValue<KV<String, Iterable<Integer>>>> batch = new HashSet<>();
    BatchGroupAlsoByWindow<String, Integer, List<Integer>, Iterable<Integer>> grouping =
        BatchGroupAlsoByWindow.buffering("GBK", StringUtf8Coder.of(), VarIntCoder.of(), strategy);
    input.forEach(grouping::processElement);
    grouping.finish(batch::add);
    return batch;
  }

  /** A combiner's pane contents: the sum of the values. */
  private static final class Sum implements PaneContents<Integer, Integer, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer createEmpty() {
      return 0;
    }

    @Override
    public Integer add(Integer accumulator, Integer value) {
      return accumulator + value;
    }

    @Override
    public Integer merge(List<Integer> accumulators) {
      return accumulators.stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public Integer extract(Integer accumulator) {
      return accumulator;
    }

    @Override
    public Coder<Integer> accumulatorCoder() {
      return VarIntCoder.of();
    }
  }
}
