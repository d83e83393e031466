package dev.weir.runtime.grouping;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VoidCoder;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class KeyedAccumulatorsTest {
  private static final IntervalWindow FIRST = new IntervalWindow(new Instant(0), new Instant(10));
  private static final IntervalWindow SECOND = new IntervalWindow(new Instant(10), new Instant(20));

  private final KeyedAccumulators<String, Integer, int[]> accumulators =
      new KeyedAccumulators<>("Sum", Sum.ofIntegers(), StringUtf8Coder.of());
  private final KeyedAccumulators<String, Integer, int[]> keeping =
      KeyedAccumulators.keepingLoneWindows("Sum", Sum.ofIntegers(), StringUtf8Coder.of());
  private final Map<String, Integer> routesAsked = new TreeMap<>();

  private List<String> drain() {
    return drain(accumulators);
  }

  private List<String> drain(KeyedAccumulators<String, Integer, int[]> from) {
    List<String> drained = new ArrayList<>();
    from.drain((key, structuralKey) -> {
      routesAsked.merge(key, 1, Integer::sum);
      return key.equals("a") ? 0 : 1;
    }, (accumulator, route) -> drained.add(describe(accumulator, route)));
    return drained;
  }

  private static String describe(WindowedValue<KV<String, int[]>> accumulator, int route) {
    IntervalWindow window = (IntervalWindow) accumulator.getWindows().iterator().next();
    assertThat(accumulator.getTimestamp(), is(window.maxTimestamp()));
    assertThat(accumulator.getPane(), is(PaneInfo.NO_FIRING));
    return accumulator.getValue().getKey() + "@" + window.start().getMillis() + "=" + accumulator.getValue().getValue()[0]
        + " to " + route;
  }

  @Test
  void combinesTheValuesOfEachKeyAndWindowIntoOneAccumulator() {
    accumulators.add("a", 1, List.of(FIRST));
    accumulators.add("b", 2, List.of(FIRST));
    accumulators.add("a", 3, List.of(FIRST, SECOND));

    assertThat(accumulators.size(), is(3));
    assertThat(drain(), containsInAnyOrder("a@0=4 to 0", "a@10=3 to 0", "b@0=2 to 1"));
    assertThat(accumulators.size(), is(0));
  }

  @Test
  void asksTheRouteOfAKeyOnceWhileItStaysKnown() {
    accumulators.add("a", 1, List.of(FIRST));
    drain();
    accumulators.add("a", 2, List.of(FIRST));

    assertThat(drain(), contains("a@0=2 to 0"));
    assertThat(routesAsked, is(Map.of("a", 1)));
  }

  @Test
  void forgetsAKeyThatHadNoValueBetweenTwoDrains() {
    accumulators.add("a", 1, List.of(FIRST));
    accumulators.add("b", 1, List.of(FIRST));
    drain();
    accumulators.add("b", 1, List.of(FIRST));
    drain();
    accumulators.add("a", 1, List.of(FIRST));

    assertThat(drain(), contains("a@0=1 to 0"));
    assertThat(routesAsked, is(Map.of("a", 2, "b", 1)));
  }

  @Test
  void aKeptLoneWindowStartsAfreshAfterADrain() {
    keeping.add("a", 1, List.of(FIRST));
    drain(keeping);
    keeping.add("a", 2, List.of(FIRST));

    assertThat(keeping.size(), is(1));
    assertThat(drain(keeping), contains("a@0=2 to 0"));
  }

  @Test
  void aKeptLoneWindowWithoutValuesIsNotHandedOut() {
    keeping.add("a", 1, List.of(FIRST));
    drain(keeping);
    keeping.add("b", 2, List.of(FIRST));

    assertThat(keeping.size(), is(1));
    assertThat(drain(keeping), contains("b@0=2 to 1"));
  }

  @Test
  void aKeyInSeveralWindowsKeepsNoneOfThemThroughADrain() {
    keeping.add("a", 1, List.of(FIRST, SECOND));
    drain(keeping);
    keeping.add("a", 5, List.of(SECOND));
    keeping.add("a", 6, List.of(FIRST));

    // Afresh, the windows come in the order of their values since the drain.
    assertThat(drain(keeping), contains("a@10=5 to 0", "a@0=6 to 0"));
  }

  @Test
  void keepsOneAccumulatorPerWindowForAKeyInManyWindows() {
    for (int start = 0; start < 100; start += 10) {
      accumulators.add("a", 1, List.of(new IntervalWindow(new Instant(start), new Instant(start + 10))));
      accumulators.add("a", 1, List.of(new IntervalWindow(new Instant(start), new Instant(start + 10))));
    }

    assertThat(accumulators.size(), is(10));
    assertThat(drain(), contains("a@0=2 to 0", "a@10=2 to 0", "a@20=2 to 0", "a@30=2 to 0", "a@40=2 to 0",
        "a@50=2 to 0", "a@60=2 to 0", "a@70=2 to 0", "a@80=2 to 0", "a@90=2 to 0"));
  }

  @Test
  void findsAnOlderWindowOfAKeyPastItsLaterOnes() {
    for (int start : new int[] {0, 10, 20, 30, 40, 50, 0, 30, 50}) {
      accumulators.add("a", 1, List.of(new IntervalWindow(new Instant(start), new Instant(start + 10))));
    }

    assertThat(drain(), contains("a@0=2 to 0", "a@10=1 to 0", "a@20=1 to 0", "a@30=2 to 0", "a@40=1 to 0",
        "a@50=2 to 0"));
  }

  @Test
  void keepsApartTwoWindowsOfAKeyWhoseHashesCollide() {
    IntervalWindow wide = new IntervalWindow(new Instant(0), new Instant(62));
    IntervalWindow narrow = new IntervalWindow(new Instant(1), new Instant(31));
    assertThat(wide.hashCode(), is(narrow.hashCode()));

    accumulators.add("a", 1, List.of(wide));
    accumulators.add("a", 2, List.of(narrow));
    accumulators.add("a", 4, List.of(wide));

    assertThat(drain(), contains("a@0=5 to 0", "a@1=2 to 0"));
  }

  @Test
  void comparesKeysOfACoderInconsistentWithEqualsByTheirEncoding() {
    KeyedAccumulators<byte[], Integer, int[]> byBytes =
        new KeyedAccumulators<>("Sum", Sum.ofIntegers(), ByteArrayCoder.of());
    byBytes.add(new byte[] {1, 2}, 1, List.of(FIRST));
    byBytes.add(new byte[] {1, 2}, 2, List.of(FIRST));

    assertThat(byBytes.size(), is(1));
  }

  @Test
  void takesNullKeysAsOneKeyRoutedByTheCodersStructuralValue() {
    KeyedAccumulators<Void, Integer, int[]> global = new KeyedAccumulators<>("Sum", Sum.ofIntegers(), VoidCoder.of());
    global.add(null, 1, List.of(FIRST));
    global.add(null, 2, List.of(FIRST));
    List<Object> structuralKeys = new ArrayList<>();
    List<Integer> sums = new ArrayList<>();

    global.drain((key, structuralKey) -> {
      structuralKeys.add(structuralKey);
      return 0;
    }, (accumulator, route) -> sums.add(accumulator.getValue().getValue()[0]));

    assertThat(sums, contains(3));
    assertThat(structuralKeys, contains(VoidCoder.of().structuralValue(null)));
  }

  @Test
  void drainsNothingWhenItHoldsNothing() {
    assertThat(drain(), empty());
  }

  @Test
  void aFailureOfTheCombineFnNamesTheStep() {
    KeyedAccumulators<String, Integer, int[]> failing = new KeyedAccumulators<>("Sum", Sum.ofIntegers(),
        StringUtf8Coder.of());

    UserCodeException e = assertThrows(UserCodeException.class, () -> failing.add("a", null, List.of(FIRST)));

    assertThat(e.getStepName(), is("Sum"));
    assertThat(e.getCause(), instanceOf(NullPointerException.class));
    assertThat(e.getMessage(), containsString("Sum"));
  }
}
