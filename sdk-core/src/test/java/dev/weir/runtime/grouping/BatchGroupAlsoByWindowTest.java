package dev.weir.runtime.grouping;

import static dev.weir.runtime.testing.TestWindowFns.windowAt;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.testing.TestWindowFns;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class BatchGroupAlsoByWindowTest {
  private static final WindowingStrategy<Object, ?> GLOBAL = WindowingStrategy.globalDefault();
  private static final WindowingStrategy<Object, ?> FIXED_10 = WindowingStrategy.of(FixedWindows.of(Duration.millis(10)));

  private static WindowedValue<KV<String, Integer>> at(String key, int value, long millis, BoundedWindow window) {
    return WindowedValue.of(KV.of(key, value), new Instant(millis), window, PaneInfo.NO_FIRING);
  }

  private static List<WindowedValue<KV<String, List<Integer>>>> group(
      WindowingStrategy<?, ?> strategy, Coder<String> keyCoder, List<WindowedValue<KV<String, Integer>>> input) {
    BatchGroupAlsoByWindow<String, Integer, List<Integer>, Iterable<Integer>> grouping =
        BatchGroupAlsoByWindow.buffering("GBK", keyCoder, VarIntCoder.of(), strategy);
    input.forEach(grouping::processElement);
    List<WindowedValue<KV<String, List<Integer>>>> output = new ArrayList<>();
    grouping.finish(kv -> {
      List<Integer> values = new ArrayList<>();
      kv.getValue().getValue().forEach(values::add);
      output.add(kv.withValue(KV.of(kv.getValue().getKey(), values)));
    });
    return output;
  }

  @Test
  void emitsOneGroupPerKeyWithValuesInArrivalOrder() {
    List<WindowedValue<KV<String, List<Integer>>>> output = group(GLOBAL, StringUtf8Coder.of(), List.of(
        at("a", 1, 0, GlobalWindow.INSTANCE), at("b", 2, 0, GlobalWindow.INSTANCE),
        at("a", 3, 0, GlobalWindow.INSTANCE)));

    assertThat(output.stream().map(WindowedValue::getValue).toList(), contains(
        KV.of("a", List.of(1, 3)), KV.of("b", List.of(2))));
  }

  @Test
  void emitsOnTimeOnlyPanesAtTheEndOfTheWindowByDefault() {
    List<WindowedValue<KV<String, List<Integer>>>> output = group(FIXED_10, StringUtf8Coder.of(), List.of(
        at("a", 1, 3, windowAt(3, 10)), at("a", 2, 5, windowAt(5, 10))));

    assertThat(output, contains(WindowedValue.of(
        KV.of("a", List.of(1, 2)), new Instant(9), windowAt(0, 10), PaneInfo.ON_TIME_AND_ONLY_FIRING)));
  }

  @Test
  void groupsEachWindowApart() {
    List<WindowedValue<KV<String, List<Integer>>>> output = group(FIXED_10, StringUtf8Coder.of(), List.of(
        at("a", 1, 3, windowAt(3, 10)), at("a", 2, 15, windowAt(15, 10)), at("a", 3, 4, windowAt(4, 10))));

    assertThat(output.stream().map(v -> v.getWindows().iterator().next()).toList(),
        contains(windowAt(0, 10), windowAt(10, 10)));
    assertThat(output.stream().map(WindowedValue::getValue).toList(), contains(
        KV.of("a", List.of(1, 3)), KV.of("a", List.of(2))));
  }

  @Test
  void keepsTheGroupsOfAKeyWithManyWindowsApartWhateverTheOrderTheirValuesArriveIn() {
    List<WindowedValue<KV<String, Integer>>> input = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int window = 0; window < 40; window++) {
        int start = (window * 17 % 40) * 10;
        input.add(at("a", window * 10 + round, start, windowAt(start, 10)));
      }
    }

    List<WindowedValue<KV<String, List<Integer>>>> output = group(FIXED_10, StringUtf8Coder.of(), input);

    assertThat(output, hasSize(40));
    for (WindowedValue<KV<String, List<Integer>>> pane : output) {
      int window = pane.getValue().getValue().get(0) / 10;
      assertThat(pane.getWindows(), contains(windowAt((window * 17 % 40) * 10, 10)));
      assertThat(pane.getValue().getValue(), contains(window * 10, window * 10 + 1, window * 10 + 2));
    }
  }

  @Test
  void putsAnElementInSeveralWindowsIntoTheGroupOfEach() {
    WindowedValue<KV<String, Integer>> inTwo = WindowedValue.of(
        KV.of("a", 1), new Instant(3), List.of(windowAt(0, 10), windowAt(10, 10)), PaneInfo.NO_FIRING);
    WindowingStrategy<?, ?> strategy = WindowingStrategy.of(new TestWindowFns.TwoWindows());

    List<WindowedValue<KV<String, List<Integer>>>> output = group(strategy, StringUtf8Coder.of(), List.of(inTwo));

    assertThat(output, contains(
        WindowedValue.of(KV.of("a", List.of(1)), new Instant(9), windowAt(0, 10), PaneInfo.ON_TIME_AND_ONLY_FIRING),
        WindowedValue.of(KV.of("a", List.of(1)), new Instant(19), windowAt(10, 10),
            PaneInfo.ON_TIME_AND_ONLY_FIRING)));
  }

  @Test
  void timestampsGroupsWithTheEarliestInputUnderEarliest() {
    List<WindowedValue<KV<String, List<Integer>>>> output = group(
        FIXED_10.withTimestampCombiner(TimestampCombiner.EARLIEST), StringUtf8Coder.of(),
        List.of(at("a", 1, 6, windowAt(6, 10)), at("a", 2, 2, windowAt(2, 10)), at("a", 3, 8, windowAt(8, 10))));

    assertThat(output.get(0).getTimestamp(), is(new Instant(2)));
  }

  @Test
  void timestampsGroupsWithTheLatestInputUnderLatest() {
    List<WindowedValue<KV<String, List<Integer>>>> output = group(
        FIXED_10.withTimestampCombiner(TimestampCombiner.LATEST), StringUtf8Coder.of(),
        List.of(at("a", 1, 6, windowAt(6, 10)), at("a", 2, 8, windowAt(8, 10)), at("a", 3, 2, windowAt(2, 10))));

    assertThat(output.get(0).getTimestamp(), is(new Instant(8)));
  }

  /** Encodes strings in lower case: keys differing only in case are equal to it. */
  static final class CaseInsensitiveCoder extends Coder<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(String value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value.toLowerCase(Locale.ROOT), out);
    }

    @Override
    public String decode(InputStream in) throws CoderException, IOException {
      return StringUtf8Coder.of().decode(in);
    }

    @Override
    public void verifyDeterministic() {}
  }

  @Test
  void comparesKeysByTheirEncodingNotByEquals() {
    List<WindowedValue<KV<String, List<Integer>>>> output = group(GLOBAL, new CaseInsensitiveCoder(), List.of(
        at("Key", 1, 0, GlobalWindow.INSTANCE), at("KEY", 2, 0, GlobalWindow.INSTANCE)));

    assertThat(output.stream().map(WindowedValue::getValue).toList(), contains(KV.of("Key", List.of(1, 2))));
  }

  @Test
  void emitsNothingForNoInput() {
    assertThat(group(GLOBAL, StringUtf8Coder.of(), List.of()), empty());
  }

  @Test
  void mergesEachKeysOverlappingSessionsIntoOneGroup() {
    WindowingStrategy<?, ?> sessions = WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10)));

    List<WindowedValue<KV<String, List<Integer>>>> output = group(sessions, StringUtf8Coder.of(), List.of(
        at("a", 1, 0, session(0)), at("a", 2, 5, session(5)), at("a", 3, 30, session(30)), at("b", 4, 3, session(3))));

    assertThat(output, containsInAnyOrder(
        WindowedValue.of(KV.of("a", List.of(1, 2)), new Instant(14), session(0, 15), PaneInfo.ON_TIME_AND_ONLY_FIRING),
        WindowedValue.of(KV.of("a", List.of(3)), new Instant(39), session(30), PaneInfo.ON_TIME_AND_ONLY_FIRING),
        WindowedValue.of(KV.of("b", List.of(4)), new Instant(12), session(3), PaneInfo.ON_TIME_AND_ONLY_FIRING)));
  }

  @Test
  void timestampsMergedSessionsWithTheEarliestInputOfAnyOfThemUnderEarliest() {
    WindowingStrategy<?, ?> sessions = WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10)))
        .withTimestampCombiner(TimestampCombiner.EARLIEST);

    List<WindowedValue<KV<String, List<Integer>>>> output = group(sessions, StringUtf8Coder.of(), List.of(
        at("a", 1, 5, session(5)), at("a", 2, 0, session(0)), at("a", 3, 12, session(12))));

    assertThat(output.get(0).getWindows(), contains(session(0, 22)));
    assertThat(output.get(0).getTimestamp(), is(new Instant(0)));
  }

  @Test
  void mergesTheSessionsOfAKeyWithManySessionsPairwise() {
    WindowingStrategy<?, ?> sessions = WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10)));
    List<WindowedValue<KV<String, Integer>>> input = new ArrayList<>();
    for (int pair = 0; pair < 20; pair++) {
      input.add(at("a", 2 * pair, 100 * pair, session(100 * pair)));
    }
    for (int pair = 0; pair < 20; pair++) {
      input.add(at("a", 2 * pair + 1, 100 * pair + 5, session(100 * pair + 5)));
    }

    List<WindowedValue<KV<String, List<Integer>>>> output = group(sessions, StringUtf8Coder.of(), input);

    List<WindowedValue<KV<String, List<Integer>>>> expected = new ArrayList<>();
    for (int pair = 0; pair < 20; pair++) {
      expected.add(WindowedValue.of(KV.of("a", List.of(2 * pair, 2 * pair + 1)), new Instant(100 * pair + 14),
          session(100 * pair, 100 * pair + 15), PaneInfo.ON_TIME_AND_ONLY_FIRING));
    }
    assertThat(output, containsInAnyOrder(expected.toArray()));
  }

  @Test
  void keepsSessionsThatOnlyTouchApart() {
    WindowingStrategy<?, ?> sessions = WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10)));

    List<WindowedValue<KV<String, List<Integer>>>> output = group(sessions, StringUtf8Coder.of(), List.of(
        at("a", 1, 0, session(0)), at("a", 2, 10, session(10))));

    assertThat(output.stream().map(WindowedValue::getWindows).toList(),
        containsInAnyOrder(List.of(session(0)), List.of(session(10))));
  }

  private static IntervalWindow session(long start) {
    return session(start, start + 10);
  }

  private static IntervalWindow session(long start, long end) {
    return new IntervalWindow(new Instant(start), new Instant(end));
  }

  @Test
  void acceptsTriggersThatFireOnceAtTheEndOfTheWindowOfABoundedInput() {
    BatchGroupAlsoByWindow.checkSupported("GBK", FIXED_10.withTrigger(AfterWatermark.pastEndOfWindow()));
    BatchGroupAlsoByWindow.checkSupported("GBK", FIXED_10.withTrigger(
        AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1))));
    BatchGroupAlsoByWindow.checkSupported("GBK", FIXED_10.withTrigger(
        Repeatedly.forever(AfterWatermark.pastEndOfWindow())));
  }

  @Test
  void rejectsTriggersWithEarlyFiringsNamingTheStepAndTheTrigger() {
    WindowingStrategy<?, ?> early = FIXED_10.withTrigger(
        AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(2)));

    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> BatchGroupAlsoByWindow.checkSupported("Count/GroupByKey", early));

    assertThat(e.getMessage(), containsString("GroupByKey 'Count/GroupByKey' groups a collection triggered by "
        + early.getTrigger() + ", which may fire before the end of the window"));
  }

  @Test
  void rejectsProcessingAfterFinish() {
    BatchGroupAlsoByWindow<String, Integer, List<Integer>, Iterable<Integer>> grouping =
        BatchGroupAlsoByWindow.buffering("GBK", StringUtf8Coder.of(), VarIntCoder.of(), GLOBAL);
    grouping.finish(v -> {});

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> grouping.processElement(at("a", 1, 0, GlobalWindow.INSTANCE)));

    assertThat(e.getMessage(), containsString("after finish"));
  }

  @Test
  void aGroupingRestoredFromASnapshotGroupsAsTheOriginalWouldHave() {
    WindowingStrategy<?, ?> sessions = WindowingStrategy.of(Sessions.withGapDuration(Duration.millis(10)));
    BatchGroupAlsoByWindow<String, Integer, List<Integer>, Iterable<Integer>> original =
        BatchGroupAlsoByWindow.buffering("GBK", StringUtf8Coder.of(), VarIntCoder.of(), sessions);
    original.processElement(at("a", 1, 0, session(0)));
    original.processElement(at("b", 4, 3, session(3)));
    BatchGroupAlsoByWindow<String, Integer, List<Integer>, Iterable<Integer>> restored =
        BatchGroupAlsoByWindow.buffering("GBK", StringUtf8Coder.of(), VarIntCoder.of(), sessions);

    restored.restore(original.snapshot());
    restored.processElement(at("a", 2, 5, session(5)));

    List<WindowedValue<KV<String, List<Integer>>>> output = new ArrayList<>();
    restored.finish(kv -> {
      List<Integer> values = new ArrayList<>();
      kv.getValue().getValue().forEach(values::add);
      output.add(kv.withValue(KV.of(kv.getValue().getKey(), values)));
    });
    assertThat(output, containsInAnyOrder(
        WindowedValue.of(KV.of("a", List.of(1, 2)), new Instant(14), session(0, 15), PaneInfo.ON_TIME_AND_ONLY_FIRING),
        WindowedValue.of(KV.of("b", List.of(4)), new Instant(12), session(3), PaneInfo.ON_TIME_AND_ONLY_FIRING)));
  }

  @Test
  void refusesToRestoreTheStreamingCoresSnapshotNamingTheStep() {
    GroupAlsoByWindowCore<String, Integer, List<Integer>, Iterable<Integer>> core = new GroupAlsoByWindowCore<>(
        GroupAlsoByWindowSpec.of("GBK", StringUtf8Coder.of(), PaneContents.buffering(VarIntCoder.of()), FIXED_10),
        pane -> {});
    BatchGroupAlsoByWindow<String, Integer, List<Integer>, Iterable<Integer>> grouping =
        BatchGroupAlsoByWindow.buffering("GBK", StringUtf8Coder.of(), VarIntCoder.of(), FIXED_10);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> grouping.restore(core.snapshot()));

    assertThat(e.getMessage(), containsString("Grouping step 'GBK' cannot restore from this snapshot"));
  }

  @Test
  void holdsTheOutputWatermarkWhileItKeepsGroupsAndEmitsThemWhenTheInputEnds() {
    BatchGroupAlsoByWindow<String, Integer, List<Integer>, Iterable<Integer>> grouping =
        BatchGroupAlsoByWindow.buffering("GBK", StringUtf8Coder.of(), VarIntCoder.of(), GLOBAL);
    List<WindowedValue<KV<String, Iterable<Integer>>>> output = new ArrayList<>();
    assertThat(grouping.outputWatermarkHold(), is(BoundedWindow.TIMESTAMP_MAX_VALUE));

    grouping.processElement(at("a", 1, 0, GlobalWindow.INSTANCE));
    boolean early = grouping.finishAtEndOfInput(new Instant(5), output::add);

    assertThat(early, is(false));
    assertThat(output, empty());
    assertThat(grouping.outputWatermarkHold(), is(BoundedWindow.TIMESTAMP_MIN_VALUE));
    assertThat(grouping.finishAtEndOfInput(BoundedWindow.TIMESTAMP_MAX_VALUE, output::add), is(true));
    assertThat(output, hasSize(1));
    assertThat(grouping.outputWatermarkHold(), is(BoundedWindow.TIMESTAMP_MAX_VALUE));
  }
}
