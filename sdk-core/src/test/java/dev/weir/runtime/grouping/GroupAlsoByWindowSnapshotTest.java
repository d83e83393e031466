package dev.weir.runtime.grouping;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.BigEndianLongCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The snapshot format of the grouping core: versioning, rejection of foreign bytes, stability. */
class GroupAlsoByWindowSnapshotTest {
  private static final WindowingStrategy<?, ?> FIXED_10 = WindowingStrategy.of(FixedWindows.of(Duration.millis(10)));
  private static final IntervalWindow W0 = new IntervalWindow(new Instant(0), new Instant(10));

  private final List<WindowedValue<KV<String, Iterable<String>>>> output = new ArrayList<>();

  private static GroupAlsoByWindowSpec<String, String, List<String>, Iterable<String>> spec() {
    return GroupAlsoByWindowSpec.of(
        "Words/GroupByKey", StringUtf8Coder.of(), PaneContents.buffering(StringUtf8Coder.of()), FIXED_10);
  }

  private GroupAlsoByWindowCore<String, String, List<String>, Iterable<String>> coreWith(String... keys) {
    GroupAlsoByWindowCore<String, String, List<String>, Iterable<String>> core =
        new GroupAlsoByWindowCore<>(spec(), output::add);
    for (String key : keys) {
      core.processElements(key, List.of(WindowedValue.of("v-" + key, new Instant(1), W0, PaneInfo.NO_FIRING)));
    }
    return core;
  }

  @Test
  void equalStatesSnapshotToEqualBytesWhateverTheKeyArrivalOrder() {
    assertArrayEquals(coreWith("a", "b", "c").snapshot(), coreWith("c", "a", "b").snapshot());
  }

  @Test
  void aRestoredCoreEmitsWhatTheOriginalWould() {
    byte[] bytes = coreWith("a", "b").snapshot();
    GroupAlsoByWindowCore<String, String, List<String>, Iterable<String>> restored =
        GroupAlsoByWindowCore.restore(spec(), bytes, output::add);
    restored.advanceInputWatermark(new Instant(10));

    assertEquals(List.of(
        WindowedValue.of(KV.of("a", (Iterable<String>) List.of("v-a")), new Instant(9), W0,
            PaneInfo.ON_TIME_AND_ONLY_FIRING),
        WindowedValue.of(KV.of("b", (Iterable<String>) List.of("v-b")), new Instant(9), W0,
            PaneInfo.ON_TIME_AND_ONLY_FIRING)),
        output);
  }

  @Test
  void snapshotOfAnotherFormatVersionIsRejectedNamingTheStepAndVersions() {
    byte[] bytes = coreWith("a").snapshot();
    bytes[0] = 7;

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GroupAlsoByWindowCore.restore(spec(), bytes, output::add));
    assertThat(e.getMessage(), allOf(
        containsString("Words/GroupByKey"), containsString("format version 7"), containsString("only version 1")));
  }

  @Test
  void truncatedSnapshotIsRejected() {
    byte[] bytes = coreWith("a").snapshot();
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);

    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> GroupAlsoByWindowCore.restore(spec(), truncated, output::add));
    assertThat(e.getMessage(), allOf(
        containsString("Words/GroupByKey"), containsString("cannot restore from this snapshot"),
        containsString("do not decode")));
  }

  @Test
  void snapshotWrittenWithOtherCodersIsRejected() {
    byte[] bytes = coreWith("a").snapshot();
    GroupAlsoByWindowSpec<String, Long, List<Long>, Iterable<Long>> longValues = GroupAlsoByWindowSpec.of(
        "Words/GroupByKey", StringUtf8Coder.of(), PaneContents.buffering(BigEndianLongCoder.of()), FIXED_10);

    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> GroupAlsoByWindowCore.restore(longValues, bytes, value -> { }));
    assertThat(e.getMessage(), containsString("Restore a snapshot written by the same step with the same coders"));
  }

  @Test
  void snapshotStartsWithTheFormatVersion() {
    assertEquals(GroupAlsoByWindowSnapshot.VERSION, coreWith().snapshot()[0]);
  }
}
