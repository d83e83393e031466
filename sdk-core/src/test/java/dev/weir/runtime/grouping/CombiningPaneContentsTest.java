package dev.weir.runtime.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import dev.weir.sdk.values.WindowingStrategy.AccumulationMode;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link PaneContents#combining}: a CombineFn's accumulator per window, in the streaming and the batch grouping. */
class CombiningPaneContentsTest {
  private static final WindowingStrategy<?, ?> FIXED_10 = WindowingStrategy.of(FixedWindows.of(Duration.millis(10)));
  private static final IntervalWindow W0 = new IntervalWindow(new Instant(0), new Instant(10));
  private static final IntervalWindow W1 = new IntervalWindow(new Instant(10), new Instant(20));

  private static <T> WindowedValue<T> at(T value, long timestamp, IntervalWindow window) {
    return WindowedValue.of(value, new Instant(timestamp), window, PaneInfo.NO_FIRING);
  }

  @Test
  void anAccumulatingPaneIsNotChangedByValuesAddedAfterIt() {
    List<WindowedValue<KV<String, List<String>>>> output = new ArrayList<>();
    GroupAlsoByWindowSpec<String, String, List<String>, List<String>> spec = GroupAlsoByWindowSpec.of("Lists",
        StringUtf8Coder.of(), PaneContents.combining(new SortedInPlaceFn(), ListCoder.of(StringUtf8Coder.of())),
        FIXED_10.withTrigger(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
            .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES));
    GroupAlsoByWindowCore<String, String, List<String>, List<String>> core =
        new GroupAlsoByWindowCore<>(spec, output::add);

    core.processElements("k", List.of(at("b", 1, W0)));
    core.processElements("k", List.of(at("a", 2, W0)));

    assertEquals(List.of(List.of("b"), List.of("a", "b")),
        output.stream().map(pane -> pane.getValue().getValue()).toList());
  }

  @Test
  void mergingMapSideAccumulatorsGivesThePaneCombiningTheirValuesGives() {
    Coder<int[]> coder = intArrayCoder();
    AccumulatorPaneContents<Integer, int[], Integer> merging = PaneContents.mergingAccumulators(Sum.ofIntegers(), coder);
    PaneContents<Integer, int[], Integer> combining = PaneContents.combining(Sum.ofIntegers(), coder);
    CombineFn<Integer, int[], Integer> mapSide = merging.fn();
    int[] firstPartial = mapSide.addInput(mapSide.addInput(mapSide.createAccumulator(), 1), 2);
    int[] secondPartial = mapSide.addInput(mapSide.createAccumulator(), 4);

    int[] merged = merging.add(merging.add(merging.createEmpty(), firstPartial), secondPartial);
    int[] combined = combining.add(combining.add(combining.add(combining.createEmpty(), 1), 2), 4);

    assertEquals(combining.extract(combined), merging.extract(merged));
    assertEquals(7, merging.extractLast(merged));
  }

  @Test
  void theBatchGroupingCombinesEachKeyInEachWindow() {
    BatchGroupAlsoByWindow<String, Integer, int[], Integer> grouping = new BatchGroupAlsoByWindow<>("Sum",
        StringUtf8Coder.of(), PaneContents.combining(Sum.ofIntegers(), intArrayCoder()), FIXED_10);
    grouping.processElement(at(KV.of("a", 1), 1, W0));
    grouping.processElement(at(KV.of("b", 2), 2, W0));
    grouping.processElement(at(KV.of("a", 3), 3, W0));
    grouping.processElement(at(KV.of("a", 4), 14, W1));
    List<WindowedValue<KV<String, Integer>>> output = new ArrayList<>();

    grouping.finish(output::add);

    assertEquals(List.of(
        WindowedValue.of(KV.of("a", 4), new Instant(9), W0, PaneInfo.ON_TIME_AND_ONLY_FIRING),
        WindowedValue.of(KV.of("a", 4), new Instant(19), W1, PaneInfo.ON_TIME_AND_ONLY_FIRING),
        WindowedValue.of(KV.of("b", 2), new Instant(9), W0, PaneInfo.ON_TIME_AND_ONLY_FIRING)), output);
  }

  private static Coder<int[]> intArrayCoder() {
    try {
      return Sum.ofIntegers().getAccumulatorCoder(CoderRegistry.createDefault(), VarIntCoder.of());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Outputs its accumulator itself, sorted in place: the case a pane must be protected from. */
  private static final class SortedInPlaceFn extends CombineFn<String, List<String>, List<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<String> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<String> addInput(List<String> accumulator, String input) {
      accumulator.add(input);
      return accumulator;
    }

    @Override
    public List<String> mergeAccumulators(Iterable<List<String>> accumulators) {
      List<String> merged = new ArrayList<>();
      accumulators.forEach(merged::addAll);
      return merged;
    }

    @Override
    public List<String> extractOutput(List<String> accumulator) {
      accumulator.sort(null);
      return accumulator;
    }
  }
}
