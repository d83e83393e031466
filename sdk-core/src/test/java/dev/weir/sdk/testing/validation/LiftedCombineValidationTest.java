package dev.weir.sdk.testing.validation;

import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.DescribePanes;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Combine;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Never;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code Combine.perKey}, which a runner may lift (combine in the grouping, keeping one
 * accumulator per key and window), gives the same panes, windows and timestamps as the same
 * CombineFn applied with {@code Combine.groupedValues} after a hand-applied {@code GroupByKey},
 * which no runner lifts. Each test checks both against one expected list; the CombineFn lists its
 * inputs sorted, so a pane shows exactly what it combined.
 */
@ValidatesRunner
class LiftedCombineValidationTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static TimestampedValue<String> at(String value, long millis) {
    return TimestampedValue.of(value, new Instant(millis));
  }

  /** Asserts that both the perKey and the grouped-values combine of {@code input} give {@code expected}. */
  private void assertBothGive(PCollection<String> windowed, String... expected) {
    PCollection<KV<String, String>> keyed = windowed.apply(WithKeys.of("k"));
    PCollection<String> perKey = keyed
        .apply("PerKey", Combine.<String, String, String>perKey(new SortedListFn()))
        .apply("DescribePerKey", ParDo.of(new DescribeFn()));
    PCollection<String> groupedValues = keyed
        .apply("GroupByKey", GroupByKey.create())
        .apply("GroupedValues", Combine.<String, String, String>groupedValues(new SortedListFn()))
        .apply("DescribeGroupedValues", ParDo.of(new DescribeFn()));
    PAssert.that("Combine.perKey", perKey).containsInAnyOrder(expected);
    PAssert.that("Combine.groupedValues", groupedValues).containsInAnyOrder(expected);
    p.run();
  }

  private static TestStream<String> earlyOnTimeAndLate() {
    return TestStream.create(StringUtf8Coder.of())
        .advanceWatermarkTo(new Instant(0))
        .addElements(at("first", 100), at("alsoFirst", 200))
        .addElements(at("onTime", 500))
        .advanceWatermarkTo(new Instant(1000))
        .addElements(at("late", 750), at("alsoLate", 250))
        .advanceWatermarkToInfinity();
  }

  private static Window<String> earlyAndLateFirings() {
    return Window.<String>into(FixedWindows.of(Duration.millis(1000)))
        .triggering(AfterWatermark.pastEndOfWindow()
            .withEarlyFirings(AfterPane.elementCountAtLeast(2))
            .withLateFirings(Never.ever()))
        .withAllowedLateness(Duration.millis(5000));
  }

  @Test
  void earlyOnTimeAndLatePanesMatchInDiscardingMode() {
    assertBothGive(p.apply(earlyOnTimeAndLate()).apply(earlyAndLateFirings().discardingFiredPanes()),
        "k=[alsoFirst, first] [0,1000) EARLY#0 @999",
        "k=[onTime] [0,1000) ON_TIME#1 @999",
        "k=[alsoLate, late] [0,1000) LATE#2 last @999");
  }

  @Test
  void earlyOnTimeAndLatePanesMatchInAccumulatingMode() {
    assertBothGive(p.apply(earlyOnTimeAndLate()).apply(earlyAndLateFirings().accumulatingFiredPanes()),
        "k=[alsoFirst, first] [0,1000) EARLY#0 @999",
        "k=[alsoFirst, first, onTime] [0,1000) ON_TIME#1 @999",
        "k=[alsoFirst, alsoLate, first, late, onTime] [0,1000) LATE#2 last @999");
  }

  @Test
  void anEmptyClosingPaneMatchesInAccumulatingMode() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("1", 0), at("2", 0), at("3", 0))
        .advanceWatermarkTo(new Instant(6000))
        .addElements(at("4", 0), at("5", 0))
        .advanceWatermarkTo(new Instant(20000))
        .addElements(at("dropped", 0))
        .advanceWatermarkToInfinity();

    assertBothGive(p.apply(stream).apply(Window.<String>into(FixedWindows.of(Duration.millis(5000)))
            .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
            .accumulatingFiredPanes()
            .withAllowedLateness(Duration.millis(5000), Window.ClosingBehavior.FIRE_ALWAYS)),
        "k=[1, 2, 3] [0,5000) ON_TIME#0 @4999",
        "k=[1, 2, 3, 4, 5] [0,5000) LATE#1 @4999",
        "k=[1, 2, 3, 4, 5] [0,5000) LATE#2 last @4999");
  }

  @Test
  void mergingSessionsCombineTheirAccumulatorsAsTheGroupsWouldBeCombined() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("a", 0), at("b", 5))
        .addElements(at("c", 16))
        .addElements(at("bridge", 10))
        .addElements(at("d", 40))
        .advanceWatermarkToInfinity();

    assertBothGive(p.apply(stream).apply(Window.<String>into(Sessions.withGapDuration(Duration.millis(10)))
            .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(2)))
            .withAllowedLateness(Duration.ZERO)
            .accumulatingFiredPanes()),
        "k=[a, b] [0,15) EARLY#0 @14",
        // The merged session is a new window: its panes count from 0 again.
        "k=[a, b, bridge, c] [0,26) EARLY#0 @25",
        "k=[a, b, bridge, c] [0,26) ON_TIME#1 last @25",
        "k=[d] [40,50) ON_TIME#0 last @49");
  }

  /** Lists its inputs, sorted, as one string; its accumulator is the list of inputs. */
  private static final class SortedListFn extends CombineFn<String, List<String>, String> {
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
    public String extractOutput(List<String> accumulator) {
      Collections.sort(accumulator);
      return accumulator.toString();
    }

    @Override
    public Coder<List<String>> getAccumulatorCoder(CoderRegistry registry, Coder<String> inputCoder)
        throws CannotProvideCoderException {
      return ListCoder.of(StringUtf8Coder.of());
    }
  }

  /** Describes a combined value with its window, pane and timestamp. */
  private static final class DescribeFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, String> element, @Timestamp Instant timestamp,
        BoundedWindow window, PaneInfo pane, OutputReceiver<String> out) {
      out.output(element.getKey() + "=" + element.getValue() + " " + DescribePanes.window(window) + " "
          + DescribePanes.pane(pane) + " @" + timestamp.getMillis());
    }
  }
}
