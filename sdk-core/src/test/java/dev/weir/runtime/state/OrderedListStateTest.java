package dev.weir.runtime.state;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.state.OrderedListState;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.values.TimestampedValue;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class OrderedListStateTest {
  private final StateSpec<OrderedListState<String>> spec = StateSpecs.orderedList(StringUtf8Coder.of());
  private final OrderedListState<String> list = CellRoundTrip.bind(spec);

  private static TimestampedValue<String> at(String value, long millis) {
    return TimestampedValue.of(value, new Instant(millis));
  }

  private void addAll() {
    list.add(at("c", 30));
    list.add(at("a", 10));
    list.add(at("b1", 20));
    list.add(at("b2", 20));
  }

  @Test
  void readsSortedByTimestampKeepingTheOrderOfEqualTimestamps() {
    addAll();
    assertEquals(List.of(at("a", 10), at("b1", 20), at("b2", 20), at("c", 30)), ImmutableList.copyOf(list.read()));
  }

  @Test
  void readRangeIncludesTheMinimumAndExcludesTheLimit() {
    addAll();
    assertEquals(List.of(at("b1", 20), at("b2", 20)),
        ImmutableList.copyOf(list.readRange(new Instant(20), new Instant(30))));
    assertEquals(List.of(), ImmutableList.copyOf(list.readRange(new Instant(11), new Instant(20))));
  }

  @Test
  void clearRangeRemovesOnlyThatRange() {
    addAll();
    list.clearRange(new Instant(10), new Instant(21));
    assertEquals(List.of(at("c", 30)), ImmutableList.copyOf(list.read()));
  }

  @Test
  void rejectsARangeThatEndsBeforeItStarts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> list.readRange(new Instant(5), new Instant(4)));
    assertThat(e.getMessage(), containsString("ends before it starts"));
  }

  @Test
  void isEmptyAndClear() {
    assertTrue(list.isEmpty().read());
    addAll();
    assertFalse(list.isEmpty().read());
    list.clear();
    assertTrue(list.isEmpty().read());
    assertTrue(CellRoundTrip.savesNothing(list));
  }

  @Test
  void survivesEncoding() {
    addAll();
    list.clearRange(new Instant(30), new Instant(31));
    assertEquals(List.of(at("a", 10), at("b1", 20), at("b2", 20)),
        ImmutableList.copyOf(CellRoundTrip.copy(spec, list).read()));
  }
}
